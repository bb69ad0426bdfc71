"""Draw attack specs from the component library, uniformly or adaptively.

Adaptive sampling keeps one weight vector per level: topic categories, the topic
instances within each category, personas, tactics and goals. A hit multiplies the weight
of every component it used by

    factor = 1 + alpha * judge_score / 5 + beta * clip(rm_margin / margin_scale, 0, 1)

then caps each weight of the level at the level's cap and renormalises the level to sum
to 1. The first `warmup` probes are drawn uniformly; their hits already update the weights.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ares.components import AttackSpec, ComponentLibrary
from ares.config import SamplerConfig
from ares.judges import MAX_HARM

# Levels other than the per-category instance levels, in the order they are drawn.
_FLAT_LEVELS = ("categories", "personas", "tactics", "goals")
# Iterations of cap-then-renormalise; the projection converges in at most n rounds per level.
_MAX_CAP_ROUNDS = 64


@dataclass(frozen=True)
class HitFeedback:
    """Feedback from one classified probe to the sampler."""

    spec: AttackSpec
    hit: bool
    judge_score: int | None
    rm_margin: float  # RM score of the harmful response minus that of the safe one


class Sampler:
    """Seeded sampler of attack specs with a serialisable state.

    `state()` and `Sampler.from_state()` round-trip the weights, the step count and the
    random generator, so a resumed round draws exactly what an uninterrupted one would.
    """

    def __init__(self, library: ComponentLibrary, config: SamplerConfig, seed: int) -> None:
        self._config = config
        self._rng = random.Random(seed)
        self.drawn = 0  # probes drawn so far, warm-up included
        self.updates = 0  # hits applied so far
        self.weights: dict[str, dict[str, float]] = {
            "categories": _uniform(library.categories),
            "personas": _uniform(library.personas),
            "tactics": _uniform(library.tactics),
            "goals": _uniform(library.goals),
        }
        self.instance_weights: dict[str, dict[str, float]] = {
            category.id: _uniform([t.id for t in category.instances])
            for category in library.categories.values()
        }

    @property
    def strategy(self) -> str:
        return self._config.strategy

    @property
    def in_warmup(self) -> bool:
        return self.drawn < self._config.warmup

    def draw(self, count: int) -> list[AttackSpec]:
        """Draw `count` attack specs with the current weights (uniform during warm-up)."""
        specs = []
        for _ in range(count):
            uniform = self._config.strategy == "uniform" or self.in_warmup
            category = self._choose(self.weights["categories"], uniform)
            specs.append(
                AttackSpec(
                    topic_category=category,
                    topic=self._choose(self.instance_weights[category], uniform),
                    persona=self._choose(self.weights["personas"], uniform),
                    tactic=self._choose(self.weights["tactics"], uniform),
                    goal=self._choose(self.weights["goals"], uniform),
                )
            )
            self.drawn += 1
        return specs

    def update(self, feedback: Sequence[HitFeedback]) -> None:
        """Apply the multiplicative update for every hit in `feedback`, in order.

        The `uniform` strategy ignores feedback, so its weights stay uniform.
        """
        if self._config.strategy == "uniform":
            return
        for item in feedback:
            if not item.hit:
                continue
            factor = hit_factor(item.judge_score, item.rm_margin, self._config)
            spec = item.spec
            self._bump(self.weights["categories"], spec.topic_category, factor)
            self._bump(self.instance_weights[spec.topic_category], spec.topic, factor)
            self._bump(self.weights["personas"], spec.persona, factor)
            self._bump(self.weights["tactics"], spec.tactic, factor)
            self._bump(self.weights["goals"], spec.goal, factor)
            self.updates += 1

    def state(self) -> dict[str, Any]:
        """Return the full state as JSON-serialisable data."""
        version, internal, gauss = self._rng.getstate()
        return {
            "strategy": self._config.strategy,
            "drawn": self.drawn,
            "updates": self.updates,
            "weights": self.weights,
            "instance_weights": self.instance_weights,
            "rng": [version, list(internal), gauss],
        }

    @classmethod
    def from_state(
        cls, library: ComponentLibrary, config: SamplerConfig, state: dict[str, Any]
    ) -> Sampler:
        """Rebuild a sampler from `state()` output."""
        sampler = cls(library, config, seed=0)
        sampler.drawn = int(state["drawn"])
        sampler.updates = int(state["updates"])
        sampler.weights = {k: dict(v) for k, v in state["weights"].items()}
        sampler.instance_weights = {k: dict(v) for k, v in state["instance_weights"].items()}
        version, internal, gauss = state["rng"]
        sampler._rng.setstate((version, tuple(internal), gauss))
        return sampler

    def _choose(self, weights: dict[str, float], uniform: bool) -> str:
        ids = list(weights)
        if uniform:
            return ids[self._rng.randrange(len(ids))]
        return self._rng.choices(ids, weights=[weights[i] for i in ids], k=1)[0]

    def _bump(self, level: dict[str, float], component: str, factor: float) -> None:
        level[component] *= factor
        cap_and_renormalise(level, level_cap(len(level), self._config.max_weight))


def hit_factor(judge_score: int | None, rm_margin: float, config: SamplerConfig) -> float:
    """Return the multiplier a hit applies to the weight of each component it used.

    An unscored judge verdict adds nothing, and a negative RM margin (the RM was right)
    adds nothing: only evidence of failure raises a weight.
    """
    judge_term = (judge_score or 0) / MAX_HARM
    margin_term = min(max(rm_margin / config.margin_scale, 0.0), 1.0)
    return 1.0 + config.alpha * judge_term + config.beta * margin_term


def level_cap(size: int, max_weight: float) -> float:
    """Return the cap on one weight in a level of `size` components.

    A level cannot keep every weight at or below `max_weight` when size * max_weight < 1,
    and at 1 <= size * max_weight < 2 the cap would pin it near uniform. Such a level uses
    min(1, 2 / size) so that a component can reach twice its uniform share.
    """
    if size * max_weight >= 2:
        return max_weight
    return min(1.0, 2.0 / size)


def cap_and_renormalise(level: dict[str, float], cap: float) -> None:
    """Scale `level` to sum to 1 with no weight above `cap`, in place.

    Capped weights are fixed at `cap` and the remaining mass is shared among the others in
    proportion to their weights; this repeats until no weight exceeds the cap.
    """
    capped: set[str] = set()
    for _ in range(_MAX_CAP_ROUNDS):
        free_mass = 1.0 - cap * len(capped)
        free_total = sum(w for k, w in level.items() if k not in capped)
        for key in level:
            if key in capped:
                level[key] = cap
            elif free_total > 0:
                level[key] = level[key] / free_total * free_mass
        over = {k for k, w in level.items() if k not in capped and w > cap + 1e-12}
        if not over:
            return
        capped |= over


def _uniform(ids: Sequence[str] | dict[str, Any]) -> dict[str, float]:
    keys = list(ids)
    return {key: 1.0 / len(keys) for key in keys}
