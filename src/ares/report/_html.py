"""Render the report as one self-contained HTML page."""

from __future__ import annotations

import base64
from importlib import resources

import jinja2

import ares
from ares.report._blocks import CONTENT_WARNING, Report

_TEMPLATE = "report.html.j2"


def render_html(report: Report, *, redacted: bool) -> str:
    """Render `report` as HTML with inline CSS and plots, and no script or external URL.

    Autoescaping escapes every value the template prints, and no value is marked safe, so
    model text always shows as text.
    """
    source = (resources.files("ares.report") / "templates" / _TEMPLATE).read_text("utf-8")
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    environment.filters["base64"] = _base64
    template = environment.from_string(source)
    return template.render(
        report=report, content_warning=CONTENT_WARNING, redacted=redacted,
        version=ares.__version__,
    )


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
