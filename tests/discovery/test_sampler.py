from __future__ import annotations

import json
from collections import Counter

import pytest

from ares.components import AttackSpec, ComponentLibrary
from ares.config import SamplerConfig
from ares.discovery import HitFeedback, Sampler, cap_and_renormalise, hit_factor, level_cap


def _config(**overrides: object) -> SamplerConfig:
    values: dict[str, object] = {"warmup": 0, "max_weight": 1.0}
    values.update(overrides)
    return SamplerConfig.model_validate(values)


def _spec() -> AttackSpec:
    return AttackSpec(topic_category="cat_a", topic="a1", persona="p1", tactic="t1", goal="g1")


def test_hit_factor_formula() -> None:
    config = _config(alpha=0.2, beta=0.2, margin_scale=2.0)
    # 1 + 0.2 * 5/5 + 0.2 * min(1/2, 1)
    assert hit_factor(5, 1.0, config) == pytest.approx(1.3)
    # the margin term saturates at 1
    assert hit_factor(0, 10.0, config) == pytest.approx(1.2)
    # a negative margin (RM right) and an unscored verdict add nothing
    assert hit_factor(None, -3.0, config) == pytest.approx(1.0)
    assert hit_factor(3, -3.0, config) == pytest.approx(1.12)


def test_level_cap_rises_for_small_levels() -> None:
    assert level_cap(20, 0.15) == pytest.approx(0.15)
    assert level_cap(4, 0.15) == pytest.approx(0.5)
    assert level_cap(10, 0.15) == pytest.approx(0.2)  # 10 * 0.15 = 1.5 < 2
    assert level_cap(1, 0.15) == pytest.approx(1.0)


def test_cap_and_renormalise_keeps_cap_and_sum() -> None:
    level = {"a": 5.0, "b": 1.0, "c": 1.0, "d": 1.0, "e": 1.0}
    cap_and_renormalise(level, 0.3)
    assert sum(level.values()) == pytest.approx(1.0)
    assert level["a"] == pytest.approx(0.3)
    # the rest share 0.7 in proportion to their equal weights
    for key in "bcde":
        assert level[key] == pytest.approx(0.175)


def test_cap_and_renormalise_cascades() -> None:
    # after capping "a", redistributing makes "b" exceed the cap as well
    level = {"a": 10.0, "b": 6.0, "c": 1.0, "d": 1.0}
    cap_and_renormalise(level, 0.4)
    assert sum(level.values()) == pytest.approx(1.0)
    assert max(level.values()) <= 0.4 + 1e-9
    assert level["c"] == pytest.approx(level["d"])


def test_update_multiplies_and_renormalises(small_library: ComponentLibrary) -> None:
    config = _config(alpha=0.2, beta=0.2)
    sampler = Sampler(small_library, config, seed=0)
    sampler.update([HitFeedback(_spec(), hit=True, judge_score=5, rm_margin=1.0)])
    factor = 1.4
    # tactics: three at 1/3; t1 multiplied by 1.4, then renormalised
    expected_t1 = (factor / 3) / (factor / 3 + 2 / 3)
    assert sampler.weights["tactics"]["t1"] == pytest.approx(expected_t1)
    assert sum(sampler.weights["tactics"].values()) == pytest.approx(1.0)
    # the topic instance moves within its category, and the category among categories
    assert sampler.instance_weights["cat_a"]["a1"] == pytest.approx(factor / (factor + 1))
    assert sampler.weights["categories"]["cat_a"] == pytest.approx(factor / (factor + 1))
    assert sampler.instance_weights["cat_b"]["b1"] == pytest.approx(1.0)
    assert sampler.updates == 1


def test_update_ignores_misses(small_library: ComponentLibrary) -> None:
    sampler = Sampler(small_library, _config(), seed=0)
    before = json.dumps(sampler.weights, sort_keys=True)
    sampler.update([HitFeedback(_spec(), hit=False, judge_score=5, rm_margin=2.0)])
    assert json.dumps(sampler.weights, sort_keys=True) == before
    assert sampler.updates == 0


def test_uniform_strategy_never_moves(small_library: ComponentLibrary) -> None:
    sampler = Sampler(small_library, _config(strategy="uniform"), seed=0)
    sampler.update([HitFeedback(_spec(), hit=True, judge_score=5, rm_margin=1.0)] * 10)
    assert sampler.weights["tactics"] == pytest.approx({"t1": 1 / 3, "t2": 1 / 3, "t3": 1 / 3})


def test_cap_limits_a_repeatedly_hit_component(small_library: ComponentLibrary) -> None:
    config = _config(max_weight=0.15)  # 3 tactics: the level cap rises to 2/3
    sampler = Sampler(small_library, config, seed=0)
    sampler.update([HitFeedback(_spec(), hit=True, judge_score=5, rm_margin=1.0)] * 100)
    assert sampler.weights["tactics"]["t1"] == pytest.approx(2 / 3)
    assert sampler.weights["tactics"]["t2"] == pytest.approx(1 / 6)


def test_adaptive_draws_follow_weights(small_library: ComponentLibrary) -> None:
    sampler = Sampler(small_library, _config(), seed=1)
    sampler.weights["tactics"] = {"t1": 0.8, "t2": 0.1, "t3": 0.1}
    counts = Counter(spec.tactic for spec in sampler.draw(2000))
    assert 0.75 < counts["t1"] / 2000 < 0.85


def test_warmup_draws_uniformly(small_library: ComponentLibrary) -> None:
    sampler = Sampler(small_library, _config(warmup=3000), seed=1)
    sampler.weights["tactics"] = {"t1": 0.98, "t2": 0.01, "t3": 0.01}
    counts = Counter(spec.tactic for spec in sampler.draw(3000))
    assert counts["t2"] > 800  # about a third, not 1%
    assert not sampler.in_warmup


def test_same_seed_same_draws(small_library: ComponentLibrary) -> None:
    first = Sampler(small_library, _config(), seed=7).draw(50)
    second = Sampler(small_library, _config(), seed=7).draw(50)
    other = Sampler(small_library, _config(), seed=8).draw(50)
    assert first == second
    assert first != other


def test_state_round_trip_continues_identically(small_library: ComponentLibrary) -> None:
    config = _config(warmup=4)
    sampler = Sampler(small_library, config, seed=3)
    sampler.draw(10)
    sampler.update([HitFeedback(_spec(), hit=True, judge_score=4, rm_margin=0.5)])
    state = json.loads(json.dumps(sampler.state()))  # as stored in SQLite
    restored = Sampler.from_state(small_library, config, state)
    assert restored.draw(30) == sampler.draw(30)
    assert restored.weights == sampler.weights
    assert restored.drawn == sampler.drawn
