"""A small DOM summary of an HTML page, from the standard library's `html.parser`."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    text: str = ""

    def tags(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]

    def headings(self, tag: str) -> list[str]:
        return self._heading_text[tag]

    _heading_text: dict[str, list[str]] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page(_heading_text={"h1": [], "h2": [], "h3": [], "h4": []})
        self._chunks: list[str] = []
        self._heading: str | None = None
        self._heading_chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, dict(attrs)))
        if tag in self.page._heading_text:
            self._heading = tag
            self._heading_chunks = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.page._heading_text[tag].append("".join(self._heading_chunks).strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        self._chunks.append(data)
        if self._heading is not None:
            self._heading_chunks.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._chunks)


def parse(markup: str) -> Page:
    """Parse `markup` and return its elements, its text and its headings."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    return parser.page
