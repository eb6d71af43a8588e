"""Concept maps: SVG pictures of how concepts relate, drawn when a page is written.

Two drawings, both plain SVG written into the HTML page, so no program outside
Python (Graphviz's ``dot``), no script and no network are needed, and the
colours come from the page's stylesheet (light and dark modes alike):

* the **neighbourhood** of one entry: the documents that reference it on the
  left, the concept in the middle, its related concepts on the right;
* the **library**: every concept on a circle, grouped by category, with a chord
  for each relation; labels point outwards so that hundreds stay readable.

A map node holds the docname and anchor of each drawn node; the HTML writer
asks the builder for their URLs, so every builder's URL scheme (dirhtml,
singlehtml) is right. Builders other than HTML leave maps out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .nodes import visit_skip

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["MapNode", "concept_map", "library_svg", "neighbourhood_svg", "node_title", "register"]

#: Labels longer than this are shortened (the whole name is in the node's title).
MAX_LABEL = 32
#: An estimate of the width of one character at the maps' font size, in pixels.
CHAR_WIDTH = 7.0
#: Most referring documents drawn around one concept; the rest are counted.
MAX_REFERRERS = 12


class concept_map(nodes.General, nodes.Element):
    """A map; ``kind`` is "neighbourhood" or "library".

    ``items``: one (label, docname, anchor, hover title, role) per drawn node; the
    library map adds ``groups`` ((category, number of items) in order) and
    ``edges`` (pairs of item indexes).
    """


@dataclass(frozen=True)
class MapNode:
    label: str
    href: str | None
    #: Shown on hover: the whole name and, for concepts, the summary.
    title: str
    #: "concept", "related", "referrer" or "more"; the library map's category index.
    kind: str = "concept"
    group: int = 0


def node_title(name: str, summary: str) -> str:
    """What a concept's node shows on hover: its name, and its summary if it has one."""
    return f"{name}: {summary}" if summary else name


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def _width(label: str) -> float:
    return len(_short(label)) * CHAR_WIDTH + 20


def _num(value: float) -> str:
    """Coordinates with one decimal: small files, the same bytes on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _box(node: MapNode, x: float, y: float, width: float, extra_class: str = "") -> str:
    """A labelled box whose left edge is at *x* and vertical centre at *y*."""
    body = (
        f'<g class="concept-map-node concept-map-{node.kind}{extra_class}">'
        f"<title>{escape(node.title)}</title>"
        f'<rect x="{_num(x)}" y="{_num(y - 11)}" width="{_num(width)}" height="22" rx="5"/>'
        f'<text x="{_num(x + width / 2)}" y="{_num(y + 4)}" text-anchor="middle">{escape(_short(node.label))}</text>'
        "</g>"
    )
    if node.href is None:
        return body
    return f'<a href="{escape(node.href)}">{body}</a>'


def _svg(width: float, height: float, label: str, parts: Sequence[str], kind: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="concept-map-svg" role="group" '
        f'aria-label="{escape(label)}" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" data-kind="{kind}">' + "".join(parts) + "</svg>"
    )


def neighbourhood_svg(center: MapNode, related: Sequence[MapNode], referrers: Sequence[MapNode], label: str) -> str:
    """One concept between the documents that reference it and its related concepts."""
    shown = list(referrers[:MAX_REFERRERS])
    if len(referrers) > len(shown):
        more = len(referrers) - len(shown)
        shown.append(MapNode(f"+{more}", None, f"+{more}", "more"))
    row, gap, pad = 30.0, 56.0, 4.0
    left_width = max((_width(n.label) for n in shown), default=0.0)
    right_width = max((_width(n.label) for n in related), default=0.0)
    center_width = _width(center.label)
    height = max(len(shown), len(related), 1) * row + 2 * pad
    middle = height / 2
    center_x = pad + (left_width + gap if shown else 0.0)
    right_x = center_x + center_width + gap
    width = (right_x + right_width if related else center_x + center_width) + pad

    edges: list[str] = []
    boxes: list[str] = []

    def column_y(count: int, index: int) -> float:
        return middle + (index - (count - 1) / 2) * row

    def curve(kind: str, x1: float, y1: float, x2: float, y2: float) -> str:
        """A horizontal S-curve from one column to the next."""
        middle_x = (x1 + x2) / 2
        return (
            f'<path class="concept-map-edge concept-map-edge-{kind}" d="M{_num(x1)} {_num(y1)} '
            f'C{_num(middle_x)} {_num(y1)} {_num(middle_x)} {_num(y2)} {_num(x2)} {_num(y2)}"/>'
        )

    for index, node in enumerate(shown):
        y = column_y(len(shown), index)
        edges.append(curve("referrer", pad + left_width, y, center_x, middle))
        boxes.append(_box(node, pad + left_width - _width(node.label), y, _width(node.label)))
    for index, node in enumerate(related):
        y = column_y(len(related), index)
        edges.append(curve("related", center_x + center_width, middle, right_x, y))
        boxes.append(_box(node, right_x, y, _width(node.label)))
    boxes.append(_box(center, center_x, middle, center_width, " concept-map-center"))
    return _svg(width, height, label, [*edges, *boxes], "neighbourhood")


def library_svg(groups: Sequence[tuple[str, Sequence[MapNode]]], edges: Sequence[tuple[int, int]], label: str) -> str:
    """Every concept on a circle, grouped by category, with a chord per relation.

    *edges* are pairs of indexes into the concepts in group order. The circle
    grows with the number of concepts, so labels keep their size; the page
    scrolls the picture rather than shrinking it.
    """
    concepts = [node for _name, members in groups for node in members]
    if not concepts:
        return ""
    slot = 15.0  # pixels of circumference per concept: one line of 11 px text
    slots = len(concepts) + len(groups)  # an empty slot between two categories
    radius = max(90.0, slots * slot / (2 * math.pi))
    reach = max(_width(n.label) for n in concepts) - 12
    margin = reach + 16
    size = 2 * (radius + margin)
    center = size / 2

    angles: list[float] = []
    arcs: list[str] = []
    position = 0
    for name, members in groups:
        first = position
        for _node in members:
            angles.append(2 * math.pi * position / slots - math.pi / 2)
            position += 1
        if members and name:
            start = 2 * math.pi * (first - 0.4) / slots - math.pi / 2
            end = 2 * math.pi * (position - 0.6) / slots - math.pi / 2
            arc_radius = radius - 8
            large = 1 if end - start > math.pi else 0
            x1, y1 = center + arc_radius * math.cos(start), center + arc_radius * math.sin(start)
            x2, y2 = center + arc_radius * math.cos(end), center + arc_radius * math.sin(end)
            arcs.append(
                f'<path class="concept-map-category" d="M{_num(x1)} {_num(y1)} '
                f'A{_num(arc_radius)} {_num(arc_radius)} 0 {large} 1 {_num(x2)} {_num(y2)}">'
                f"<title>{escape(name)}</title></path>"
            )
            if len(members) >= 3:  # a category name inside its arc, where it has room
                mid = (start + end) / 2
                inner = radius - 20
                tx, ty = center + inner * math.cos(mid), center + inner * math.sin(mid)
                anchor = "end" if math.cos(mid) > 0.2 else "start" if math.cos(mid) < -0.2 else "middle"
                arcs.append(
                    f'<text class="concept-map-category-label" x="{_num(tx)}" y="{_num(ty + 4)}" '
                    f'text-anchor="{anchor}">{escape(_short(name))}</text>'
                )
        position += 1

    points = [(center + radius * math.cos(a), center + radius * math.sin(a)) for a in angles]
    chords = []
    for first, second in edges:
        (x1, y1), (x2, y2) = points[first], points[second]
        chords.append(
            f'<path class="concept-map-edge" data-ends="{first} {second}" '
            f'd="M{_num(x1)} {_num(y1)} Q{_num(center)} {_num(center)} {_num(x2)} {_num(y2)}"/>'
        )
    marks = []
    for index, (node, angle, (x, y)) in enumerate(zip(concepts, angles, points, strict=True)):
        degrees = math.degrees(angle)
        left_side = math.cos(angle) < 0
        rotate = degrees + 180 if left_side else degrees
        anchor = "end" if left_side else "start"
        offset = -8 if left_side else 8
        text = (
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4"/>'
            f'<text transform="translate({_num(x)} {_num(y)}) rotate({_num(rotate)})" '
            f'x="{offset}" y="4" text-anchor="{anchor}">{escape(_short(node.label))}</text>'
        )
        body = (
            f'<g class="concept-map-node concept-map-concept" data-index="{index}">'
            f"<title>{escape(node.title)}</title>{text}</g>"
        )
        marks.append(f'<a href="{escape(node.href)}">{body}</a>' if node.href else body)
    return _svg(size, size, label, [*arcs, '<g class="concept-map-edges">', *chords, "</g>", *marks], "library")


# -- the doctree node -------------------------------------------------------------


def _href(translator: Any, docname: str, anchor: str) -> str:
    """The URL of *anchor* in *docname* from the page being written, in any HTML builder.

    The map's links are not link nodes: resolving them as references would cost
    as much as every other link of the page, and their text would enter the
    search index a second time.
    """
    builder = translator.builder
    uri = str(builder.get_relative_uri(builder.current_docname, docname))
    if not anchor:
        return uri or "#"
    # singlehtml puts every document on one page ("#document-..."): the anchor alone.
    return ("" if uri.startswith("#") else uri) + "#" + anchor


def _visit_map_html(translator: Any, node: concept_map) -> None:
    drawn = [
        MapNode(label, _href(translator, docname, anchor), title or label, role)
        for label, docname, anchor, title, role in node["items"]
    ]
    if node["kind"] == "neighbourhood":
        center = next(n for n in drawn if n.kind == "concept")
        svg = neighbourhood_svg(
            center,
            [n for n in drawn if n.kind == "related"],
            [n for n in drawn if n.kind == "referrer"],
            node["label"],
        )
    else:
        groups: list[tuple[str, list[MapNode]]] = []
        position = 0
        for name, count in node["groups"]:
            groups.append((name, drawn[position : position + count]))
            position += count
        svg = library_svg(groups, [(a, b) for a, b in node["edges"]], node["label"])
    if svg:
        classes = " ".join(["concept-map", f"concept-map-{node['kind']}", *node["classes"]])
        translator.body.append(f'<div class="{escape(classes)}"><div class="concept-map-scroll">{svg}</div></div>\n')
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    skip = (visit_skip, None)
    app.add_node(concept_map, html=(_visit_map_html, None), latex=skip, text=skip, man=skip, texinfo=skip)
