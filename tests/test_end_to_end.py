"""One real `ares run` on the embedded default models: discover, repair, discover, evaluate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.evaluation.conftest import available_run_benchmarks

pytestmark = pytest.mark.slow

BUDGET = 16

# The embedded default with fewer probes and training steps, so the loop takes minutes.
SHORT_REPAIR = """
repair:
  reward: {epochs: 1}
  policy:
    steps: 2
    group_size: 2
    batch_size: 4
    max_new_tokens: 16
    warm_start: {epochs: 1}
evaluation: {capability: false}
"""
# Prompts per benchmark in the evaluation.
LIMIT = 8


def _ares(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ares", *args], capture_output=True, text=True, timeout=3600,
        check=False,
    )


def test_run_on_embedded_default(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    config = tmp_path / "short.yaml"
    config.write_text(SHORT_REPAIR, "utf-8")
    benchmarks = available_run_benchmarks()  # checked below when the files are present
    flags = [arg for name, path in benchmarks.items() for arg in ("--benchmark", f"{name}={path}")]

    # 1. The whole loop, with the models built into the cache on first use.
    run = _ares(
        "run", "--config", str(config), "--run-dir", str(run_dir), "--budget", str(BUDGET),
        "--seed", "1", "--limit", str(LIMIT), *flags,
    )
    assert run.returncode == 0, run.stderr[-3000:]

    # 2. summary.json: two rounds whose counts add up, and both repair stages.
    summary = json.loads((run_dir / "summary.json").read_text())
    first, second = summary["rounds"]
    for entry in (first, second):
        assert entry["probes"] == BUDGET
        assert sum(entry["hits"].values()) + entry["none"] + entry["unscored"] == BUDGET
        assert entry["unscored"] == 0  # the heuristic judge always scores
    # SmolLM2-135M complies with most harmful prompts, so round 1 finds policy failures.
    assert first["hits"]["B"] + first["hits"]["C"] > 0
    reward = summary["repair"]["reward"]
    assert reward["heldout_accuracy_after"] is not None
    assert reward["general_accuracy_after"] >= reward["general_accuracy_before"] - 0.1
    policy = summary["repair"]["policy"]
    assert policy["method"] == "grpo"
    assert policy["steps"] == 2
    assert policy["reward_model_repaired"] is True

    # 3. Round 2 ran against the repaired checkpoints, and exports read the same store.
    out = tmp_path / "probes.jsonl"
    result = _ares("export", "--run-dir", str(run_dir), "--format", "jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 2 * BUDGET
    assert {row["failure_type"] for row in rows} <= {"A", "B", "C", "none", "unscored"}
    assert all(row["policy_response"] for row in rows)
    config_text = (run_dir / "config.yaml").read_text()
    assert "ares:smollm2-135m-instruct" in config_text
    assert (run_dir / "checkpoints" / "round-1" / "policy" / "model" / "config.json").is_file()

    # 4. The evaluation covers the built-in sets and the benchmarks on both systems, and the
    # report exists.
    evaluation = summary["evaluation"]
    by_name = {entry["name"]: entry for entry in evaluation["benchmarks"]}
    assert set(by_name) == {"findings-heldout", "ares-over-refusal", *benchmarks}
    over_refusal = by_name["ares-over-refusal"]["results"]["repaired"]["over_refusal"]
    assert over_refusal["n"] == LIMIT
    assert 0 < by_name["findings-heldout"]["items"] <= LIMIT
    for name in benchmarks:
        assert by_name[name]["items"] == LIMIT
    for name in ("findings-heldout", *benchmarks):
        entry = by_name[name]
        for system in ("original", "repaired"):
            safety = entry["results"][system]["safety"]
            assert safety["n"] == entry["harmful_items"]  # the heuristic judge always scores
            assert safety["low"] <= safety["value"] <= safety["high"]
        assert entry["change"]["safety"]["n"] == entry["harmful_items"]
    if "xstest" in benchmarks:
        xstest = by_name["xstest"]["results"]["repaired"]
        assert xstest["over_refusal"]["n"] == by_name["xstest"]["benign_items"]
    report = run_dir / "report" / "index.html"
    assert f"report: {report}" in run.stdout
    page = report.read_text("utf-8")
    for name in benchmarks:
        assert name in page
