"""The run store (SQLite), run summaries and exports."""

from __future__ import annotations

from ares.store._evaluation import EvalAnswer, text_sha1
from ares.store._export import EXPORT_FORMATS, ExportFormat, export_rows, probe_row, write_jsonl
from ares.store._sqlite import (
    STORE_FILE,
    ProbeRecord,
    Rejection,
    RoundInfo,
    RunStore,
    StageInfo,
)
from ares.store._summary import SUMMARY_FILE, repair_summary, round_summary, write_summary

__all__ = [
    "EXPORT_FORMATS",
    "STORE_FILE",
    "SUMMARY_FILE",
    "EvalAnswer",
    "ExportFormat",
    "ProbeRecord",
    "Rejection",
    "RoundInfo",
    "RunStore",
    "StageInfo",
    "export_rows",
    "probe_row",
    "repair_summary",
    "round_summary",
    "text_sha1",
    "write_jsonl",
    "write_summary",
]
