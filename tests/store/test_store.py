from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ares.errors import RunDirError
from ares.store import (
    ProbeRecord,
    Rejection,
    RoundInfo,
    RunStore,
    export_rows,
    write_jsonl,
    write_summary,
)


def _probe(idx: int, failure_type: str, round_number: int = 1) -> ProbeRecord:
    return ProbeRecord(
        round=round_number, idx=idx, seed=idx, topic_category="cat", topic="t", persona="p",
        tactic="tac", goal="g", prompt=f"prompt {idx}", harmful_response=f"harmful {idx}",
        safe_response=f"safe {idx}", policy_response=f"reply {idx}",
        judge_score=None if failure_type == "unscored" else 3, judge_raw="raw",
        rm_harmful=1.0, rm_safe=0.5, rm_policy=0.7, failure_type=failure_type,
        sampled_uniform=True, seconds_mentor=0.1, seconds_policy=0.2, seconds_judge=0.0,
        seconds_reward=0.1,
    )


def _round(number: int = 1) -> RoundInfo:
    return RoundInfo(
        round=number, seed=0, budget=5, status="running", policy_model="p", reward_model="r",
        judge="j", mentor="m", sampler="adaptive", started_at=0.0, finished_at=None,
    )


@pytest.fixture
def store(tmp_path: Path) -> RunStore:
    with RunStore.open(tmp_path / "run") as opened:
        opened.start_round(_round())
        yield opened


def test_commit_batch_writes_probes_and_state(store: RunStore) -> None:
    probes = [_probe(0, "A"), _probe(1, "C"), _probe(2, "none")]
    rejection = Rejection(1, "cat", "t", "p", "tac", "g", "mentor_invalid", None)
    store.commit_batch(1, probes, [rejection], {"drawn": 4})
    assert store.count_probes(1) == 3
    assert store.failure_counts(1) == {"A": 1, "C": 1, "none": 1}
    assert store.rejection_counts(1) == {"mentor_invalid": 1}
    assert store.latest_sampler_state(1) == (3, {"drawn": 4})
    stored = list(store.probes(1))
    assert [p.prompt for p in stored] == ["prompt 0", "prompt 1", "prompt 2"]
    assert stored[0].sampled_uniform is True


def test_duplicate_probe_rolls_back_whole_batch(store: RunStore) -> None:
    store.commit_batch(1, [_probe(0, "A")], [], {"drawn": 1})
    with pytest.raises(sqlite3.IntegrityError):
        store.commit_batch(1, [_probe(1, "B"), _probe(0, "B")], [], {"drawn": 3})
    assert store.count_probes(1) == 1
    assert store.latest_sampler_state(1) == (1, {"drawn": 1})


def test_store_survives_reopen(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with RunStore.open(run_dir) as store:
        store.start_round(_round())
        store.commit_batch(1, [_probe(0, "B")], [], {"drawn": 1})
    with RunStore.open(run_dir, create=False) as store:
        assert store.count_probes() == 1
        assert store.get_round(1) == _round()


def test_open_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(RunDirError, match="ares discover --run-dir"):
        RunStore.open(tmp_path / "nothing", create=False)


def test_run_dir_that_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(RunDirError, match="not a folder"):
        RunStore.open(path)


def test_schema_version_mismatch(tmp_path: Path) -> None:
    with RunStore.open(tmp_path) as store:
        store.set_meta("schema_version", 999)
    with pytest.raises(RunDirError, match="schema version 999"):
        RunStore.open(tmp_path)


def test_export_formats(store: RunStore, tmp_path: Path) -> None:
    kinds = ["A", "B", "C", "none", "unscored"]
    store.commit_batch(1, [_probe(i, kind) for i, kind in enumerate(kinds)], [], {})

    rows = list(export_rows(store, "jsonl"))
    assert len(rows) == 5
    assert list(rows[0]) == [
        "id", "round", "topic_category", "topic", "persona", "tactic", "goal", "prompt",
        "harmful_response", "safe_response", "policy_response", "judge_score", "rm_harmful",
        "rm_safe", "rm_policy", "failure_type",
    ]
    assert [r["failure_type"] for r in rows] == kinds
    assert rows[4]["judge_score"] is None

    pairs = list(export_rows(store, "trl-reward"))
    assert pairs == [
        {"prompt": "prompt 0", "chosen": "safe 0", "rejected": "harmful 0"},
        {"prompt": "prompt 2", "chosen": "safe 2", "rejected": "harmful 2"},
    ]
    prompts = list(export_rows(store, "trl-prompts"))
    assert prompts == [{"prompt": "prompt 1"}, {"prompt": "prompt 2"}]

    out = tmp_path / "out" / "probes.jsonl"
    assert write_jsonl(export_rows(store, "jsonl"), out) == 5
    lines = out.read_text("utf-8").splitlines()
    assert json.loads(lines[1])["failure_type"] == "B"


def test_summary_counts_and_keeps_other_keys(store: RunStore, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    (run_dir / "summary.json").write_text(json.dumps({"repair": {"kept": True}}))
    store.commit_batch(1, [_probe(i, k) for i, k in enumerate("ABCC")], [], {})
    store.commit_batch(1, [_probe(4, "unscored"), _probe(5, "none")], [], {})
    summary = write_summary(store, run_dir)
    assert summary["repair"] == {"kept": True}
    entry = summary["rounds"][0]
    assert entry["round"] == 1
    assert entry["probes"] == 6
    assert entry["hits"] == {"A": 1, "B": 1, "C": 2}
    assert entry["hit_rate"] == pytest.approx(4 / 6, abs=1e-4)
    assert entry["unscored"] == 1
    # B and C replies score 0.7 against a safe response at 0.5: all three are rewarded
    assert entry["rewarded_harmful_replies"] == 1.0
    assert json.loads((run_dir / "summary.json").read_text()) == summary


def test_summary_evaluation_comes_from_store(store: RunStore, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    (run_dir / "summary.json").write_text(json.dumps({"evaluation": {"stale": True}}))
    assert "evaluation" not in write_summary(store, run_dir)

    store.set_meta("evaluation", {"benchmarks": []})
    assert write_summary(store, run_dir)["evaluation"] == {"benchmarks": []}


def test_stage_lifecycle(store: RunStore) -> None:
    assert store.get_stage("reward@1") is None
    store.start_stage("reward@1", "reward", 1)
    stage = store.get_stage("reward@1")
    assert stage is not None
    assert stage.status == "running"
    store.finish_stage("reward@1", "checkpoints/reward-1", {"accuracy": 0.9})
    stage = store.get_stage("reward@1")
    assert stage is not None
    assert stage.status == "finished"
    assert stage.checkpoint == "checkpoints/reward-1"
    assert stage.result == {"accuracy": 0.9}
    assert [s.name for s in store.stages("reward")] == ["reward@1"]
    assert store.stages("policy") == []
