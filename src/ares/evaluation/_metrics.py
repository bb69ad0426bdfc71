"""Evaluation metrics: rates with bootstrap confidence intervals, and agreement statistics.

Confidence intervals use the percentile bootstrap: resample the items with replacement,
compute the statistic on each resample, and take the `(1 - level) / 2` and
`(1 + level) / 2` quantiles of those values. Each resample draws from
`numpy.random.default_rng(seed)`, so a seed gives the same interval every time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# Maximum number of sampled indices held in memory at once; larger bootstraps run in chunks.
_CHUNK_CELLS = 4_000_000


@dataclass(frozen=True)
class Rate:
    """A success rate k / n with a bootstrap confidence interval.

    Attributes:
        value: k / n, or None when n == 0.
        low: Lower bound of the confidence interval, or None when n == 0.
        high: Upper bound of the confidence interval, or None when n == 0.
        n: Number of scored items.
        k: Number of scored items that count as a success (for example, safe).
        unscored: Number of items without an outcome, which are not counted in n.
    """

    value: float | None
    low: float | None
    high: float | None
    n: int
    k: int
    unscored: int

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a dict for JSON, with floats rounded to 4 decimal places."""
        return {
            "value": _round(self.value),
            "low": _round(self.low),
            "high": _round(self.high),
            "n": self.n,
            "k": self.k,
            "unscored": self.unscored,
        }


def rate(
    outcomes: Sequence[bool | None],
    *,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> Rate:
    """Compute the share of True outcomes, with a bootstrap confidence interval.

    None marks an unscored item, such as a judge verdict that could not be parsed. It
    counts in `unscored` and is left out of both k and n, never counted as a success.

    Raises:
        ValueError: `resamples` is below 1 or `level` is outside (0, 1).
    """
    _check_bootstrap(resamples, level)
    scored = [bool(outcome) for outcome in outcomes if outcome is not None]
    n, k = len(scored), sum(scored)
    unscored = len(outcomes) - n
    if n == 0:
        return Rate(value=None, low=None, high=None, n=0, k=0, unscored=unscored)

    # NOTE: when every outcome agrees (k == 0 or k == n) every resample does too, so the
    # percentile interval has zero width. It understates the uncertainty at small n.
    low, high = bootstrap_ci(
        [float(outcome) for outcome in scored], resamples=resamples, seed=seed, level=level
    )
    return Rate(value=k / n, low=low, high=high, n=n, k=k, unscored=unscored)


def _row_means(samples: FloatArray) -> FloatArray:
    return np.asarray(samples.mean(axis=1), dtype=np.float64)


def bootstrap_ci(
    values: Sequence[float],
    *,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
    statistic: Callable[[FloatArray], FloatArray] = _row_means,
) -> tuple[float, float]:
    """Compute a percentile bootstrap confidence interval of a statistic of `values`.

    Args:
        values: The sample, one value per item.
        resamples: Number of bootstrap resamples.
        seed: Seed of the resampling.
        level: Confidence level, such as 0.95 for a 95% interval.
        statistic: Function of a (resamples, n) array of resampled values that returns the
            statistic of each row as a (resamples,) array. The default is the mean.

    Returns:
        (low, high) bounds of the interval.

    Raises:
        ValueError: `values` is empty, `resamples` is below 1 or `level` is outside (0, 1).
    """
    _check_bootstrap(resamples, level)
    if len(values) == 0:
        raise ValueError("values is empty; a bootstrap interval needs at least one value")
    sample = np.asarray(values, dtype=np.float64)  # (n,)
    statistics = np.concatenate(
        [statistic(sample[indices]) for indices in _resample_indices(len(sample), resamples, seed)]
    )  # (resamples,)
    return _percentile_interval(statistics, level)


def paired_difference(
    before: Sequence[bool | None],
    after: Sequence[bool | None],
    *,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, Any]:
    """Compute the change in success rate between two outcomes of the same items.

    `before[i]` and `after[i]` are outcomes of item i, for example before and after a
    repair. A pair where either outcome is None is dropped. The interval comes from a
    paired bootstrap, which resamples item indices and keeps both outcomes of an item
    together, so it is narrower than one from two independent samples when the outcomes
    are correlated.

    Returns:
        `{"diff": after_rate - before_rate, "low": ..., "high": ..., "n": pairs}`, with
        unrounded floats. `diff`, `low` and `high` are None when no pair is left.

    Raises:
        ValueError: The sequences differ in length, `resamples` is below 1 or `level` is
            outside (0, 1).
    """
    _check_lengths(before, after, "before", "after")
    _check_bootstrap(resamples, level)
    pairs = [(b, a) for b, a in zip(before, after, strict=True) if b is not None and a is not None]
    if not pairs:
        return {"diff": None, "low": None, "high": None, "n": 0}

    # Column 0 is `before`, column 1 is `after`, one row per item.
    outcomes = np.asarray(pairs, dtype=np.float64)  # (n, 2)
    differences = outcomes[:, 1] - outcomes[:, 0]  # (n,)
    low, high = bootstrap_ci(differences.tolist(), resamples=resamples, seed=seed, level=level)
    return {"diff": float(differences.mean()), "low": low, "high": high, "n": len(pairs)}


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Compute Cohen's kappa between two raters' labels of the same items.

    kappa = (po - pe) / (1 - pe), where po is the observed agreement and pe the agreement
    expected by chance from each rater's label frequencies.

    Returns:
        Kappa, or None when there are no items. When pe == 1, kappa is 0/0. That happens only
        when both raters gave every item the same single label, so po is 1 as well, and this
        function returns 1.0 for perfect agreement (0.0 if po were below 1).

    Raises:
        ValueError: The sequences differ in length.
    """
    _check_lengths(a, b, "a", "b")
    n = len(a)
    if n == 0:
        return None

    # Integer counts keep pe == 1 exact, with no float rounding.
    agreements = sum(1 for x, y in zip(a, b, strict=True) if x == y)
    counts_a, counts_b = Counter(a), Counter(b)
    chance_numerator = sum(counts_a[label] * counts_b[label] for label in counts_a)
    if chance_numerator == n * n:
        return 1.0 if agreements == n else 0.0
    observed = agreements / n
    expected = chance_numerator / (n * n)
    return (observed - expected) / (1.0 - expected)


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Compute the share of items that two raters labelled the same, or None without items.

    Raises:
        ValueError: The sequences differ in length.
    """
    _check_lengths(a, b, "a", "b")
    if len(a) == 0:
        return None
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def pairwise_accuracy(
    chosen: Sequence[float],
    rejected: Sequence[float],
    *,
    resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> Rate:
    """Compute how often a reward model scores the chosen response above the rejected one.

    A pair counts as correct only when `chosen[i] > rejected[i]`, so a tie counts as wrong.
    A pair with a NaN score is unscored.

    Raises:
        ValueError: The sequences differ in length, `resamples` is below 1 or `level` is
            outside (0, 1).
    """
    _check_lengths(chosen, rejected, "chosen", "rejected")
    outcomes: list[bool | None] = [
        None if np.isnan(good) or np.isnan(bad) else bool(good > bad)
        for good, bad in zip(chosen, rejected, strict=True)
    ]
    return rate(outcomes, resamples=resamples, seed=seed, level=level)


# --------------------------------------------------------------------------- helpers


def _resample_indices(n: int, resamples: int, seed: int) -> Iterator[npt.NDArray[np.intp]]:
    """Yield (rows, n) arrays of item indices drawn with replacement, `resamples` rows in all.

    The draws come in chunks of at most `_CHUNK_CELLS` indices so that memory stays bounded
    for large n. The chunk size depends only on n, so a seed gives the same draws.
    """
    rng = np.random.default_rng(seed)
    rows_per_chunk = max(1, _CHUNK_CELLS // n)
    for start in range(0, resamples, rows_per_chunk):
        rows = min(rows_per_chunk, resamples - start)
        yield rng.integers(0, n, size=(rows, n))


def _percentile_interval(statistics: FloatArray, level: float) -> tuple[float, float]:
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(statistics, [tail, 1.0 - tail])
    return float(low), float(high)


def _check_bootstrap(resamples: int, level: float) -> None:
    if resamples < 1:
        raise ValueError(f"resamples must be at least 1, got {resamples}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must be in (0, 1), such as 0.95, got {level}")


def _check_lengths(first: Sequence[Any], second: Sequence[Any], name1: str, name2: str) -> None:
    if len(first) != len(second):
        raise ValueError(
            f"{name1} and {name2} must have the same length (one entry per item), got "
            f"{len(first)} and {len(second)}"
        )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
