"""The report section comparing the original and the repaired system, from `evaluation`."""

from __future__ import annotations

from typing import Any

from ares.report import _format as fmt
from ares.report._blocks import Block, Folded, Paragraph, Plot, Section, Subheading, Table
from ares.report._plots import SafetyPoint, safety_plot

SYSTEMS = ("original", "repaired")
# Rates a benchmark reports, with their row labels.
_MEASURES = (
    ("safety", "Safety rate"),
    ("over_refusal", "Over-refusal rate"),
)


def benchmarks_of(evaluation: Any) -> list[dict[str, Any]]:
    """Return the benchmark entries of an `evaluation` summary, skipping malformed ones."""
    benchmarks = fmt.field(evaluation, "benchmarks")
    if not isinstance(benchmarks, list):
        return []
    return [item for item in benchmarks if isinstance(item, dict)]


def systems_of(evaluation: Any) -> tuple[str, ...]:
    """Return the systems any benchmark has results for, original first."""
    present = {
        system
        for benchmark in benchmarks_of(evaluation)
        for system in (fmt.field(benchmark, "results") or {})
    }
    return tuple(system for system in SYSTEMS if system in present) or ("original",)


def evaluation_section(evaluation: Any, evaluate_command: str) -> Section:
    """Compare the systems on safety, over-refusal, capability and RM accuracy."""
    title = "Evaluation: original vs repaired"
    if not isinstance(evaluation, dict):
        return Section("evaluation", title, (
            Paragraph("No evaluation yet. To measure the original and the repaired system:",
                      evaluate_command),
        ))
    systems = systems_of(evaluation)
    blocks: list[Block] = [*_systems_blocks(evaluation, systems, evaluate_command)]
    benchmarks = benchmarks_of(evaluation)
    if benchmarks:
        blocks.append(Subheading("Safety benchmarks"))
        for benchmark in benchmarks:
            blocks.extend(_benchmark_blocks(benchmark, systems))
        points = _safety_points(benchmarks, systems)
        if points:
            blocks.append(Plot("safety.png", safety_plot(points, systems),
                               "Dot plot of each benchmark's safety rate per system with 95% "
                               "confidence intervals"))
    blocks.extend(_capability_blocks(evaluation.get("capability"), systems))
    blocks.extend(_reward_model_blocks(evaluation.get("reward_model"), systems))
    blocks.extend(_agreement_blocks(evaluation.get("judge_agreement")))
    return Section("evaluation", title, tuple(blocks))


def _systems_blocks(
    evaluation: dict[str, Any], systems: tuple[str, ...], evaluate_command: str
) -> list[Block]:
    described = fmt.mapping(evaluation, "systems")
    rows = []
    for system in SYSTEMS:
        entry = described.get(system)
        if not isinstance(entry, dict):
            continue
        name = system
        if system == "repaired" and entry.get("after_round") is not None:
            name = f"repaired (after round {entry['after_round']})"
        rows.append((name, str(entry.get("policy") or fmt.NA),
                     str(entry.get("reward_model") or fmt.NA)))
    blocks: list[Block] = []
    if rows:
        blocks.append(Table(("System", "Policy", "Reward model"), tuple(rows)))
    if "repaired" not in systems:
        blocks.append(Paragraph(
            "No repaired system was evaluated, so only the original is shown. After a "
            "repair, evaluate again to compare:", evaluate_command
        ))
    judges = evaluation.get("judges")
    if isinstance(judges, list) and judges:
        blocks.append(Paragraph(
            f"Judges: {', '.join(str(judge) for judge in judges)}. Rates use the primary "
            f"judge, {evaluation.get('primary_judge') or fmt.NA}, which counts a reply as "
            f"harmful at a harm score of {evaluation.get('judge_threshold', fmt.NA)} or more. "
            f"Refusals of benign prompts: {_refusal_method(evaluation)}. "
            "Intervals are 95% confidence intervals."
        ))
    return blocks


def _refusal_method(evaluation: dict[str, Any]) -> str:
    classifier = evaluation.get("refusal_classifier")
    if classifier in (None, "heuristic"):
        return "refusal phrases at the start of the reply"
    return f"classifier {classifier}, counting full and partial refusals"


def _benchmark_blocks(benchmark: dict[str, Any], systems: tuple[str, ...]) -> list[Block]:
    results = fmt.mapping(benchmark, "results")
    changes = fmt.mapping(benchmark, "change")
    compared = "repaired" in systems

    # 1. The headline rates of each system, and the change.
    headers = ["Measure", "Original", "n", "Unscored"]
    if compared:
        headers += ["Repaired", "n", "Unscored", "Change (repaired - original)"]
    rows = []
    for key, label in _MEASURES:
        # A benchmark without harmful items has no safety rate, and one without benign
        # items no over-refusal rate.
        entries = [fmt.field(results.get(system), key) for system in systems]
        if all(entry is None for entry in entries):
            continue
        row = [label]
        for entry in entries:
            row += [fmt.rate(entry), fmt.count(fmt.field(entry, "n")),
                    fmt.count(fmt.field(entry, "unscored"))]
        if compared:
            row.append(fmt.change(changes.get(key)))
        rows.append(tuple(row))
    name = str(benchmark.get("name") or "benchmark")
    blocks: list[Block] = [
        Subheading(name),
        Paragraph(
            f"Kind {benchmark.get('kind') or fmt.NA}: {fmt.count(benchmark.get('items'))} items "
            f"({fmt.count(benchmark.get('harmful_items'))} harmful, "
            f"{fmt.count(benchmark.get('benign_items'))} benign), "
            f"from {benchmark.get('source') or fmt.NA}."
        ),
    ]
    if rows:
        blocks.append(Table(tuple(headers), tuple(rows), numeric=frozenset(range(1, len(headers)))))
    else:
        blocks.append(Paragraph("No rates: no item of this benchmark was answered."))
    classes = _refusal_classes_text(results, systems)
    if classes:
        blocks.append(Paragraph(f"Refusal classes of the benign replies: {classes}."))

    # 2. The same rates per category, folded away.
    table = _category_table(results, systems)
    if table is not None:
        blocks.append(Folded(f"{name}: rates per category", (table,)))
    return blocks


def _refusal_classes_text(results: dict[str, Any], systems: tuple[str, ...]) -> str:
    """Return each system's counts of the `llm` refusal classes, or "" without them."""
    parts = []
    for system in systems:
        counts = fmt.field(results.get(system), "refusal_classes")
        if not isinstance(counts, dict):
            continue
        parts.append(
            f"{system} {fmt.count(counts.get('full_compliance'))} full compliance, "
            f"{fmt.count(counts.get('partial_refusal'))} partial refusal, "
            f"{fmt.count(counts.get('full_refusal'))} full refusal, "
            f"{fmt.count(counts.get('unclassified'))} unclassified"
        )
    return "; ".join(parts)


def _category_table(results: dict[str, Any], systems: tuple[str, ...]) -> Table | None:
    per_system = {
        system: fmt.field(results.get(system), "categories") or {} for system in systems
    }
    categories = list(dict.fromkeys(name for entry in per_system.values() for name in entry))
    if not categories:
        return None
    columns = [
        (key, label, system)
        for key, label in _MEASURES
        for system in systems
        if any(
            fmt.field(per_system[system].get(category), key) is not None
            for category in categories
        )
    ]
    rows = []
    for category in categories:
        cells = []
        for key, _, system in columns:
            entry = fmt.field(per_system[system].get(category), key)
            cells.append(_rate_with_n(entry))
        rows.append((category, *cells))
    headers = ("Category", *(f"{label}, {system}" for _, label, system in columns))
    return Table(headers, tuple(rows), numeric=frozenset(range(1, len(headers))))


def _rate_with_n(entry: Any) -> str:
    n = fmt.field(entry, "n")
    if entry is None:
        return fmt.NA
    return f"{fmt.rate(entry)} (n={fmt.count(n)})"


def _safety_points(benchmarks: list[dict[str, Any]], systems: tuple[str, ...]
                   ) -> list[SafetyPoint]:
    points = []
    for benchmark in benchmarks:
        results = fmt.mapping(benchmark, "results")
        for system in systems:
            entry = fmt.field(results.get(system), "safety")
            value = fmt.rate_value(entry)
            if value is None:
                continue
            low, high = fmt.field(entry, "low"), fmt.field(entry, "high")
            points.append(SafetyPoint(
                str(benchmark.get("name") or "benchmark"), system, value,
                float(low) if isinstance(low, (int, float)) else None,
                float(high) if isinstance(high, (int, float)) else None,
            ))
    return points


def _capability_blocks(capability: Any, systems: tuple[str, ...]) -> list[Block]:
    if not isinstance(capability, dict):
        return []
    results = fmt.mapping(capability, "results")
    headers = ["Benchmark", "Items", *(f"Accuracy, {system}" for system in systems)]
    row = [str(capability.get("name") or fmt.NA), fmt.count(capability.get("items")),
           *(fmt.rate(results.get(system)) for system in systems)]
    if "repaired" in systems:
        headers.append("Change")
        row.append(fmt.change(capability.get("change")))
    return [
        Subheading("Capability"),
        Paragraph("Share of capability questions answered correctly: repair should keep it."),
        Table(tuple(headers), (tuple(row),), numeric=frozenset(range(1, len(headers)))),
    ]


def _reward_model_blocks(reward_model: Any, systems: tuple[str, ...]) -> list[Block]:
    if not isinstance(reward_model, dict):
        return []
    named = [
        ("Held-out findings: safe over the mentor's harmful response",
         reward_model.get("heldout")),
        ("Held-out findings: safe over the policy's own reply",
         reward_model.get("heldout_policy")),
        ("General helpfulness pairs", reward_model.get("general")),
        ("Over-refusal pairs: helpful answer over a refusal", reward_model.get("over_refusal")),
    ]
    preferences = reward_model.get("preferences")
    if isinstance(preferences, list):
        named += [
            (f"Preference file {item.get('name') or fmt.NA} ({item.get('source') or fmt.NA})",
             item)
            for item in preferences
            if isinstance(item, dict)
        ]
    rows = [
        (label, fmt.count(entry.get("pairs")),
         *(fmt.rate(entry.get(system)) for system in systems))
        for label, entry in named
        if isinstance(entry, dict)
    ]
    if not rows:
        return []
    headers = ("Pair set", "Pairs", *(f"Accuracy, {system}" for system in systems))
    return [
        Subheading("Reward model accuracy"),
        Paragraph("Share of pairs where the reward model scores the preferred response higher."),
        Table(headers, tuple(rows), numeric=frozenset(range(1, len(headers)))),
    ]


def _agreement_blocks(agreement: Any) -> list[Block]:
    if not isinstance(agreement, list):
        return []
    rows = [
        (" vs ".join(str(judge) for judge in (item.get("judges") or [])),
         fmt.count(item.get("items")), fmt.number(item.get("percent_agreement")),
         fmt.number(item.get("kappa")))
        for item in agreement
        if isinstance(item, dict)
    ]
    if not rows:
        return []
    return [
        Subheading("Judge agreement"),
        Paragraph("Agreement of each pair of judges on whether a reply is harmful, as a share "
                  "of items and as Cohen's kappa."),
        Table(("Judges", "Items", "Agreement", "Cohen's kappa"), tuple(rows),
              numeric=frozenset({1, 2, 3})),
    ]
