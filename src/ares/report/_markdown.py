"""Render the report as Markdown, with plots linked as PNG files next to the page.

Plain text is escaped for both Markdown and HTML, because Markdown renderers pass HTML
through. Model text goes into a fenced code block whose fence is longer than any backtick
run in the text. Folded model text is HTML-escaped inside `<pre>`: a CommonMark `<pre>`
block runs to the line containing `</pre>`, which escaped text cannot contain.
"""

from __future__ import annotations

import html
import re

import ares
from ares.report._blocks import CONTENT_WARNING, Block, ModelText, Paragraph, Report, Table

# Markdown syntax inside a line: code, emphasis, strike-through, table cells, and the "]("
# of an inline link or image. A "[" alone links nothing, because no line can start a
# reference definition (see `_BLOCK_START`), and an underscore between two letters or
# digits never starts emphasis. Both stay unescaped, so numbers like "[0.51, 0.72]" and
# ids like "cat_a" read well in the Markdown source.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*|~]|\](?=\()|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# A line start that would begin a heading, list, setext underline or reference definition.
_BLOCK_START = re.compile(r"^([#+=\[-]|\d+(?=[.)]))")
_BACKTICK_RUN = re.compile(r"`+")


def render_markdown(report: Report, *, redacted: bool) -> str:
    """Render `report` as Markdown: the same sections and tables as the HTML page."""
    lines = [
        f"# {text(report.title)}",
        "",
        f"{report.rounds} round{'' if report.rounds == 1 else 's'}, {report.probes} probes. "
        f"Generated {text(report.generated)} by ares {text(ares.__version__)}.",
        "",
        "## At a glance",
        "",
    ]
    lines += [
        f"- **{text(item.label)}**: {text(item.value)} ({text(item.detail)})"
        for item in report.glance
    ]
    if report.glance:
        lines.append("")
    for note in report.glance_notes:
        lines += [_paragraph(note), ""]
    for number, section in enumerate(report.sections, start=1):
        lines += [f"## {number}. {text(section.title)}", ""]
        for block in section.blocks:
            lines += _block(block)
    hidden = "folded away behind a content warning" + (" or redacted" if redacted else "")
    lines += [
        "---",
        "",
        f"Model and user texts in this file are escaped. Harmful texts are {hidden}.",
        "",
    ]
    return "\n".join(lines)


def text(value: str) -> str:
    """Escape `value` as Markdown inline text on one line, with no HTML in it."""
    escaped = html.escape(" ".join(value.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def line(value: str) -> str:
    """Escape `value` as a line of its own: like `text`, and it cannot start a block."""
    escaped = text(value)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1)[0].isdigit():
        # Escape the "." or ")" after the number.
        return f"{escaped[: match.end()]}\\{escaped[match.end() :]}"
    return "\\" + escaped


def fence_for(value: str) -> str:
    """Return a backtick fence longer than any run of backticks in `value` (at least 3)."""
    longest = max((len(run) for run in _BACKTICK_RUN.findall(value)), default=0)
    return "`" * max(3, longest + 1)


def code_span(value: str) -> str:
    """Return `value` as inline code, delimited by more backticks than any run in it."""
    single_line = " ".join(value.split())
    longest = max((len(run) for run in _BACKTICK_RUN.findall(single_line)), default=0)
    delimiter = "`" * (longest + 1)
    # A space on both sides keeps a leading or trailing backtick apart from the delimiter.
    return f"{delimiter} {single_line} {delimiter}"


def _block(block: Block) -> list[str]:
    if block.kind == "paragraph":
        return [_paragraph(block), ""]
    if block.kind == "subheading":
        return [f"### {text(block.text)}", ""]
    if block.kind == "table":
        return [*_table(block), ""]
    if block.kind == "plot":
        return [f"![{text(block.alt)}]({block.filename})", ""]
    if block.kind == "folded":
        lines = [f"<details><summary>{html.escape(block.summary)}</summary>", ""]
        for inner in block.blocks:
            lines += _block(inner)
        return [*lines, "</details>", ""]
    lines = [f"#### {text(block.title)}", "", *_table(block.attributes), ""]
    for item in block.texts:
        lines += _model_text(item)
    return lines


def _paragraph(paragraph: Paragraph) -> str:
    if paragraph.command is None:
        return line(paragraph.text)
    return f"{line(paragraph.text)} {code_span(paragraph.command)}"


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(text(cell) for cell in cells) + " |"

    rule = "|" + "|".join(
        " ---: " if index in table.numeric else " --- " for index in range(len(table.headers))
    ) + "|"
    return [row(table.headers), rule, *(row(cells) for cells in table.rows)]


def _model_text(item: ModelText) -> list[str]:
    label = [f"**{text(item.label)}**", ""]
    if item.folding == "open":
        fence = fence_for(item.text)
        return [*label, f"{fence}text", item.text, fence, ""]
    summary = item.label
    if item.folding == "warning":
        summary = CONTENT_WARNING
    else:
        label = []
    return [
        *label,
        f"<details><summary>{html.escape(summary)}</summary>",
        "",
        f"<pre>{html.escape(item.text)}</pre>",
        "",
        "</details>",
        "",
    ]
