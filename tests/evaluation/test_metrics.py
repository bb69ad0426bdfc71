"""Metrics: rates, bootstrap intervals, paired differences and agreement, against hand values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ares.evaluation import (
    Rate,
    bootstrap_ci,
    cohen_kappa,
    paired_difference,
    pairwise_accuracy,
    percent_agreement,
    rate,
)

# --------------------------------------------------------------------------- rate


def test_rate_excludes_unscored() -> None:
    result = rate([True, True, False, None])

    assert result.value == pytest.approx(2 / 3)
    assert result.n == 3
    assert result.k == 2
    assert result.unscored == 1


def test_rate_interval_contains_value() -> None:
    outcomes = [True] * 30 + [False] * 20

    result = rate(outcomes)

    assert result.low is not None and result.high is not None
    assert result.low < 0.6 < result.high
    assert result.low >= 0.0
    assert result.high <= 1.0


def test_rate_interval_shrinks_with_n() -> None:
    small = rate([True, False] * 10)
    large = rate([True, False] * 500)

    assert small.low is not None and small.high is not None
    assert large.low is not None and large.high is not None
    assert large.high - large.low < small.high - small.low
    # For p = 0.5, n = 1000 the normal-approximation half-width is 1.96 * sqrt(0.25 / 1000).
    assert (large.high - large.low) / 2 == pytest.approx(1.96 * math.sqrt(0.25 / 1000), rel=0.15)


def test_rate_deterministic_for_seed() -> None:
    outcomes = [True, False, False, True, True] * 4

    assert rate(outcomes, seed=5) == rate(outcomes, seed=5)
    assert rate(outcomes, seed=5, resamples=50) != rate(outcomes, seed=6, resamples=50)


def test_rate_higher_level_is_wider() -> None:
    outcomes = [True, False, True] * 20

    narrow, wide = rate(outcomes, level=0.5), rate(outcomes, level=0.99)

    assert narrow.low is not None and narrow.high is not None
    assert wide.low is not None and wide.high is not None
    assert wide.low <= narrow.low
    assert narrow.high <= wide.high


def test_rate_all_unscored_is_none() -> None:
    result = rate([None, None])

    assert result == Rate(value=None, low=None, high=None, n=0, k=0, unscored=2)


def test_rate_empty_is_none() -> None:
    assert rate([]).value is None
    assert rate([]).unscored == 0


def test_rate_unanimous_has_zero_width() -> None:
    result = rate([True] * 8)

    assert (result.value, result.low, result.high) == (1.0, 1.0, 1.0)


def test_rate_to_dict_rounds() -> None:
    result = rate([True, True, False])

    data = result.to_dict()

    assert data["value"] == 0.6667
    assert set(data) == {"value", "low", "high", "n", "k", "unscored"}
    assert (data["n"], data["k"], data["unscored"]) == (3, 2, 0)
    assert rate([None]).to_dict() == {
        "value": None,
        "low": None,
        "high": None,
        "n": 0,
        "k": 0,
        "unscored": 1,
    }


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"resamples": 0}, "resamples must be at least 1"),
        ({"level": 1.0}, "level must be in (0, 1)"),
        ({"level": 0.0}, "level must be in (0, 1)"),
    ],
)
def test_rate_invalid_arguments(kwargs: dict[str, float], expected: str) -> None:
    with pytest.raises(ValueError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        rate([True, False], **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- bootstrap


def test_bootstrap_constant_values() -> None:
    assert bootstrap_ci([2.5] * 10) == (2.5, 2.5)


def test_bootstrap_mean_interval_brackets_mean() -> None:
    values = [float(v) for v in range(1, 21)]  # mean 10.5

    low, high = bootstrap_ci(values, resamples=4000, seed=1)

    assert low < 10.5 < high
    assert bootstrap_ci(values, resamples=4000, seed=1) == (low, high)
    assert bootstrap_ci(values, resamples=4000, seed=2) != (low, high)


def test_bootstrap_custom_statistic() -> None:
    values = [1.0, 2.0, 3.0, 100.0]

    low, high = bootstrap_ci(values, statistic=lambda samples: np.max(samples, axis=1))

    # The maximum of a resample is one of the values, and is 100 in most resamples.
    assert high == 100.0
    assert low in values


def test_bootstrap_chunked_matches_size() -> None:
    # 3000 items x 2000 resamples exceeds one chunk, so this runs in several chunks.
    values = [float(v % 2) for v in range(3000)]

    low, high = bootstrap_ci(values)

    assert low < 0.5 < high
    assert high - low < 0.05


def test_bootstrap_empty_raises() -> None:
    with pytest.raises(ValueError, match="values is empty"):
        bootstrap_ci([])


# --------------------------------------------------------------------------- paired difference


def test_paired_difference_drops_incomplete_pairs() -> None:
    before = [False, False, True, True, None, False]
    after = [True, True, True, False, True, None]

    result = paired_difference(before, after)

    # Pairs left: (F,T), (F,T), (T,T), (T,F). Before 2/4, after 3/4: diff 0.25.
    assert result["n"] == 4
    assert result["diff"] == pytest.approx(0.25)
    assert result["low"] <= result["diff"] <= result["high"]


def test_paired_difference_no_change_is_zero() -> None:
    outcomes = [True, False, True, True, False] * 6

    result = paired_difference(outcomes, outcomes)

    assert (result["diff"], result["low"], result["high"]) == (0.0, 0.0, 0.0)


def test_paired_difference_all_improve() -> None:
    result = paired_difference([False] * 20, [True] * 20)

    assert (result["diff"], result["low"], result["high"]) == (1.0, 1.0, 1.0)


def test_paired_difference_narrower_than_unpaired() -> None:
    # 40 items, 10 of which improve and none get worse: highly correlated outcomes.
    before = [True] * 20 + [False] * 20
    after = [True] * 30 + [False] * 10

    paired = paired_difference(before, after)

    unpaired_low = rate(after).low - rate(before).high  # type: ignore[operator]
    assert paired["low"] > 0
    assert paired["low"] > unpaired_low


def test_paired_difference_without_pairs() -> None:
    result = paired_difference([None, True], [False, None])

    assert result == {"diff": None, "low": None, "high": None, "n": 0}


def test_paired_difference_deterministic_for_seed() -> None:
    before = [True, False, False, True] * 5
    after = [True, True, False, True] * 5

    assert paired_difference(before, after, seed=2) == paired_difference(before, after, seed=2)


def test_paired_difference_length_mismatch() -> None:
    with pytest.raises(ValueError, match="same length"):
        paired_difference([True], [True, False])


# --------------------------------------------------------------------------- agreement


def test_cohen_kappa_hand_table() -> None:
    # 2x2 table, rater a in rows, rater b in columns:
    #            b=yes  b=no
    #   a=yes     20      5
    #   a=no      10     15
    # n = 50, po = (20 + 15) / 50 = 0.7
    # a labels 25/50 = 0.5 yes, b labels 30/50 = 0.6 yes
    # pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15

    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(a, b) == pytest.approx(0.7)


def test_cohen_kappa_three_labels() -> None:
    # a: x x y y z z, b: x y y y z x. po = 4/6.
    # a counts x2 y2 z2, b counts x2 y3 z1: pe = (2*2 + 2*3 + 2*1) / 36 = 12/36 = 1/3.
    # kappa = (2/3 - 1/3) / (2/3) = 0.5
    assert cohen_kappa(list("xxyyzz"), list("xyyyzx")) == pytest.approx(0.5)


def test_cohen_kappa_perfect_and_chance() -> None:
    assert cohen_kappa([1, 0, 1, 0], [1, 0, 1, 0]) == pytest.approx(1.0)
    # po = 0.5 and pe = 0.5: agreement no better than chance.
    assert cohen_kappa([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(0.0)
    # Complete disagreement on balanced labels: po = 0, pe = 0.5, kappa = -1.
    assert cohen_kappa([1, 0], [0, 1]) == pytest.approx(-1.0)


def test_cohen_kappa_single_label_is_one() -> None:
    # pe = 1 makes kappa 0/0. Both raters gave one label to everything, so it counts as 1.
    assert cohen_kappa([True] * 5, [True] * 5) == 1.0


def test_agreement_empty_is_none() -> None:
    assert cohen_kappa([], []) is None
    assert percent_agreement([], []) is None


def test_agreement_length_mismatch() -> None:
    with pytest.raises(ValueError, match="same length"):
        cohen_kappa([1], [])
    with pytest.raises(ValueError, match="same length"):
        percent_agreement([1, 2], [1])


# --------------------------------------------------------------------------- pairwise accuracy


def test_pairwise_accuracy_ties_count_wrong() -> None:
    chosen = [1.0, 2.0, 0.5, 3.0]
    rejected = [0.0, 2.0, 1.0, -1.0]  # right, tie, wrong, right

    result = pairwise_accuracy(chosen, rejected)

    assert result.value == pytest.approx(0.5)
    assert (result.n, result.k, result.unscored) == (4, 2, 0)


def test_pairwise_accuracy_nan_is_unscored() -> None:
    result = pairwise_accuracy([1.0, float("nan")], [0.0, 0.0])

    assert (result.n, result.k, result.unscored) == (1, 1, 1)


def test_pairwise_accuracy_passes_bootstrap_options() -> None:
    chosen = [float(v) for v in range(30)]
    rejected = [float(v % 7) * 4 for v in range(30)]

    assert pairwise_accuracy(chosen, rejected, seed=3) == pairwise_accuracy(
        chosen, rejected, seed=3
    )
    with pytest.raises(ValueError, match="resamples"):
        pairwise_accuracy(chosen, rejected, resamples=0)


def test_pairwise_accuracy_length_mismatch() -> None:
    with pytest.raises(ValueError, match="chosen and rejected"):
        pairwise_accuracy([1.0], [])
