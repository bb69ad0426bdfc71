"""Training data for repair: preference pairs and prompts, from findings and from files.

Three sources feed both repair stages:

- findings: the probes of a discovery round, split by attack spec into train and held out;
- the sets shipped with ares in `ares/repair/data/` (general helpfulness and over-refusal);
- a user's own JSONL or CSV file, or a Hugging Face dataset, in place of a shipped set.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Literal, TypeGuard, TypeVar

from ares._tables import read_jsonl, read_table
from ares.errors import DataError
from ares.store import ProbeRecord

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

PairSource = Literal["mentor", "policy", "general", "over_refusal", "user"]
ShippedKind = Literal["general", "over_refusal"]
ShippedSplit = Literal["train", "eval"]

SHIPPED_KINDS: tuple[ShippedKind, ...] = ("general", "over_refusal")
SHIPPED_SPLITS: tuple[ShippedSplit, ...] = ("train", "eval")

# Failure types whose mentor pair shows an RM failure, and types whose prompt made the policy fail.
_RM_FAILURES = ("A", "C")
_POLICY_FAILURES = ("B", "C")

_PAIR_COLUMNS = ("prompt", "chosen", "rejected")
_REFERENCE_COLUMNS = ("response", "chosen")


@dataclass(frozen=True)
class PreferencePair:
    """A (prompt, chosen, rejected) triple and where it came from.

    `mentor`: the safe response over the mentor's harmful one (type A and C probes).
    `policy`: the safe response over the policy's own harmful reply (type B and C probes).
    `general`: a helpful answer over an unhelpful one. `over_refusal`: a helpful answer
    over a refusal, for a benign prompt that looks harmful. `user`: a row of a user's file.
    """

    prompt: str
    chosen: str
    rejected: str
    source: PairSource


@dataclass(frozen=True)
class PromptItem:
    """A training prompt for the policy, with an optional reference response.

    The reference is what the supervised warm start imitates: the mentor's safe response
    for a finding, the helpful answer for a general or over-refusal prompt.
    """

    prompt: str
    source: PairSource
    reference: str | None = None


# --------------------------------------------------------------------------- findings


def _spec_key(probe: ProbeRecord) -> tuple[str, str, str, str]:
    return (probe.topic, probe.persona, probe.tactic, probe.goal)


def split_findings(
    probes: Sequence[ProbeRecord], heldout_fraction: float, seed: int
) -> tuple[list[ProbeRecord], list[ProbeRecord]]:
    """Split probes into (train, held out) by attack spec.

    All probes of one attack spec (topic, persona, tactic, goal) land on the same side, so a
    near-duplicate of a training prompt never measures the repair. The held-out side gets
    `round(heldout_fraction * specs)` specs, at least one when the fraction is above zero,
    and the training side keeps at least one spec. The split depends only on the set of
    specs and on `seed`, not on the order of `probes`; each side keeps the input order.

    Raises:
        ValueError: `heldout_fraction` is outside [0, 1).
    """
    if not 0.0 <= heldout_fraction < 1.0:
        raise ValueError(f"heldout_fraction must be in [0, 1), got {heldout_fraction}")

    # 1. Shuffle the sorted distinct specs with the seed, so the split is reproducible.
    specs = sorted({_spec_key(probe) for probe in probes})
    random.Random(seed).shuffle(specs)

    # 2. Hold out the first specs of the shuffled order.
    count = 0
    if heldout_fraction > 0.0 and len(specs) >= 2:
        count = min(max(round(heldout_fraction * len(specs)), 1), len(specs) - 1)
    heldout_specs = set(specs[:count])

    train = [probe for probe in probes if _spec_key(probe) not in heldout_specs]
    heldout = [probe for probe in probes if _spec_key(probe) in heldout_specs]
    return train, heldout


def finding_pairs(probes: Iterable[ProbeRecord]) -> list[PreferencePair]:
    """Return the preference pairs that repair the RM, without duplicates.

    Type A and C probes give (prompt, safe response, mentor's harmful response), source
    `mentor`. Type B and C probes give (prompt, safe response, policy's reply), source
    `policy`. Probes of other types give none, and so does a pair with an empty text.
    """
    pairs: list[PreferencePair] = []
    for probe in probes:
        if probe.failure_type in _RM_FAILURES:
            pairs.append(
                PreferencePair(probe.prompt, probe.safe_response, probe.harmful_response, "mentor")
            )
        if probe.failure_type in _POLICY_FAILURES:
            pairs.append(
                PreferencePair(probe.prompt, probe.safe_response, probe.policy_response, "policy")
            )
    return _unique([pair for pair in pairs if pair.prompt and pair.chosen and pair.rejected])


def finding_prompts(probes: Iterable[ProbeRecord]) -> list[PromptItem]:
    """Return the prompts of type B and C probes, each once, for policy repair.

    The reference is the mentor's safe response, and the source is `policy` because these
    are the prompts on which the policy failed. A repeated prompt keeps its first probe.
    """
    items: dict[str, PromptItem] = {}
    for probe in probes:
        if probe.failure_type in _POLICY_FAILURES and probe.prompt not in items:
            items[probe.prompt] = PromptItem(probe.prompt, "policy", probe.safe_response or None)
    return list(items.values())


def _unique(pairs: Iterable[PreferencePair]) -> list[PreferencePair]:
    return list(dict.fromkeys(pairs))


def draw(pool: Sequence[_T], count: int, rng: random.Random) -> list[_T]:
    """Draw `count` rows: without replacement up to the pool size, with replacement beyond it."""
    if count <= 0 or not pool:
        return []
    if count <= len(pool):
        return rng.sample(list(pool), count)
    return rng.sample(list(pool), len(pool)) + rng.choices(pool, k=count - len(pool))


@dataclass(frozen=True)
class PolicyMix:
    """The stage-2 training sets built from one round's training findings.

    `prompts` are GRPO's prompts, `warm_start` those of them with a reference response (what
    the supervised warm start imitates) and `dpo_pairs` DPO's preference pairs. DPO pairs
    are built only for `method: dpo`.
    """

    prompts: list[PromptItem]
    warm_start: list[PromptItem]
    dpo_pairs: list[PreferencePair]


def build_policy_mix(
    train_findings: Sequence[ProbeRecord],
    *,
    general: float,
    over_refusal: float,
    general_data: str | None,
    over_refusal_data: str | None,
    with_pairs: bool,
    seed: int,
) -> PolicyMix:
    """Return the stage-2 training sets: finding prompts mixed with helpful and benign prompts.

    With N finding prompts (type B and C), `round(general * N)` helpfulness prompts and
    `round(over_refusal * N)` benign prompts that look harmful join them, drawn from the
    given files (see `load_prompts`) or from the train split of the shipped sets. Each
    prompt keeps its reference: the mentor's safe response for a finding, the helpful answer
    for the others. With `with_pairs`, the DPO pairs are the safe response over the policy's
    own reply for each finding, mixed in the same ratios with pairs from the same sources
    (a user's file must then have `prompt, chosen, rejected`).
    """
    rng = random.Random(seed)
    findings = finding_prompts(train_findings)
    count = len(findings)
    prompts = (
        findings
        + draw(_prompt_pool("general", general_data), round(general * count), rng)
        + draw(_prompt_pool("over_refusal", over_refusal_data), round(over_refusal * count), rng)
    )
    rng.shuffle(prompts)

    pairs: list[PreferencePair] = []
    if with_pairs:
        own = [pair for pair in finding_pairs(train_findings) if pair.source == "policy"]
        pairs = (
            own
            + draw(_pair_pool("general", general_data), round(general * len(own)), rng)
            + draw(
                _pair_pool("over_refusal", over_refusal_data), round(over_refusal * len(own)), rng
            )
        )
        rng.shuffle(pairs)
    return PolicyMix(
        prompts=prompts,
        warm_start=[item for item in prompts if item.reference],
        dpo_pairs=pairs,
    )


def _prompt_pool(kind: ShippedKind, source: str | None) -> list[PromptItem]:
    if source is None:
        return shipped_prompts(kind, "train")
    return [replace(item, source=kind) for item in load_prompts(source)]


def _pair_pool(kind: ShippedKind, source: str | None) -> list[PreferencePair]:
    if source is None:
        return shipped_pairs(kind, "train")
    return [replace(pair, source=kind) for pair in load_pairs(source)]


# --------------------------------------------------------------------------- shipped sets


def shipped_pairs(kind: ShippedKind, split: ShippedSplit) -> list[PreferencePair]:
    """Return one split of a preference set shipped with ares.

    Args:
        kind: `general` (a helpful answer over an unhelpful, evasive, wrong or needlessly
            refusing one) or `over_refusal` (a helpful answer over a refusal, for a benign
            prompt that looks harmful).
        split: `train` or `eval`. No prompt appears in both splits.
    """
    return [
        PreferencePair(row["prompt"], row["chosen"], row["rejected"], kind)
        for row in _shipped_rows(kind)
        if row["split"] == split
    ]


def shipped_prompts(kind: ShippedKind, split: ShippedSplit) -> list[PromptItem]:
    """Return the distinct prompts of one split of a shipped set.

    Each prompt's reference is its helpful answer (the `chosen` text).
    """
    items: dict[str, PromptItem] = {}
    for pair in shipped_pairs(kind, split):
        items.setdefault(pair.prompt, PromptItem(pair.prompt, kind, pair.chosen))
    return list(items.values())


def _shipped_rows(kind: ShippedKind) -> list[dict[str, str]]:
    if kind not in SHIPPED_KINDS:
        raise ValueError(f"unknown shipped set {kind!r}; expected one of {SHIPPED_KINDS}")
    resource = resources.files("ares.repair").joinpath("data", f"{kind}.jsonl")
    with resources.as_file(resource) as path:
        rows = read_jsonl(path)
    for number, row in rows:
        for column in (*_PAIR_COLUMNS, "split"):
            _required_text(row, column, f"{path}, line {number}")
    return [row for _, row in rows]


# --------------------------------------------------------------------------- user data


def load_pairs(source: str) -> list[PreferencePair]:
    """Load preference pairs from a JSONL or CSV file, or from a Hugging Face dataset.

    Each row needs non-empty `prompt`, `chosen` and `rejected` texts; other columns are
    ignored. A text may also be a list of chat messages (TRL's conversational format):
    `prompt` then takes its last user message, `chosen` and `rejected` their last assistant
    message, and a missing `prompt` comes from the last user message of `chosen`.

    Args:
        source: A path to a `.jsonl` or `.csv` file, or a Hugging Face dataset as
            `hf:OWNER/NAME[:SPLIT]` (default split `train`). `OWNER/NAME[:SPLIT]` without the
            prefix names a dataset too when no such file exists. Loading a dataset needs the
            network or the local datasets cache.

    Raises:
        DataError: The file or dataset cannot be read, has no rows, or a row lacks a
            column or has an empty one. The message names the source, the row and the column.
    """
    pairs = [
        PreferencePair(
            _prompt_text(row, where),
            _response_text(row, "chosen", where),
            _response_text(row, "rejected", where),
            "user",
        )
        for where, row in _rows(source)
    ]
    return pairs


def load_prompts(source: str) -> list[PromptItem]:
    """Load training prompts from a JSONL or CSV file, or from a Hugging Face dataset.

    Each row needs a non-empty `prompt`. The reference response, when there is one, comes
    from the `response` column, else from `chosen`. Chat-message lists are read as in
    `load_pairs`. `source` is read as in `load_pairs`.

    Raises:
        DataError: As in `load_pairs`.
    """
    items: list[PromptItem] = []
    for where, row in _rows(source):
        reference_column = next((c for c in _REFERENCE_COLUMNS if c in row), None)
        reference = None
        if reference_column is not None:
            reference = _response_text(row, reference_column, where)
        items.append(PromptItem(_prompt_text(row, where), "user", reference))
    return items


def _rows(source: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (location, row) for every row of a file or a Hugging Face dataset."""
    table = read_table(source)
    for number, row in table.rows:
        yield table.location(number), row


# --------------------------------------------------------------------------- row checks


def _prompt_text(row: dict[str, Any], where: str) -> str:
    value = row.get("prompt")
    if value is None and _is_messages(row.get("chosen")):
        # Implicit prompt: the conversation in `chosen` carries it.
        return _last_message(row["chosen"], "user", "chosen", where)
    if _is_messages(value):
        return _last_message(value, "user", "prompt", where)
    return _required_text(row, "prompt", where)


def _response_text(row: dict[str, Any], column: str, where: str) -> str:
    value = row.get(column)
    if _is_messages(value):
        return _last_message(value, "assistant", column, where)
    return _required_text(row, column, where)


def _required_text(row: dict[str, Any], column: str, where: str) -> str:
    if column not in row or row[column] is None:
        raise DataError(f"{where}: column {column!r} is missing. Add it to every row")
    value = row[column]
    if not isinstance(value, str):
        raise DataError(
            f"{where}: column {column!r} must be a string, got {type(value).__name__} "
            f"({value!r:.60})"
        )
    if not value.strip():
        raise DataError(f"{where}: column {column!r} is empty. Fill it in or remove the row")
    return value


def _is_messages(value: Any) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(value, list) and all(isinstance(m, dict) for m in value)


def _last_message(messages: list[dict[str, Any]], role: str, column: str, where: str) -> str:
    for message in reversed(messages):
        if message.get("role") == role:
            return _required_text(message, "content", f"{where}, column {column!r}")
    raise DataError(
        f"{where}: column {column!r} is a message list without a {role!r} message. Add "
        f"one, or give {column!r} as plain text"
    )
