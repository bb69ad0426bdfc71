"""Stage timings and hit rates of a finished `ares run`, as Markdown for BENCHMARKS.md.

Run the loop first, timing the whole command, then read its run directory:

    /usr/bin/time -v make demo            # or: .venv/bin/ares run --run-dir runs/demo
    .venv/bin/python bench/loop_report.py --run-dir runs/demo

Wall times come from the run store: each round from its start to its finish, each repair
stage likewise. A round or stage that was resumed after a crash counts from its last start.
The evaluation counts from its last start to its last finish.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ares.store import RunStore


def _fmt(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-dir", type=Path, required=True)
    args = parser.parse_args()

    summary = json.loads((args.run_dir / "summary.json").read_text("utf-8"))
    rates = {entry["round"]: entry for entry in summary["rounds"]}
    rows: list[tuple[float, str, str]] = []
    with RunStore.open(args.run_dir, create=False) as store:
        for info in store.rounds():
            seconds = (info.finished_at or info.started_at) - info.started_at
            entry = rates[info.round]
            detail = (
                f"{entry['probes']} probes, hit rate {entry['hit_rate']:.1%} "
                f"(A {entry['hits']['A']}, B {entry['hits']['B']}, C {entry['hits']['C']})"
            )
            rows.append((info.started_at, f"discovery round {info.round}", f"{seconds:.0f} s | "
                         + detail))
        for stage in store.stages():
            seconds = (stage.finished_at or stage.started_at) - stage.started_at
            result = stage.result or {}
            if stage.kind == "reward":
                detail = (
                    f"held-out {_fmt(result.get('heldout_accuracy_before'), 2)} -> "
                    f"{_fmt(result.get('heldout_accuracy_after'), 2)}, own replies "
                    f"{_fmt(result.get('heldout_policy_accuracy_before'), 2)} -> "
                    f"{_fmt(result.get('heldout_policy_accuracy_after'), 2)}, general "
                    f"{_fmt(result.get('general_accuracy_before'), 3)} -> "
                    f"{_fmt(result.get('general_accuracy_after'), 3)}"
                )
            else:
                detail = (
                    f"{result.get('method')}: {result.get('warm_start_steps')} warm-start "
                    f"steps, {result.get('steps')} steps, mean reward "
                    f"{_fmt(result.get('mean_reward_before'), 3)} -> "
                    f"{_fmt(result.get('mean_reward_after'), 3)}"
                )
            rows.append((stage.started_at, f"repair {stage.kind} (after round {stage.round})",
                         f"{seconds:.0f} s | {detail}"))
        started = store.events("evaluation_started")
        finished = [event for event in store.events("evaluation_finished")
                    if started and event["id"] > started[-1]["id"]]
        if finished:
            begin, end = started[-1]["created_at"], finished[0]["created_at"]
            rows.append((begin, "evaluation", f"{end - begin:.0f} s | "
                         + _evaluation_detail(summary.get("evaluation", {}))))

    print("| step | wall time | result |")
    print("| --- | --- | --- |")
    for _, name, rest in sorted(rows):
        print(f"| {name} | {rest} |")
    first, *later = summary["rounds"]
    for entry in later:
        ratio = entry["hit_rate"] / first["hit_rate"] if first["hit_rate"] else float("nan")
        print(
            f"\nround {entry['round']} hit rate {entry['hit_rate']:.1%} is {ratio:.2f} of round "
            f"1's {first['hit_rate']:.1%}; {entry.get('repeated_training_prompts', 0)} of its "
            "prompts repeat a training prompt."
        )


def _evaluation_detail(evaluation: dict[str, Any]) -> str:
    parts = []
    for entry in evaluation.get("benchmarks", []):
        results = entry["results"]
        for measure in ("safety", "over_refusal"):
            rates = [(results.get(s) or {}).get(measure) for s in ("original", "repaired")]
            if all(rate and rate.get("value") is not None for rate in rates):
                parts.append(
                    f"{entry['name']} {measure.replace('_', '-')} "
                    f"{rates[0]['value']:.2f} -> {rates[1]['value']:.2f}"
                )
    capability = evaluation.get("capability", {}).get("results", {})
    if "original" in capability and "repaired" in capability:
        parts.append(
            f"capability {_fmt(capability['original']['value'], 2)} -> "
            f"{_fmt(capability['repaired']['value'], 2)}"
        )
    return "; ".join(parts)


if __name__ == "__main__":
    main()
