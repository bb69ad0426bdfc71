"""Offline capability check: short questions with known answers, to see that a repair keeps
the policy useful.

The shipped set (`ares/evaluation/data/capability.jsonl`) has 40 questions on geography,
arithmetic, science, everyday facts, language and units, easy enough that a
135M-parameter instruction model such as SmolLM2-135M-Instruct answers many of them.
A reply counts as correct when it contains an accepted answer as a whole word.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ares._tables import read_jsonl
from ares.errors import DataError

logger = logging.getLogger(__name__)

_UNCATEGORISED = "uncategorised"
# Markdown emphasis and code marks, which a reply may wrap around its answer.
_MARKUP = re.compile(r"[*_`]+")


@dataclass(frozen=True)
class CapabilityItem:
    """A question and the answers that count as correct.

    Attributes:
        id: Key of the item, unique within its set.
        prompt: The question sent to the policy.
        answers: Accepted answers, matched as whole words without regard to case.
        category: Topic of the question, such as `"arithmetic"`.
    """

    id: str
    prompt: str
    answers: tuple[str, ...]
    category: str


def load_capability_set(source: str | Path | None = None) -> list[CapabilityItem]:
    """Load capability questions from a JSONL file, or the set shipped with ares.

    Each line is an object with a non-empty `id`, `prompt` and `answers` (a list of accepted
    answer strings) and an optional `category`, for example
    `{"id": "cap-01", "prompt": "What is 7 plus 5?", "answers": ["12", "twelve"],
    "category": "arithmetic"}`. Other keys are ignored.

    Args:
        source: Path of a JSONL file, or None for the shipped set.

    Raises:
        DataError: The file is not found or cannot be read, has no rows, repeats an id, or a
            row lacks a key or has an invalid one. The message names the file, the row and
            the key.
    """
    if source is None:
        resource = resources.files("ares.evaluation").joinpath("data", "capability.jsonl")
        with resources.as_file(resource) as path:
            return _load(path)
    path = Path(source).expanduser()
    if not path.is_file():
        raise DataError(f"capability set {path} not found or not a file. Check the path")
    return _load(path)


def answer_matches(reply: str, answers: Sequence[str]) -> bool:
    """Check whether `reply` contains one of `answers` as a whole word or number.

    Matching ignores case, Markdown emphasis (`**Paris**`) and runs of whitespace.
    Punctuation may follow the answer, but a letter or digit may not touch it, so "12"
    matches "12." but not "112", "12th" or "12.5".
    """
    text = _normalise(reply)
    return any(_answer_pattern(answer).search(text) for answer in answers if answer.strip())


def _normalise(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text.lower()).split())


def _answer_pattern(answer: str) -> re.Pattern[str]:
    # The lookarounds stop a match inside a longer word or number, and also after or
    # before a decimal point or thousands separator ("0.12", "12,5").
    return re.compile(rf"(?<!\w)(?<!\d[.,]){re.escape(_normalise(answer))}(?!\w)(?![.,]\d)")


def _load(path: Path) -> list[CapabilityItem]:
    items: list[CapabilityItem] = []
    rows_by_id: dict[str, int] = {}
    for number, row in read_jsonl(path):
        where = f"{path}, line {number}"
        item = CapabilityItem(
            id=_required_text(row, "id", where),
            prompt=_required_text(row, "prompt", where),
            answers=_answers(row, where),
            category=_optional_text(row, "category", where) or _UNCATEGORISED,
        )
        if item.id in rows_by_id:
            raise DataError(
                f"{where}, key 'id': id {item.id!r} repeats line {rows_by_id[item.id]}. Give "
                "each question its own id"
            )
        rows_by_id[item.id] = number
        items.append(item)
    if not items:
        raise DataError(f"capability set {path} has no rows. Add at least one question")
    logger.debug("loaded %d capability questions from %s", len(items), path)
    return items


def _required_text(row: dict[str, Any], key: str, where: str) -> str:
    if key not in row:
        raise DataError(f"{where}: key {key!r} is missing. Add it to every row")
    text = _optional_text(row, key, where)
    if not text:
        raise DataError(f"{where}, key {key!r}: the value is empty. Fill it in")
    return text


def _optional_text(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(
            f"{where}, key {key!r}: expected a string, got {type(value).__name__} ({value!r:.60})"
        )
    return value.strip()


def _answers(row: dict[str, Any], where: str) -> tuple[str, ...]:
    if "answers" not in row:
        raise DataError(f"{where}: key 'answers' is missing. Add a list of accepted answers")
    value = row["answers"]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(answer, str) and answer.strip() for answer in value)
    ):
        raise DataError(
            f"{where}, key 'answers': expected a non-empty list of non-empty strings, got "
            f"{value!r:.80}"
        )
    return tuple(answer.strip() for answer in value)
