"""The report as data: sections made of blocks that both renderers (HTML, Markdown) lay out.

Every string in a block is plain text. The renderers escape all of it, so a block never
carries markup, and model or user text cannot become markup on either page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Display mode of a model text: in the open, folded away behind its label, or folded away
# behind the content warning.
Folding = Literal["open", "folded", "warning"]

CONTENT_WARNING = "Content warning: model output that may be harmful (click to show)"


@dataclass(frozen=True)
class Paragraph:
    """A sentence or two, optionally followed by a command to run."""

    text: str
    command: str | None = None
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class Table:
    """A table of preformatted cells, with the `numeric` columns right-aligned."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    kind: Literal["table"] = "table"


@dataclass(frozen=True)
class Plot:
    """A PNG image: inlined into the HTML page, and a file next to the Markdown page."""

    filename: str
    png: bytes
    alt: str
    kind: Literal["plot"] = "plot"


@dataclass(frozen=True)
class ModelText:
    """A text written by a model or a user (prompt, response, reply, judge output)."""

    label: str
    text: str
    folding: Folding


@dataclass(frozen=True)
class Example:
    """One example probe: a heading, its attributes as a table, and its texts."""

    title: str
    failure_type: str
    attributes: Table
    texts: tuple[ModelText, ...]
    kind: Literal["example"] = "example"


@dataclass(frozen=True)
class Folded:
    """Blocks hidden behind a one-line summary until the reader opens them."""

    summary: str
    blocks: tuple[Block, ...]
    kind: Literal["folded"] = "folded"


@dataclass(frozen=True)
class Subheading:
    """A heading one level below the section title."""

    text: str
    kind: Literal["subheading"] = "subheading"


Block = Paragraph | Table | Plot | Example | Folded | Subheading


@dataclass(frozen=True)
class Section:
    """One numbered section of the report."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class GlanceItem:
    """One headline number of the at-a-glance summary."""

    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class Report:
    """The whole report, ready to render."""

    title: str
    run_name: str
    generated: str
    rounds: int
    probes: int
    glance: tuple[GlanceItem, ...]
    glance_notes: tuple[Paragraph, ...]
    sections: tuple[Section, ...]

    def plots(self) -> list[Plot]:
        """Return every plot of the report, in page order."""
        found: list[Plot] = []
        for section in self.sections:
            _collect_plots(section.blocks, found)
        return found


def _collect_plots(blocks: tuple[Block, ...], found: list[Plot]) -> None:
    for block in blocks:
        if isinstance(block, Plot):
            found.append(block)
        elif isinstance(block, Folded):
            _collect_plots(block.blocks, found)
