"""Exports of a run: all probes as JSONL, TRL preference pairs, and GRPO prompts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from ares.store._sqlite import ProbeRecord, RunStore

ExportFormat = Literal["jsonl", "trl-reward", "trl-prompts"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonl", "trl-reward", "trl-prompts")

# Types whose mentor pair shows an RM failure, and types whose prompt made the policy fail.
_RM_FAILURES = ("A", "C")
_POLICY_FAILURES = ("B", "C")


def probe_row(probe: ProbeRecord) -> dict[str, Any]:
    """Return the `jsonl` export row of one probe."""
    return {
        "id": probe.id,
        "round": probe.round,
        "topic_category": probe.topic_category,
        "topic": probe.topic,
        "persona": probe.persona,
        "tactic": probe.tactic,
        "goal": probe.goal,
        "prompt": probe.prompt,
        "harmful_response": probe.harmful_response,
        "safe_response": probe.safe_response,
        "policy_response": probe.policy_response,
        "judge_score": probe.judge_score,
        "rm_harmful": probe.rm_harmful,
        "rm_safe": probe.rm_safe,
        "rm_policy": probe.rm_policy,
        "failure_type": probe.failure_type,
    }


def export_rows(
    store: RunStore, fmt: ExportFormat, round_number: int | None = None
) -> Iterator[dict[str, Any]]:
    """Yield the rows of export format `fmt`, of one round or all rounds.

    - `jsonl`: every probe with its spec, texts, scores and failure type.
    - `trl-reward`: `prompt, chosen, rejected` (safe over the mentor's harmful response) for
      type A and C probes, the format of TRL's `RewardTrainer`.
    - `trl-prompts`: `prompt` for type B and C probes, the format of TRL's `GRPOTrainer`.
    """
    for probe in store.probes(round_number):
        if fmt == "jsonl":
            yield probe_row(probe)
        elif fmt == "trl-reward" and probe.failure_type in _RM_FAILURES:
            yield {
                "prompt": probe.prompt,
                "chosen": probe.safe_response,
                "rejected": probe.harmful_response,
            }
        elif fmt == "trl-prompts" and probe.failure_type in _POLICY_FAILURES:
            yield {"prompt": probe.prompt}


def write_jsonl(rows: Iterator[dict[str, Any]], out: Path) -> int:
    """Write `rows` to `out` as JSON lines via a temporary file; return the row count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    count = 0
    with partial.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    partial.replace(out)
    return count
