"""Capability check: the shipped question set, user sets and answer matching."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ares.errors import DataError
from ares.evaluation import CapabilityItem, answer_matches, load_capability_set


def _write_rows(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- shipped set


def test_shipped_set_has_40_items() -> None:
    items = load_capability_set()

    assert len(items) == 40
    assert all(isinstance(item, CapabilityItem) for item in items)


def test_shipped_ids_unique() -> None:
    ids = [item.id for item in load_capability_set()]

    assert len(set(ids)) == len(ids)
    assert ids == [f"cap-{n:02d}" for n in range(1, 41)]


def test_shipped_categories() -> None:
    counts = Counter(item.category for item in load_capability_set())

    assert set(counts) == {"geography", "arithmetic", "science", "everyday", "language", "units"}
    assert min(counts.values()) >= 4


def test_shipped_prompts_do_not_contain_answers() -> None:
    # A reply that only repeats the question must not count as correct.
    for item in load_capability_set():
        assert item.answers
        assert not answer_matches(item.prompt, item.answers), item.id


def test_shipped_answers_match_themselves() -> None:
    for item in load_capability_set():
        for answer in item.answers:
            assert answer_matches(f"The answer is {answer}.", item.answers), item.id


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("reply", "answers", "expected"),
    [
        ("Paris", ["Paris"], True),
        ("The capital of France is paris.", ["Paris"], True),
        ("The capital of France is **Paris**!", ["Paris"], True),
        ("It is __Paris__", ["Paris"], True),
        ("`12`", ["12"], True),
        ("7 plus 5 is 12.", ["12", "twelve"], True),
        ("7 plus 5 equals Twelve", ["12", "twelve"], True),
        ("The answer is 112.", ["12", "twelve"], False),
        ("The answer is 12.5", ["12"], False),
        ("It is 0.12 exactly", ["12"], False),
        ("The 12th of May", ["12"], False),
        ("Parisian food", ["Paris"], False),
        ("carbon\n dioxide", ["carbon dioxide"], True),
        ("It is CO2 (carbon dioxide).", ["carbon dioxide", "CO2"], True),
        ("There are 1,000 grams.", ["1000", "1,000"], True),
        ("twenty-four hours", ["24", "twenty-four"], True),
        ("I don't know.", ["Paris"], False),
        ("", ["Paris"], False),
        ("Paris", [], False),
        ("Paris", ["  "], False),
    ],
)
def test_answer_matches(reply: str, answers: list[str], expected: bool) -> None:
    assert answer_matches(reply, answers) is expected


# --------------------------------------------------------------------------- user sets


def test_user_set_loads(tmp_path: Path) -> None:
    path = _write_rows(
        tmp_path / "mine.jsonl",
        [
            {"id": "a", "prompt": "Q one", "answers": ["one"], "category": "c"},
            {"id": "b", "prompt": "Q two", "answers": [" two ", "2"], "extra": 1},
        ],
    )

    items = load_capability_set(path)

    assert items == [
        CapabilityItem("a", "Q one", ("one",), "c"),
        CapabilityItem("b", "Q two", ("two", "2"), "uncategorised"),
    ]
    assert load_capability_set(str(path)) == items


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"prompt": "Q", "answers": ["a"]}, "line 2: key 'id' is missing"),
        ({"id": "x", "answers": ["a"]}, "line 2: key 'prompt' is missing"),
        ({"id": "x", "prompt": " ", "answers": ["a"]}, "line 2, key 'prompt': the value is empty"),
        ({"id": "x", "prompt": "Q"}, "line 2: key 'answers' is missing"),
        ({"id": "x", "prompt": "Q", "answers": []}, "line 2, key 'answers': expected a non-empty"),
        ({"id": "x", "prompt": "Q", "answers": "a"}, "line 2, key 'answers': expected a non-empty"),
        ({"id": "x", "prompt": "Q", "answers": ["a", ""]}, "line 2, key 'answers'"),
        ({"id": 3, "prompt": "Q", "answers": ["a"]}, "line 2, key 'id': expected a string"),
        ({"id": "ok", "prompt": "Q", "answers": ["a"]}, "line 2, key 'id': id 'ok' repeats line 1"),
    ],
)
def test_user_set_invalid_row(tmp_path: Path, row: dict[str, Any], expected: str) -> None:
    path = _write_rows(tmp_path / "bad.jsonl", [{"id": "ok", "prompt": "Q", "answers": ["a"]}, row])

    with pytest.raises(DataError) as raised:
        load_capability_set(path)

    assert f"{path}, {expected}" in str(raised.value)


def test_user_set_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a"\n', encoding="utf-8")

    with pytest.raises(DataError, match="line 1: invalid JSON"):
        load_capability_set(path)


def test_user_set_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")

    with pytest.raises(DataError, match="has no rows"):
        load_capability_set(path)


def test_user_set_not_found(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        load_capability_set(tmp_path / "missing.jsonl")
