"""One real discovery round on the embedded default models (minutes on a CPU)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BUDGET = 24


def _ares(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ares", *args], capture_output=True, text=True, timeout=1800,
        check=False,
    )


def test_discover_on_embedded_default(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"

    # 1. A round on the embedded default, built into the cache on first use.
    result = _ares("discover", "--run-dir", str(run_dir), "--budget", str(BUDGET), "--seed", "1")
    assert result.returncode == 0, result.stderr[-3000:]

    # 2. summary.json has the documented shape and counts add up.
    summary = json.loads((run_dir / "summary.json").read_text())
    (entry,) = summary["rounds"]
    assert entry["round"] == 1
    assert entry["probes"] == BUDGET
    hits = entry["hits"]
    assert set(hits) == {"A", "B", "C"}
    assert sum(hits.values()) + entry["none"] + entry["unscored"] == BUDGET
    assert entry["unscored"] == 0  # the heuristic judge always scores
    # SmolLM2-135M complies with most harmful prompts, so the policy fails on some probes.
    assert hits["B"] + hits["C"] > 0

    # 3. Exports read the same store.
    out = tmp_path / "probes.jsonl"
    result = _ares("export", "--run-dir", str(run_dir), "--format", "jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == BUDGET
    assert {row["failure_type"] for row in rows} <= {"A", "B", "C", "none", "unscored"}
    assert all(row["policy_response"] for row in rows)
    assert all(row["policy_response"] != row["prompt"] for row in rows)

    # 4. The resolved config is stored and holds the embedded model names.
    assert "ares:smollm2-135m-instruct" in (run_dir / "config.yaml").read_text()
