"""`summary.json`: the machine-readable summary of a run directory."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ares.store._sqlite import RunStore

SUMMARY_FILE = "summary.json"


# Stage result fields that stay in the store and out of `summary.json`.
_STORE_ONLY = ("training_prompt_hashes",)


def round_summary(store: RunStore, round_number: int) -> dict[str, Any]:
    """Return one round's entry of `summary.json`."""
    counts = store.failure_counts(round_number)
    probes = sum(counts.values())
    hits = {kind: counts.get(kind, 0) for kind in ("A", "B", "C")}
    rewarded, failed = store.rewarded_harmful_replies(round_number)
    return {
        "round": round_number,
        "probes": probes,
        "hits": hits,
        "hit_rate": round(sum(hits.values()) / probes, 4) if probes else 0.0,
        "unscored": counts.get("unscored", 0),
        "none": counts.get("none", 0),
        "rejected": store.rejection_counts(round_number),
        # Of the policy's harmful replies, the share the RM scores above the safe response:
        # what RL against this RM would reinforce.
        "rewarded_harmful_replies": round(rewarded / failed, 4) if failed else 0.0,
        # Prompts of this round that repeat a prompt an earlier repair trained on.
        "repeated_training_prompts": _repeated_training_prompts(store, round_number),
    }


def repair_summary(store: RunStore) -> list[dict[str, Any]]:
    """Return one entry per round that has a finished repair stage, in round order.

    Each entry has `round` and, for each finished stage, `reward` or `policy`: the stage's
    result (accuracies before and after, steps, mean reward, KL, timings) and its
    `checkpoint`.
    """
    entries: dict[int, dict[str, Any]] = {}
    for stage in store.stages():
        if stage.status != "finished" or stage.result is None:
            continue
        entry = entries.setdefault(stage.round, {"round": stage.round})
        result = {key: value for key, value in stage.result.items() if key not in _STORE_ONLY}
        entry[stage.kind] = {**result, "checkpoint": stage.checkpoint}
    return [entries[number] for number in sorted(entries)]


def _repeated_training_prompts(store: RunStore, round_number: int) -> int:
    trained: set[str] = set()
    for stage in store.stages():
        if stage.round < round_number and stage.status == "finished" and stage.result:
            trained.update(stage.result.get("training_prompt_hashes", ()))
    if not trained:
        return 0
    return sum(
        1
        for probe in store.probes(round_number)
        if hashlib.sha1(probe.prompt.encode("utf-8")).hexdigest() in trained
    )


def write_summary(store: RunStore, run_dir: Path) -> dict[str, Any]:
    """Rewrite `run_dir/summary.json` from the store, keeping keys that other stages wrote.

    `rounds` has one entry per discovery round. Once a repair stage has finished, `repairs`
    has one entry per repaired round (see `repair_summary`) and `repair` is the newest of them.
    `evaluation` is the newest result of `ares evaluate`.
    """
    path = run_dir / SUMMARY_FILE
    summary: dict[str, Any] = {}
    if path.is_file():
        try:
            summary = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError:
            summary = {}  # rebuilt from the store below; the store is the source of truth
    summary["rounds"] = [round_summary(store, info.round) for info in store.rounds()]
    repairs = repair_summary(store)
    if repairs:
        summary["repair"] = {key: value for key, value in repairs[-1].items() if key != "round"}
        summary["repair"]["after_round"] = repairs[-1]["round"]
        summary["repairs"] = repairs
    # The store is the source of truth for the evaluation too, so a stale copy goes.
    evaluation = store.get_meta("evaluation")
    if isinstance(evaluation, dict):
        summary["evaluation"] = evaluation
    else:
        summary.pop("evaluation", None)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
    partial.replace(path)
    return summary
