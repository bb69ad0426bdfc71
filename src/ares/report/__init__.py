"""The run report: one self-contained HTML page and a Markdown summary with its plots."""

from __future__ import annotations

from ares.report._write import ReportPaths, write_report

__all__ = ["ReportPaths", "write_report"]
