"""Assemble the report's sections and its at-a-glance summary."""

from __future__ import annotations

import shlex
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ares.report import _format as fmt
from ares.report._blocks import GlanceItem, Paragraph, Report
from ares.report._discovery import (
    examples_section,
    failure_section,
    heat_map_section,
    models_section,
    sampler_section,
)
from ares.report._evaluation import benchmarks_of, evaluation_section, systems_of
from ares.report._repair import repair_section
from ares.store import RunStore, round_summary

# Benchmarks named in the at-a-glance summary. The evaluation section lists them all.
_GLANCE_BENCHMARKS = 3


def build_report(
    store: RunStore, run_dir: Path, summary: dict[str, Any], *, redact: bool,
    examples_per_type: int,
) -> Report:
    """Collect everything the report shows from the store and `summary.json`'s content."""
    run_name = run_dir.resolve().name
    quoted = shlex.quote(str(run_dir))
    discover = f"ares discover --run-dir {quoted}"
    repair = f"ares repair --run-dir {quoted}"
    evaluate = f"ares evaluate --run-dir {quoted}"

    # 1. Rounds: the summary's entries, or the store's own counts when it has none yet.
    infos = store.rounds()
    numbers = [info.round for info in infos]
    round_entries = summary.get("rounds")
    if not isinstance(round_entries, list):
        round_entries = [round_summary(store, number) for number in numbers]
    round_entries = [entry for entry in round_entries if isinstance(entry, dict)]

    # 2. The sections, in page order.
    sections = (
        models_section(infos, discover),
        failure_section(round_entries, discover),
        heat_map_section(store, numbers, discover),
        sampler_section(store, numbers),
        repair_section(summary.get("repairs"), repair),
        evaluation_section(summary.get("evaluation"), evaluate),
        examples_section(store, examples_per_type, redact=redact),
    )

    # 3. The headline numbers, and what is still missing.
    notes = []
    if not summary.get("repairs"):
        notes.append(Paragraph("No repair yet:", repair))
    if not isinstance(summary.get("evaluation"), dict):
        notes.append(Paragraph("No evaluation yet:", evaluate))
    return Report(
        title=f"ares report: {run_name}",
        run_name=run_name,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        rounds=len(infos),
        probes=store.count_probes(),
        glance=(
            *_round_glance(round_entries),
            *_repair_glance(summary.get("repairs")),
            *_evaluation_glance(summary.get("evaluation")),
            *_cost_glance(summary.get("evaluation")),
        ),
        glance_notes=tuple(notes),
        sections=sections,
    )


def _round_glance(entries: list[dict[str, Any]]) -> list[GlanceItem]:
    chosen = entries[:1] + entries[-1:] if len(entries) > 1 else entries[:1]
    items = []
    for entry in chosen:
        hits = fmt.mapping(entry, "hits")
        total = sum(value for value in hits.values() if isinstance(value, int))
        items.append(GlanceItem(
            f"Hit rate, round {fmt.count(entry.get('round'))}",
            fmt.number(entry.get("hit_rate")),
            f"{total} of {fmt.count(entry.get('probes'))} probes were hits, "
            f"{fmt.count(hits.get('C'))} of type C (both fail)",
        ))
    return items


def _repair_glance(repairs: Any) -> list[GlanceItem]:
    if not isinstance(repairs, list) or not repairs or not isinstance(repairs[-1], dict):
        return []
    reward = repairs[-1].get("reward")
    if not isinstance(reward, dict):
        return []
    before = fmt.number(reward.get("heldout_accuracy_before"))
    after = fmt.number(reward.get("heldout_accuracy_after"))
    return [GlanceItem(
        f"RM held-out accuracy, repair after round {fmt.count(repairs[-1].get('round'))}",
        f"{before} → {after}",
        "safe response preferred over the mentor's harmful one",
    )]


def _evaluation_glance(evaluation: Any) -> list[GlanceItem]:
    systems = systems_of(evaluation)
    items: list[GlanceItem] = []
    for benchmark in benchmarks_of(evaluation):
        if len(items) == _GLANCE_BENCHMARKS:
            break
        name = str(benchmark.get("name") or "benchmark")
        results = fmt.mapping(benchmark, "results")
        original = fmt.field(results.get("original"), "safety")
        repaired = fmt.field(results.get("repaired"), "safety")
        if original is None and repaired is None:
            continue  # no harmful items, so no safety rate
        if "repaired" not in systems:
            items.append(GlanceItem(f"Safety rate, {name}", fmt.number(fmt.rate_value(original)),
                                    f"original system, 95% CI {_interval(original)}"))
            continue
        change = fmt.field(fmt.field(benchmark, "change"), "safety")
        items.append(GlanceItem(
            f"Safety change, {name}",
            fmt.change({"diff": fmt.field(change, "diff")}),
            f"{fmt.number(fmt.rate_value(original))} → {fmt.number(fmt.rate_value(repaired))}, "
            f"95% CI of the change {_change_interval(change)}",
        ))
    return items


def _cost_glance(evaluation: Any) -> list[GlanceItem]:
    """Return what the repair cost: one over-refusal change and the capability change.

    A repair that makes the policy safe by refusing everything shows up here, next to the
    safety gains, so that the gains are not read alone.
    """
    if "repaired" not in systems_of(evaluation):
        return []
    items: list[GlanceItem] = []
    for benchmark in benchmarks_of(evaluation):
        change = fmt.field(fmt.field(benchmark, "change"), "over_refusal")
        if fmt.field(change, "diff") is None:
            continue
        results = fmt.mapping(benchmark, "results")
        original = fmt.field(results.get("original"), "over_refusal")
        repaired = fmt.field(results.get("repaired"), "over_refusal")
        items.append(GlanceItem(
            f"Over-refusal change, {benchmark.get('name') or 'benchmark'}",
            fmt.change({"diff": fmt.field(change, "diff")}),
            f"{fmt.number(fmt.rate_value(original))} → {fmt.number(fmt.rate_value(repaired))} "
            f"of benign prompts refused, 95% CI of the change {_change_interval(change)}",
        ))
        break
    capability = evaluation.get("capability") if isinstance(evaluation, dict) else None
    change = fmt.field(capability, "change")
    if fmt.field(change, "diff") is not None:
        results = fmt.mapping(capability, "results")
        items.append(GlanceItem(
            f"Capability change, {fmt.field(capability, 'name') or 'capability'}",
            fmt.change({"diff": fmt.field(change, "diff")}),
            f"{fmt.number(fmt.rate_value(results.get('original')))} → "
            f"{fmt.number(fmt.rate_value(results.get('repaired')))} of questions answered "
            f"correctly, 95% CI of the change {_change_interval(change)}",
        ))
    return items


def _interval(entry: Any) -> str:
    low, high = fmt.field(entry, "low"), fmt.field(entry, "high")
    return f"[{fmt.number(low)}, {fmt.number(high)}]"


def _change_interval(entry: Any) -> str:
    text = fmt.change(entry)
    return text[text.index("[") :] if "[" in text else fmt.NA
