"""What an output folder holds: the state each page was written in.

Sphinx decides what to write from source-file times, and a page whose links,
back-links or listings changed because of *another* document has no newer
source. So for each output folder a small JSON file keeps a digest per
generated page and per document with cross-document parts; after reading, the
pages whose digest differs are written. Keeping one record per output folder
(not one in the environment) makes builders that share one doctree folder, as
``make html text`` does, each bring their own output up to date. The records
live in the doctree folder, so nothing extra is published (or packed into an
epub) with the output.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["OutputRecord", "record_path"]

RECORD_FOLDER = "sphinx-concepts"
#: Bump when the digests change meaning, so every page is written once more.
RECORD_VERSION = 1


def record_path(app: Sphinx) -> Path:
    """The record of the current builder and output folder."""
    outdir = str(Path(app.outdir).resolve())
    digest = hashlib.sha256(outdir.encode("utf-8")).hexdigest()[:16]
    return Path(app.doctreedir, RECORD_FOLDER, f"{app.builder.name}-{digest}.json")


@dataclass
class OutputRecord:
    #: generated docname -> digest of its page model
    pages: dict[str, str] = field(default_factory=dict)
    #: docname -> digest of its cross-document parts
    documents: dict[str, str] = field(default_factory=dict)
    #: The domain's inputs digest these states were derived from ("" if unknown).
    inputs: str = ""

    @classmethod
    def load(cls, app: Sphinx) -> OutputRecord:
        """The record of the current builder's output folder (empty when there is none)."""
        try:
            data = json.loads(record_path(app).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if (
            not isinstance(data, dict)
            or data.get("version") != RECORD_VERSION
            or data.get("builder") != app.builder.name
        ):
            return cls()
        pages, documents, inputs = data.get("pages"), data.get("documents"), data.get("inputs", "")
        if not isinstance(pages, dict) or not isinstance(documents, dict) or not isinstance(inputs, str):
            return cls()
        return cls(pages, documents, inputs)

    def save(self, app: Sphinx) -> None:
        data = {
            "version": RECORD_VERSION,
            "builder": app.builder.name,
            "pages": self.pages,
            "documents": self.documents,
            "inputs": self.inputs,
        }
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        path = record_path(app)
        try:
            if path.read_text(encoding="utf-8") == text:
                return
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def outdated(self, current: OutputRecord) -> set[str]:
        """The documents whose current digest differs from the recorded one."""
        return {doc for doc, digest in current.pages.items() if self.pages.get(doc) != digest} | {
            doc for doc, digest in current.documents.items() if self.documents.get(doc) != digest
        }
