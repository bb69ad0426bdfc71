"""`summary.json`: the machine-readable summary of a run directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ares.store._sqlite import RunStore

SUMMARY_FILE = "summary.json"


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
    }


def write_summary(store: RunStore, run_dir: Path) -> dict[str, Any]:
    """Rewrite the `rounds` key of `run_dir/summary.json` from the store, keeping other keys."""
    path = run_dir / SUMMARY_FILE
    summary: dict[str, Any] = {}
    if path.is_file():
        try:
            summary = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError:
            summary = {}  # rebuilt from the store below; the store is the source of truth
    summary["rounds"] = [round_summary(store, info.round) for info in store.rounds()]
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(summary, indent=2) + "\n", "utf-8")
    partial.replace(path)
    return summary
