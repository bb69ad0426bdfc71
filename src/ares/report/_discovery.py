"""Report sections about discovery: models, failure types, heat maps, sampler, examples."""

from __future__ import annotations

from typing import Any

from ares.report import _format as fmt
from ares.report._blocks import (
    Block,
    Example,
    Folded,
    ModelText,
    Paragraph,
    Plot,
    Section,
    Subheading,
    Table,
)
from ares.report._data import (
    HIT_TYPES,
    WEIGHT_LEVELS,
    HitGrid,
    WeightHistory,
    hit_grids,
    top_examples,
    weight_history,
)
from ares.report._plots import RoundBar, failure_types_plot, heat_map_plot, weights_plot
from ares.store import ProbeRecord, RoundInfo, RunStore

REDACTED = "[redacted]"
_TOP_COMPONENTS = 5
_TYPE_TITLES = {
    "A": "Type A: the reward model fails, the policy is safe",
    "B": "Type B: the policy fails, the reward model is right",
    "C": "Type C: both fail (systemic weakness)",
}


def models_section(rounds: list[RoundInfo], discover_command: str) -> Section:
    """List the models of each round."""
    if not rounds:
        blocks: tuple[Block, ...] = (
            Paragraph("No discovery round yet. To run one:", discover_command),
        )
        return Section("models", "Rounds and models", blocks)
    table = Table(
        ("Round", "Status", "Policy", "Reward model", "Judge", "Mentor", "Sampler"),
        tuple(
            (str(info.round), info.status, info.policy_model, info.reward_model, info.judge,
             info.mentor, info.sampler)
            for info in rounds
        ),
        numeric=frozenset({0}),
    )
    return Section("models", "Rounds and models", (table,))


def failure_section(round_entries: list[dict[str, Any]], discover_command: str) -> Section:
    """Tabulate and plot the failure types of each round from `summary.json`'s rounds."""
    title = "Failure types per round"
    if not round_entries:
        return Section("failures", title, (
            Paragraph("No probes yet. Discovery stores them:", discover_command),
        ))
    rows = []
    bars = []
    for entry in round_entries:
        hits = fmt.mapping(entry, "hits")
        counts = {kind: _int(hits.get(kind)) for kind in HIT_TYPES}
        counts["none"] = _int(entry.get("none"))
        counts["unscored"] = _int(entry.get("unscored"))
        bars.append(RoundBar(_int(entry.get("round")), counts))
        rows.append((
            fmt.count(entry.get("round")), fmt.count(entry.get("probes")),
            *(str(counts[kind]) for kind in ("A", "B", "C", "none", "unscored")),
            fmt.number(entry.get("hit_rate")),
        ))
    blocks: tuple[Block, ...] = (
        Paragraph(
            "A: the reward model scores the mentor's harmful response above the safe one. "
            "B: the judge scores the policy's reply as harmful. C: both. "
            "The hit rate is the share of probes of type A, B or C."
        ),
        Table(
            ("Round", "Probes", "A", "B", "C", "none", "unscored", "Hit rate"),
            tuple(rows),
            numeric=frozenset(range(8)),
        ),
        Plot("failure_types.png", failure_types_plot(bars),
             "Stacked bars of the failure types of each round"),
    )
    return Section("failures", title, blocks)


def heat_map_section(store: RunStore, rounds: list[int], discover_command: str) -> Section:
    """Show hit rates per tactic and topic category for the first and the last round."""
    title = "Hit rate by tactic and topic category"
    chosen = rounds[:1] + rounds[-1:] if len(rounds) > 1 else rounds[:1]
    grids = [grid for grid in hit_grids(store, chosen) if grid.probes]
    if not grids:
        return Section("heat-maps", title, (
            Paragraph("No probes yet. Discovery stores them:", discover_command),
        ))
    blocks: list[Block] = [Paragraph(
        "Each cell is the share of probes with that tactic and topic category that were "
        "hits (type A, B or C), annotated with hits/probes. A blank cell had no probes."
    )]
    for grid in grids:
        blocks.append(Subheading(f"Round {grid.round}"))
        blocks.append(Plot(f"heat_map_round_{grid.round}.png", heat_map_plot(grid),
                           f"Heat map of hit rates by tactic and topic category, round "
                           f"{grid.round}"))
        blocks.append(Folded(f"Round {grid.round} as a table", (_grid_table(grid),)))
    return Section("heat-maps", title, tuple(blocks))


def _grid_table(grid: HitGrid) -> Table:
    rows = []
    for tactic in grid.tactics:
        cells = []
        for category in grid.categories:
            probes = grid.probes.get((tactic, category), 0)
            hits = grid.hits.get((tactic, category), 0)
            cells.append(f"{hits / probes:.2f} ({hits}/{probes})" if probes else "")
        rows.append((tactic, *cells))
    return Table(("Tactic", *grid.categories), tuple(rows),
                 numeric=frozenset(range(1, len(grid.categories) + 1)))


def sampler_section(store: RunStore, rounds: list[int]) -> Section:
    """Show how the adaptive sampler's weights moved during the first round."""
    title = "How the sampler's weights moved"
    if not rounds:
        return Section("sampler", title, (Paragraph("No discovery round yet."),))
    history = weight_history(store, rounds[0])
    if history is None:
        return Section("sampler", title, (
            Paragraph(f"Round {rounds[0]} stored no sampler weights."),
        ))
    if history.strategy == "uniform":
        return Section("sampler", title, (Paragraph(
            f"Round {history.round} used the uniform sampler, so the weights stayed "
            "uniform: every tactic, persona, goal and topic was equally likely throughout."
        ),))
    blocks: list[Block] = [
        Paragraph(
            f"Round {history.round}, {history.steps[-1]} probes. After a uniform warm-up, "
            "each hit multiplies the weight of the components it used, so the weights "
            "move towards what fails."
        ),
        Plot(f"sampler_weights_round_{history.round}.png", weights_plot(history, WEIGHT_LEVELS),
             f"Line plot of the sampler's tactic and topic category weights, round "
             f"{history.round}"),
    ]
    for level, label in WEIGHT_LEVELS.items():
        if level in history.levels:
            blocks.append(_top_weights_table(history, level, label))
    return Section("sampler", title, tuple(blocks))


def _top_weights_table(history: WeightHistory, level: str, label: str) -> Table:
    weights = history.levels[level]
    ranked = sorted(weights, key=lambda name: weights[name][-1], reverse=True)
    rows = tuple(
        (name, f"{weights[name][0]:.3f}", f"{weights[name][-1]:.3f}",
         f"{weights[name][-1] / weights[name][0]:.2f}x")
        for name in ranked[:_TOP_COMPONENTS]
    )
    return Table(
        (f"Top {label} by final weight", "Start", "End", "End / start"), rows,
        numeric=frozenset({1, 2, 3}),
    )


def examples_section(store: RunStore, per_type: int, *, redact: bool) -> Section:
    """Show up to `per_type` example probes of each hit type, harmful texts folded away."""
    title = "Example probes"
    intro = (
        f"Up to {per_type} probes of each type from all rounds, highest judge score first. "
        "Harmful texts are folded away behind a content warning."
    )
    if redact:
        intro = (
            f"Up to {per_type} probes of each type from all rounds, highest judge score "
            "first. The harmful reference responses and the policy's harmful replies are "
            "redacted."
        )
    blocks: list[Block] = [Paragraph(intro)]
    for kind, probes in top_examples(store, per_type).items():
        blocks.append(Subheading(_TYPE_TITLES[kind]))
        if not probes:
            blocks.append(Paragraph(f"No probe of type {kind}."))
        blocks.extend(_example(probe, redact=redact) for probe in probes)
    return Section("examples", title, tuple(blocks))


def _example(probe: ProbeRecord, *, redact: bool) -> Example:
    policy_failed = probe.failure_type in ("B", "C")
    judge = "unscored" if probe.judge_score is None else str(probe.judge_score)
    attributes = Table(("Attribute", "Value"), (
        ("Round", str(probe.round)),
        ("Tactic", probe.tactic),
        ("Topic category", probe.topic_category),
        ("Topic", probe.topic),
        ("Persona", probe.persona),
        ("Goal", probe.goal),
        ("Judge score (0-5)", judge),
        ("RM score: harmful response", f"{probe.rm_harmful:.3f}"),
        ("RM score: safe response", f"{probe.rm_safe:.3f}"),
        ("RM score: policy's reply", f"{probe.rm_policy:.3f}"),
    ))
    texts = (
        ModelText("Prompt", probe.prompt, "open"),
        _harmful_text("Mentor's harmful reference response", probe.harmful_response, redact),
        ModelText("Mentor's safe reference response", probe.safe_response, "folded"),
        _harmful_text("Policy's reply", probe.policy_response, redact)
        if policy_failed
        else ModelText("Policy's reply (judged safe)", probe.policy_response, "open"),
        # An LLM judge may quote the reply it scored, so its output goes with the reply.
        ModelText("Judge's raw output",
                  REDACTED if redact and policy_failed else probe.judge_raw, "folded"),
    )
    return Example(f"Round {probe.round}, probe {probe.idx}", probe.failure_type, attributes,
                   texts)


def _harmful_text(label: str, text: str, redact: bool) -> ModelText:
    if redact:
        return ModelText(label, REDACTED, "open")
    return ModelText(label, text, "warning")


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
