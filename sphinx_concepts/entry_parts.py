"""Fill in the parts of pages that depend on other documents, as each page is written.

An entry's "Also known as", category and tag links, related concepts,
"Referenced by" and the link back to all concepts, and every ``concept-list``
listing, stand in the read doctree as :class:`~sphinx_concepts.nodes.concept_part`
placeholders, filled in from the records of all documents:

- an entry's parts, by the writers of the common formats (:data:`WRITER_FORMATS`),
  as they reach the placeholder (:func:`visit_part`), with their links resolved
  there. The nodes live only while their page is translated, so Python's
  garbage collector never has to scan them again (made earlier, thousands of
  entry parts per build outlived young collections and made every full
  collection longer), and with ``-j`` the work is done in the writing
  processes, in parallel. Their words are not in the search index: they are
  names of other entries, tags and categories, each found on its own page;
- listings, and every part for other builders, by the :class:`ConceptParts`
  post-transform, before Sphinx resolves the links it makes (and before themes'
  transforms, which wrap tables, see them).

Either way the content is the same nodes, made by :func:`part_content`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.errors import NoUri
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .conceptmap import concept_map, node_title
from .domain import RELATED_FLAG, concept_domain
from .envtools import builder_format, output_file
from .model import Concept, concept_key
from .nodes import concept_part
from .pages import ConceptRow
from .render import concept_link, doc_link, listing, std_link
from .views import EntryView, entry_view

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = ["BACKLINK_CLASS", "WRITER_FORMATS", "ConceptParts", "drop_unreachable_parts", "visit_part"]

_ = get_translation("sphinx_concepts")
logger = logging.getLogger(__name__)

#: The class of an entry's "Back to all concepts" paragraph.
BACKLINK_CLASS = "concept-backlink"
#: The class of the glossary's letter bar, a web page's way around one long page.
JUMPBAR_CLASS = "concept-jumpbar"
#: sphinx-design's classes for an outlined badge, as its ``bdg-primary-line`` role makes.
_DESIGN_BADGE = ["sd-badge", "sd-outline-primary", "sd-text-primary"]
#: Sphinx's search (8.2 and later) leaves out the words of elements with this class.
NO_SEARCH = "no-search"
#: The label of the domain index, the fallback target of "Back to all concepts".
DOMAIN_INDEX_LABEL = "concept-index"
#: Builder formats whose writers fill placeholders in (see visit_part).
WRITER_FORMATS = ("html", "latex", "text", "man", "texinfo")
#: The placeholder attribute that names its document, set by the post-transform.
_SOURCE = "source-docname"


class ConceptParts(SphinxPostTransform):
    """Note each placeholder's document, or fill it in where writers do not."""

    # Before ReferencesResolver (priority 10) resolves the links made here.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(concept_part))
        if not placeholders:
            return
        env = self.env
        form = builder_format(env)
        domain = concept_domain(env)
        domain.graph  # noqa: B018 (built here, in the main process, before -j forks writers)
        for node in placeholders:
            docname = _source_docname(node, env.docname)
            # Listings are few, and hold tables that themes' own transforms wrap.
            if form in WRITER_FORMATS and node["part"] != "list":
                node[_SOURCE] = docname
            else:
                node.replace_self(part_content(env, node, docname, form, back_link=True))


def visit_part(translator: Any, node: concept_part) -> None:
    """Writers: write the placeholder's content, with resolved links, in its place.

    The content goes in beside the placeholder while it is written, so writers
    see it where the entry has it (the man writer, for one, starts a paragraph
    by looking at what comes before it), and is taken out again afterwards.
    """
    docname = node.get(_SOURCE)
    if docname is None:  # a builder that skipped post-transforms: leave it out
        raise nodes.SkipNode
    builder: Builder = translator.builder
    env = builder.env
    content = part_content(env, node, docname, builder.format, back_link=_back_link_reachable(builder))
    fromdocname = getattr(builder, "current_docname", "") or docname
    parent = node.parent
    at = parent.index(node) + 1
    parent[at:at] = content
    try:
        for item in content:
            _resolve_links(item, env, builder, fromdocname)
            item.walkabout(translator)
    finally:
        del parent[at : at + len(content)]
    raise nodes.SkipNode


def part_content(env: BuildEnvironment, node: concept_part, docname: str, form: str, *, back_link: bool) -> list[Node]:
    """The nodes a placeholder stands for, with pending links; *form* is the builder's format."""
    domain = concept_domain(env)
    config = env.config
    if node["part"] == "list":
        rows = domain.listing_rows(node["spec"])
        design = "sphinx_design" in config.extensions
        layout = node["spec"].layout or config.concepts_listing_layout
        return [_listing(rows, docname, layout, node["classes"], design)]
    hidden = set(config.concepts_hidden_parts)
    if not back_link:
        hidden.add("backlink")
    concept = domain.record(docname, node["anchor"]) if node.get("anchor") else None
    if concept is not None:
        view = entry_view(concept, domain.graph, config.concepts_pages)
    else:  # an entry with :no-index: has no record: show what it declares, as text
        view = EntryView(
            aliases=tuple(node["aliases"]),
            category=(node["category"], None) if node.get("category") else None,
            tags=tuple((tag, None) for tag in node["tags"]),
            related=tuple(node["related"]),
            referrers=(),
        )
    if node["part"] == "meta":
        return _meta(view, hidden, docname, _badge_classes(config, form))
    result = _links(view, hidden, docname, back_link_target(config))
    if concept is not None and "map" not in hidden:
        # Before "Back to all concepts", which closes the entry.
        last = result[-1] if result else None
        at = len(result) - 1 if isinstance(last, nodes.Element) and BACKLINK_CLASS in last["classes"] else len(result)
        result[at:at] = _map(concept, view, env.titles)
    return result


def _badge_classes(config: Config, form: str) -> list[str]:
    # Elsewhere than HTML a badge is only a word: keep the comma-separated list.
    if not config.concepts_badges or form != "html":
        return []
    if "sphinx_design" in config.extensions:
        return ["concept-badge", *_DESIGN_BADGE]
    return ["concept-badge"]


def _resolve_links(root: nodes.Node, env: BuildEnvironment, builder: Builder, fromdocname: str) -> None:
    """Resolve the pending links under *root* as Sphinx's ReferencesResolver would.

    They are the links parts make: to concepts, to documents, and ``:ref:`` for a
    configured "Back to all concepts" label.
    """
    single_page = isinstance(builder, SingleFileHTMLBuilder)
    for pending in list(root.findall(addnodes.pending_xref)):
        contnode = pending[0]
        try:
            resolved = _resolved(env, builder, fromdocname, pending, contnode)
        except NoUri:  # a page this builder does not write: the text alone, as Sphinx does
            resolved = None
        if resolved is not None and single_page:
            _one_page_anchor(resolved)
        pending.replace_self(resolved if resolved is not None else contnode)


def _resolved(
    env: BuildEnvironment, builder: Builder, fromdocname: str, pending: addnodes.pending_xref, contnode: nodes.Node
) -> nodes.Node | None:
    domain = env.get_domain(pending["refdomain"])
    typ, target = pending["reftype"], pending["reftarget"]
    resolved = domain.resolve_xref(env, fromdocname, builder, typ, target, pending, contnode)  # type: ignore[arg-type]
    if resolved is not None or pending.get(RELATED_FLAG):  # an unknown related concept is reported once
        return resolved
    handled: nodes.Node | None = env.events.emit_firstresult(
        "missing-reference", env, pending, contnode, allowed_exceptions=(NoUri,)
    )
    if handled is None:
        _warn_missing(pending)
    return handled


def _warn_missing(pending: addnodes.pending_xref) -> None:
    if pending["refdomain"] == "std" and pending["reftype"] == "ref":
        logger.warning("undefined label: %r", pending["reftarget"], location=pending, type="ref", subtype="ref")
    else:
        target = f"{pending['refdomain']}:{pending['reftype']}"
        logger.warning(
            "%r reference target not found: %s",
            target,
            pending["reftarget"],
            location=pending,
            type="ref",
            subtype=target,
        )


def _one_page_anchor(resolved: nodes.Node) -> None:
    """singlehtml: "#document-x#anchor" becomes "#anchor", as every document is on the page."""
    for reference in resolved.findall(nodes.reference):
        uri = reference.get("refuri", "")
        second = uri.find("#", uri.find("#") + 1) if uri.startswith("#") else -1
        if second > 0:
            reference["refuri"] = uri[second:]


def _source_docname(node: nodes.Element, default: str) -> str:
    """The document a placeholder comes from: singlehtml writes them all as one page.

    Sphinx marks the sections of each document it inlines with their ``docname``
    (and wraps them in ``start_of_file``, though without parent links to it).
    """
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.section, addnodes.start_of_file)) and parent.get("docname"):
            return str(parent["docname"])
        parent = parent.parent
    return default


def back_link_target(config: Config) -> tuple[str, str]:
    """("ref", label) or ("doc", docname): where "Back to all concepts" goes."""
    label: str = config.concepts_all_concepts_label
    if label:
        return ("ref", label)
    settings = config.concepts_pages
    if settings["glossary"] is not False:
        return ("doc", f"{settings['folder']}/index")
    return ("ref", DOMAIN_INDEX_LABEL)


def _listing(rows: list[ConceptRow], docname: str, layout: str, classes: Sequence[str], design: bool) -> nodes.Element:
    if not rows:
        text = _("No concepts match.")
        return nodes.paragraph(text, text, classes=["concept-list-empty", *classes])
    result = listing(rows, docname, layout, design=design)
    result["classes"].extend(["concept-list", *classes])
    return result


def _field(label: str, body: list[Node], class_name: str) -> nodes.field:
    return nodes.field(
        "",
        nodes.field_name(label, label),
        nodes.field_body("", nodes.paragraph("", "", *body)),
        classes=[class_name],
    )


def _joined(parts: Sequence[Node]) -> list[Node]:
    joined: list[Node] = []
    for index, part in enumerate(parts):
        if index:
            joined.append(nodes.Text(", "))
        joined.append(part)
    return joined


def _term(name: str, page: str | None, classes: list[str], docname: str) -> Node:
    """A tag or category: a link to its page where it has one."""
    if page is None:
        return nodes.inline(name, name, classes=classes)
    # Around the link: the std domain replaces a :doc: link's inner node.
    return nodes.inline("", "", doc_link(name, page, docname), classes=classes)


def _map(concept: Concept, view: EntryView, titles: dict[str, nodes.title]) -> list[Node]:
    """The entry's neighbourhood: who references it, and what it relates to."""
    related = [row for row in view.related if isinstance(row, ConceptRow)]
    if not related and not view.referrers:
        return []
    items = [_map_item(concept.name, concept.docname, concept.anchor, concept.summary, "concept")]
    items.extend(_map_item(row.name, row.docname, row.anchor, row.summary, "related") for row in related)
    for doc in view.referrers:
        title = titles[doc].astext() if doc in titles else doc
        items.append((title, doc, "", "", "referrer"))
    label = str(_("Concept map of %s")) % concept.name
    return [concept_map("", kind="neighbourhood", label=label, items=items)]


def _map_item(name: str, docname: str, anchor: str, summary: str, role: str) -> tuple[str, str, str, str, str]:
    return (name, docname, anchor, node_title(name, summary), role)


def _meta(view: EntryView, hidden: set[str], docname: str, badge: list[str]) -> list[Node]:
    fields = nodes.field_list()
    if view.aliases and "aliases" not in hidden:
        aliases = [nodes.inline(alias, alias, classes=["concept-alias"]) for alias in view.aliases]
        fields += _field(_("Also known as"), _joined(aliases), "concept-field-aliases")
    if view.category and "category" not in hidden:
        name, page = view.category
        category = _term(name, page, ["concept-category", *badge], docname)
        fields += _field(_("Category"), [category], "concept-field-category")
    if view.tags and "tags" not in hidden:
        tags = [_term(name, page, ["concept-tag", *badge], docname) for name, page in view.tags]
        if badge:  # badges side by side, not a comma-separated list
            spaced: list[Node] = []
            for tag in tags:
                spaced.extend([tag, nodes.Text(" ")])
            tag_body: list[Node] = [nodes.inline("", "", *spaced[:-1], classes=["concept-badges"])]
        else:
            tag_body = _joined(tags)
        fields += _field(_("Tags"), tag_body, "concept-field-tags")
    if not fields.children:
        return []
    return [nodes.container("", fields, classes=["concept-meta"])]


def _links(view: EntryView, hidden: set[str], docname: str, back: tuple[str, str]) -> list[Node]:
    result: list[Node] = []
    if view.related and "related" not in hidden:
        links: list[Node] = []
        for row in view.related:
            if isinstance(row, ConceptRow):
                links.append(concept_link(row.name, row.key, docname))
            else:  # unknown (reported once by the domain) or unrecorded: kept as text
                link = concept_link(row, concept_key(row), docname)
                link["refwarn"] = False
                link[RELATED_FLAG] = True
                links.append(link)
        related = nodes.field_list("", _field(_("Related concepts"), _joined(links), "concept-field-related"))
        result.append(nodes.container("", related, classes=["concept-related"]))
    if view.referrers and "referenced-by" not in hidden:
        referrers: list[Node] = [doc_link(None, doc, docname) for doc in view.referrers]
        field = _field(_("Referenced by"), _joined(referrers), "concept-field-referenced-by")
        # Other documents' titles: no word of them belongs in this page's search terms.
        classes = ["concept-referenced-by", NO_SEARCH]
        result.append(nodes.container("", nodes.field_list("", field), classes=classes))
    if "backlink" not in hidden:
        kind, target = back
        text = _("Back to all concepts")
        link = doc_link(text, target, docname) if kind == "doc" else std_link(text, "ref", target, docname)
        result.append(nodes.paragraph("", "← ", link, classes=[BACKLINK_CLASS, NO_SEARCH]))
    return result


def drop_unreachable_parts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: remove what points nowhere in this builder's output.

    The glossary's letter bar is dropped outside HTML: a printed or plain-text
    glossary has its letter headings, and in-page links would be dead there.
    Where the post-transform filled parts in (builders other than
    :data:`WRITER_FORMATS`), "Back to all concepts" is dropped when its target
    is a page this builder does not write (see :func:`_back_link_reachable`);
    writers leave it out themselves.
    """
    builder = app.builder
    if builder.format != "html":
        for paragraph in list(doctree.findall(nodes.paragraph)):
            if JUMPBAR_CLASS in paragraph["classes"]:
                paragraph.parent.remove(paragraph)
    if builder.format not in WRITER_FORMATS and not _back_link_reachable(builder):
        for paragraph in list(doctree.findall(nodes.paragraph)):
            if BACKLINK_CLASS in paragraph["classes"]:
                paragraph.parent.remove(paragraph)


def _back_link_reachable(builder: Builder) -> bool:
    """Whether "Back to all concepts" leads to a page in this builder's output.

    Not where its target is the domain index and the builder writes no such page
    (singlehtml, LaTeX, text, ...), nor a document that is no page here.
    """
    env = builder.env
    kind, target = back_link_target(builder.config)
    if kind == "ref":
        label = env.get_domain("std").anonlabels.get(target)  # type: ignore[attr-defined]
        if label is None:
            return True  # an unknown label is reported when the link is resolved
        target = label[0]
        if target not in env.all_docs:  # a domain index: a page of some builders only
            return _writes_index_page(builder, target)
    # A document is a page of its own in builders that write one file per document;
    # the others (singlehtml, LaTeX, ...) hold only what the root toctree includes.
    return (
        output_file(builder, target) is not None
        or target == builder.config.root_doc
        or bool(env.files_to_rebuild.get(target))
    )


def _writes_index_page(builder: Builder, docname: str) -> bool:
    if isinstance(builder, SingleFileHTMLBuilder):
        return False
    written = getattr(builder, "domain_indices", ())
    return any(index[0] == docname for index in written)
