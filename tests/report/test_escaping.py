"""Model and user text must reach both pages as text, never as markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ares.report import ReportPaths, write_report
from tests.report._dom import parse
from tests.report._run import (
    HARMFUL_REPLY,
    HARMFUL_TEXT,
    HOSTILE_BENCHMARK,
    INJECTIONS,
    build_run,
    full_summary,
)

DATA_PNG = "data:image/png;base64,"
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def test_html_has_no_script_element(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    assert page.tags("script") == []


def test_html_has_no_event_handler_attribute(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    handlers = [
        (element.tag, name)
        for element in page.elements
        for name in element.attrs
        if name.lower().startswith("on")
    ]
    assert handlers == []


def test_html_images_are_inline_png(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    images = page.tags("img")
    assert images, "the full report has plots"
    for image in images:
        assert (image.attrs.get("src") or "").startswith(DATA_PNG), image.attrs


def test_html_loads_nothing_external(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    assert page.tags("link") == []
    assert page.tags("iframe") == []
    assert page.tags("object") == []
    for element in page.elements:
        for name in ("src", "href", "action", "srcset", "poster"):
            value = element.attrs.get(name)
            if value is None:
                continue
            assert value.startswith((DATA_PNG, "#")), (element.tag, name, value[:80])


def test_html_has_content_security_policy(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    policies = [
        element.attrs.get("content")
        for element in page.tags("meta")
        if (element.attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert policies == [CSP]


@pytest.mark.parametrize("injection", INJECTIONS)
def test_html_shows_injection_as_text(hostile_report: ReportPaths, injection: str) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    assert injection in page.text


def test_html_shows_benchmark_name_as_text(hostile_report: ReportPaths) -> None:
    markup = hostile_report.html.read_text("utf-8")
    page = parse(markup)
    assert page.tags("b") == []
    assert HOSTILE_BENCHMARK in page.headings("h3")
    assert HOSTILE_BENCHMARK not in markup


def test_html_does_not_evaluate_template_syntax(hostile_report: ReportPaths) -> None:
    page = parse(hostile_report.html.read_text("utf-8"))
    assert "{{ 7*7 }}" in page.text
    assert "[adversarial prompt 1-4] <script>" in page.text


def test_html_folds_harmful_texts(hostile_report: ReportPaths) -> None:
    markup = hostile_report.html.read_text("utf-8")
    warnings = re.findall(r"<details class=\"warning\"><summary>([^<]*)</summary>", markup)
    assert warnings
    assert set(warnings) == {"Content warning: model output that may be harmful (click to show)"}
    # Each harmful text sits inside a folded block: none is outside a <details> element.
    for kind in (HARMFUL_TEXT, HARMFUL_REPLY):
        for match in re.finditer(re.escape(html.escape(kind)), markup):
            before = markup[: match.start()]
            assert before.count("<details") > before.count("</details>"), kind


def test_markdown_renders_without_markup_from_model_text(hostile_report: ReportPaths) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(
        hostile_report.markdown.read_text("utf-8")
    )
    page = parse(rendered)
    assert page.tags("script") == []
    assert page.tags("b") == []
    images = [element.attrs.get("src") for element in page.tags("img")]
    assert images
    assert all(src is not None and src.endswith(".png") and "/" not in src for src in images)
    assert not [
        name for element in page.elements for name in element.attrs if name.startswith("on")
    ]
    for injection in INJECTIONS:
        assert injection in page.text, injection
    assert HOSTILE_BENCHMARK in page.text


def test_markdown_fences_outlast_backtick_runs(hostile_report: ReportPaths) -> None:
    markdown = hostile_report.markdown.read_text("utf-8")
    # The hostile prompt has runs of 3 and 4 backticks, so its fence needs 5.
    assert "`````text\n[adversarial prompt" in markdown


def test_redact_removes_harmful_texts_from_both_files(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with build_run(run_dir, hostile=True) as store:
        paths = write_report(store, run_dir, full_summary(store, run_dir), redact=True)
    for path in (paths.html, paths.markdown):
        content = path.read_text("utf-8")
        assert HARMFUL_TEXT not in content, path.name
        assert HARMFUL_REPLY not in content, path.name
        assert "[redacted]" in content, path.name
        assert "[adversarial prompt" in content, path.name


def test_redact_keeps_content_warning_only_for_unredacted(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with build_run(run_dir) as store:
        paths = write_report(store, run_dir, full_summary(store, run_dir), redact=True)
    assert 'class="warning"' not in paths.html.read_text("utf-8")
