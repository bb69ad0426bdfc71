"""`write_report`: the HTML page, the Markdown page and its plots in `run_dir/report/`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ares.report._build import build_report
from ares.report._html import render_html
from ares.report._markdown import render_markdown
from ares.store import RunStore

logger = logging.getLogger(__name__)

REPORT_DIR = "report"
HTML_FILE = "index.html"
MARKDOWN_FILE = "summary.md"
# Name prefixes of the plots this module writes. A rewrite removes those it no longer
# draws, so that the folder shows no plot of an earlier state of the run.
_PLOT_PREFIXES = ("failure_types", "heat_map_round_", "sampler_weights_round_", "safety")


@dataclass(frozen=True)
class ReportPaths:
    """The files `write_report` wrote."""

    html: Path
    markdown: Path


def write_report(
    store: RunStore,
    run_dir: Path,
    summary: dict[str, Any],
    *,
    redact: bool = False,
    examples_per_type: int = 3,
) -> ReportPaths:
    """Write the run's report to `run_dir/report/`: `index.html` and `summary.md`.

    `index.html` is one self-contained page: inline CSS, plots as `data:` PNG images, no
    script and no external URL, with a Content-Security-Policy that forbids both.
    `summary.md` has the same content as Markdown, with the plots as PNG files next to it.
    Every file is written to a temporary name first and then renamed, so a reader never
    sees a partial file.

    Args:
        store: The run's store: rounds, probes and sampler states.
        run_dir: The run directory.
        summary: The content of `run_dir/summary.json`. A section whose key is missing
            (`repairs`, `evaluation`) names the command that produces it.
        redact: Replace the mentor's harmful responses, the policy's harmful replies and
            the judge's output on them with "[redacted]" in both files.
        examples_per_type: Example probes shown per failure type (A, B, C).

    Returns:
        The paths of the HTML and the Markdown page.

    Raises:
        ValueError: `examples_per_type` is negative.
    """
    if examples_per_type < 0:
        raise ValueError(
            f"examples_per_type must be 0 or more, got {examples_per_type}. Pass 0 to show "
            "no example probes."
        )

    # 1. Collect and lay out everything, before anything is written.
    report = build_report(store, run_dir, summary, redact=redact,
                          examples_per_type=examples_per_type)
    html = render_html(report, redacted=redact)
    markdown = render_markdown(report, redacted=redact)

    # 2. Write the plots the Markdown page links to, then both pages.
    out_dir = run_dir / REPORT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    written = set()
    for plot in report.plots():
        _write_atomic(out_dir / plot.filename, plot.png)
        written.add(plot.filename)
    _remove_stale_plots(out_dir, written)
    paths = ReportPaths(html=out_dir / HTML_FILE, markdown=out_dir / MARKDOWN_FILE)
    _write_atomic(paths.html, html.encode("utf-8"))
    _write_atomic(paths.markdown, markdown.encode("utf-8"))
    logger.info("wrote the report to %s and %s", paths.html, paths.markdown)
    return paths


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def _remove_stale_plots(out_dir: Path, written: set[str]) -> None:
    for path in out_dir.glob("*.png"):
        if path.name not in written and path.name.startswith(_PLOT_PREFIXES):
            path.unlink()
