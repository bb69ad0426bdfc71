"""Run directories with a report written from them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ares.report import ReportPaths, write_report
from ares.store import RunStore
from tests.report._run import HOSTILE_BENCHMARK, build_run, full_summary


@pytest.fixture
def run_store(tmp_path: Path) -> Iterator[RunStore]:
    with build_run(tmp_path / "run") as store:
        yield store


@pytest.fixture
def hostile_report(tmp_path: Path) -> ReportPaths:
    """A full report of a run whose model and user texts carry injection strings."""
    run_dir = tmp_path / "hostile-run"
    with build_run(run_dir, hostile=True) as store:
        summary = full_summary(store, run_dir, benchmark_name=HOSTILE_BENCHMARK)
        return write_report(store, run_dir, summary)
