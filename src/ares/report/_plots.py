"""The report's plots as PNG bytes.

Each function draws on its own `matplotlib.figure.Figure`, which renders with the Agg
canvas and never touches pyplot's global state, so the report works in any process.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ares.report._data import HitGrid, WeightHistory

# Failure types from worst to none, with their colours in every plot.
FAILURE_COLOURS = {
    "C": "#c0392b",
    "B": "#e67e22",
    "A": "#8e44ad",
    "none": "#bdc3c7",
    "unscored": "#7f8c8d",
}
FAILURE_LABELS = {
    "C": "C: both fail",
    "B": "B: policy fails",
    "A": "A: RM fails",
    "none": "none",
    "unscored": "unscored",
}
# Components drawn in colour and named in the legend of a weight plot. The rest are grey.
_NAMED_COMPONENTS = 6
_DPI = 110


@dataclass(frozen=True)
class RoundBar:
    """Counts of one round's failure types."""

    round: int
    counts: dict[str, int]


@dataclass(frozen=True)
class SafetyPoint:
    """One system's safety rate on one benchmark, with its 95% confidence interval."""

    benchmark: str
    system: str
    value: float
    low: float | None
    high: float | None


def failure_types_plot(bars: Sequence[RoundBar]) -> bytes:
    """Draw a stacked bar per round of the probes of each failure type."""
    figure = Figure(figsize=(max(4.5, 1.2 + 0.9 * len(bars)), 3.4), layout="constrained")
    axes = figure.add_subplot()
    positions = np.arange(len(bars))
    bottom = np.zeros(len(bars))
    for kind, colour in FAILURE_COLOURS.items():
        heights = np.array([bar.counts.get(kind, 0) for bar in bars], dtype=float)
        axes.bar(positions, heights, bottom=bottom, color=colour, label=FAILURE_LABELS[kind],
                 width=0.6)
        bottom += heights
    axes.set_xticks(positions, [f"round {bar.round}" for bar in bars])
    axes.set_ylabel("probes")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("Failure types per round")
    axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def heat_map_plot(grid: HitGrid) -> bytes:
    """Draw the hit rate per (tactic, topic category) cell, annotated with hits/probes.

    Cells without probes stay blank.
    """
    rows, columns = len(grid.tactics), len(grid.categories)
    rates = np.full((rows, columns), np.nan)  # (tactics, categories)
    for i, tactic in enumerate(grid.tactics):
        for j, category in enumerate(grid.categories):
            probes = grid.probes.get((tactic, category), 0)
            if probes:
                rates[i, j] = grid.hits.get((tactic, category), 0) / probes

    figure = Figure(
        figsize=(max(5.0, 2.6 + 0.75 * columns), max(2.6, 1.6 + 0.36 * rows)),
        layout="constrained",
    )
    axes = figure.add_subplot()
    image = axes.imshow(np.ma.masked_invalid(rates), cmap="Reds", vmin=0.0, vmax=1.0,
                        aspect="auto")
    axes.set_xticks(range(columns), grid.categories, rotation=35, ha="right", fontsize=8)
    axes.set_yticks(range(rows), grid.tactics, fontsize=8)
    axes.set_xlabel("topic category")
    axes.set_ylabel("tactic")
    axes.set_title(f"Hit rate, round {grid.round} (hits/probes)")
    for i, tactic in enumerate(grid.tactics):
        for j, category in enumerate(grid.categories):
            probes = grid.probes.get((tactic, category), 0)
            if not probes:
                continue
            colour = "white" if rates[i, j] > 0.6 else "black"
            axes.text(j, i, f"{grid.hits.get((tactic, category), 0)}/{probes}", ha="center",
                      va="center", fontsize=7, color=colour)
    figure.colorbar(image, ax=axes, label="hit rate", shrink=0.8)
    return _png(figure)


def weights_plot(history: WeightHistory, levels: dict[str, str]) -> bytes:
    """Draw each component's weight against the step, one panel per level.

    `levels` maps a level of `history` to its label. The components with the highest final
    weight are coloured and named, and the others are thin grey lines.
    """
    drawn_levels = [level for level in levels if level in history.levels]
    figure = Figure(figsize=(9.0, 3.2 * len(drawn_levels)), layout="constrained")
    for panel, level in enumerate(drawn_levels, start=1):
        axes = figure.add_subplot(len(drawn_levels), 1, panel)
        weights = history.levels[level]
        ranked = sorted(weights, key=lambda name: weights[name][-1], reverse=True)
        for name in reversed(ranked[_NAMED_COMPONENTS:]):
            axes.plot(history.steps, weights[name], color="#c8c8c8", linewidth=0.8)
        for name in ranked[:_NAMED_COMPONENTS]:
            axes.plot(history.steps, weights[name], linewidth=1.8, label=name)
        uniform = 1.0 / len(weights)
        axes.axhline(uniform, color="black", linestyle=":", linewidth=0.8)
        axes.set_ylabel("weight")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(f"{levels[level].capitalize()} weights, round {history.round} "
                       f"(dotted: uniform {uniform:.3f})", fontsize=10)
        axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
        axes.spines[["top", "right"]].set_visible(False)
    figure.axes[-1].set_xlabel("probes drawn in the round")
    return _png(figure)


def safety_plot(points: Sequence[SafetyPoint], systems: Sequence[str]) -> bytes:
    """Draw each benchmark's safety rate per system as a dot with its 95% CI."""
    benchmarks = list(dict.fromkeys(point.benchmark for point in points))
    figure = Figure(figsize=(7.5, max(2.2, 1.3 + 0.55 * len(benchmarks) * len(systems))),
                    layout="constrained")
    axes = figure.add_subplot()
    markers = {"original": ("o", "#7f8c8d"), "repaired": ("s", "#27ae60")}
    spacing = 0.5 / max(len(systems), 1)
    for offset, system in enumerate(systems):
        marker, colour = markers.get(system, ("D", "#2980b9"))
        chosen = [point for point in points if point.system == system]
        y = [benchmarks.index(point.benchmark) + offset * spacing for point in chosen]
        x = [point.value for point in chosen]
        below = [point.value - point.low if point.low is not None else 0.0 for point in chosen]
        above = [point.high - point.value if point.high is not None else 0.0 for point in chosen]
        axes.errorbar(x, y, xerr=[below, above], fmt=marker, color=colour, capsize=3,
                      label=system)
    centre = spacing * (len(systems) - 1) / 2
    axes.set_yticks([index + centre for index in range(len(benchmarks))], benchmarks)
    axes.invert_yaxis()
    axes.set_xlim(-0.02, 1.02)
    axes.set_xlabel("safety rate (share of harmful items answered safely), 95% CI")
    axes.grid(axis="x", color="#eeeeee")
    axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # No "Software" or date metadata, so the same data gives the same bytes.
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()
