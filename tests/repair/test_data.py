"""Repair data: the findings split, finding pairs and prompts, file loaders and shipped sets."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import ares.repair
from ares.errors import DataError
from ares.repair import (
    PreferencePair,
    PromptItem,
    finding_pairs,
    finding_prompts,
    load_pairs,
    load_prompts,
    shipped_pairs,
    shipped_prompts,
    split_findings,
)
from ares.store import ProbeRecord


def _probe(failure_type: str = "C", *, topic: str = "t", persona: str = "p",
           tactic: str = "k", goal: str = "g", index: int = 0) -> ProbeRecord:
    return ProbeRecord(
        round=1, idx=index, seed=0, topic_category="c", topic=topic, persona=persona,
        tactic=tactic, goal=goal, prompt=f"prompt {index}", harmful_response=f"harmful {index}",
        safe_response=f"safe {index}", policy_response=f"policy {index}", judge_score=3,
        judge_raw="", rm_harmful=1.0, rm_safe=0.0, rm_policy=1.0, failure_type=failure_type,
        sampled_uniform=False, seconds_mentor=0.0, seconds_policy=0.0, seconds_judge=0.0,
        seconds_reward=0.0,
    )


def _spec(probe: ProbeRecord) -> tuple[str, str, str, str]:
    return (probe.topic, probe.persona, probe.tactic, probe.goal)


def _many_probes() -> list[ProbeRecord]:
    """60 specs, with two probes of each of the first 20 specs."""
    probes = []
    for spec in range(60):
        for repeat in range(2 if spec < 20 else 1):
            probes.append(_probe(topic=f"t{spec % 6}", persona=f"p{spec // 6}", goal=f"g{spec}",
                                 index=spec * 10 + repeat))
    return probes


# --------------------------------------------------------------------------- split


def test_split_keeps_each_spec_on_one_side() -> None:
    train, heldout = split_findings(_many_probes(), 0.25, seed=0)
    assert heldout
    assert {_spec(p) for p in train}.isdisjoint({_spec(p) for p in heldout})
    assert len(train) + len(heldout) == len(_many_probes())


def test_split_fraction_counts_specs() -> None:
    _, heldout = split_findings(_many_probes(), 0.25, seed=0)
    assert len({_spec(p) for p in heldout}) == 15


def test_split_deterministic_for_seed() -> None:
    probes = _many_probes()
    first = split_findings(probes, 0.2, seed=7)
    assert split_findings(probes, 0.2, seed=7) == first
    assert split_findings(list(reversed(probes)), 0.2, seed=7)[1] == list(reversed(first[1]))
    assert split_findings(probes, 0.2, seed=8)[1] != first[1]


def test_split_zero_fraction_holds_out_nothing() -> None:
    train, heldout = split_findings(_many_probes(), 0.0, seed=0)
    assert heldout == []
    assert len(train) == len(_many_probes())


def test_split_small_fraction_holds_out_one_spec() -> None:
    probes = [_probe(goal=f"g{i}", index=i) for i in range(3)]
    train, heldout = split_findings(probes, 0.01, seed=0)
    assert len(heldout) == 1
    assert len(train) == 2


def test_split_single_spec_stays_in_train() -> None:
    probes = [_probe(index=i) for i in range(4)]
    train, heldout = split_findings(probes, 0.5, seed=0)
    assert heldout == []
    assert train == probes


def test_split_rejects_fraction_of_one() -> None:
    with pytest.raises(ValueError, match="heldout_fraction"):
        split_findings(_many_probes(), 1.0, seed=0)


# --------------------------------------------------------------------------- finding pairs


def test_finding_pairs_by_failure_type() -> None:
    probes = [_probe(kind, index=i) for i, kind in enumerate(["A", "B", "C", "none", "unscored"])]
    pairs = finding_pairs(probes)
    assert pairs == [
        PreferencePair("prompt 0", "safe 0", "harmful 0", "mentor"),
        PreferencePair("prompt 1", "safe 1", "policy 1", "policy"),
        PreferencePair("prompt 2", "safe 2", "harmful 2", "mentor"),
        PreferencePair("prompt 2", "safe 2", "policy 2", "policy"),
    ]


def test_finding_pairs_skip_empty_policy_reply() -> None:
    probe = replace(_probe("C"), policy_response="")
    assert [pair.source for pair in finding_pairs([probe])] == ["mentor"]


def test_finding_pairs_drop_duplicates() -> None:
    assert len(finding_pairs([_probe("A"), _probe("A")])) == 1


def test_finding_prompts_for_b_and_c() -> None:
    probes = [_probe(kind, index=i) for i, kind in enumerate(["A", "B", "C", "none"])]
    assert finding_prompts(probes) == [
        PromptItem("prompt 1", "policy", "safe 1"),
        PromptItem("prompt 2", "policy", "safe 2"),
    ]


def test_finding_prompts_once_per_prompt() -> None:
    probes = [_probe("B", index=1), replace(_probe("C", index=1), safe_response="other")]
    assert finding_prompts(probes) == [PromptItem("prompt 1", "policy", "safe 1")]


# --------------------------------------------------------------------------- loaders


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", "utf-8")
    return path


def test_load_pairs_jsonl(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "pairs.jsonl", [
        {"prompt": "q1", "chosen": "good", "rejected": "bad", "extra": 1},
        {"prompt": "q2", "chosen": "fine", "rejected": "worse"},
    ])
    assert load_pairs(str(path)) == [
        PreferencePair("q1", "good", "bad", "user"),
        PreferencePair("q2", "fine", "worse", "user"),
    ]


def test_load_pairs_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text('\n{"prompt": "q", "chosen": "a", "rejected": "b"}\n\n', "utf-8")
    assert len(load_pairs(str(path))) == 1


def test_load_pairs_csv(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        'prompt,chosen,rejected\nq1,"good, with a comma","bad\nover two lines"\nq2,fine,worse\n',
        "utf-8",
    )
    assert load_pairs(str(path)) == [
        PreferencePair("q1", "good, with a comma", "bad\nover two lines", "user"),
        PreferencePair("q2", "fine", "worse", "user"),
    ]


def test_load_pairs_keeps_unicode_line_separators(tmp_path: Path) -> None:
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text(
        json.dumps({"prompt": "a\u2028b", "chosen": "c", "rejected": "d"}, ensure_ascii=False)
        + "\r\n", "utf-8",
    )
    csv_file = tmp_path / "pairs.csv"
    with csv_file.open("w", encoding="utf-8", newline="") as handle:
        handle.write('prompt,chosen,rejected\r\na\u2028b,"c\r\nd",e\r\n')
    assert load_pairs(str(jsonl)) == [PreferencePair("a\u2028b", "c", "d", "user")]
    assert load_pairs(str(csv_file)) == [PreferencePair("a\u2028b", "c\r\nd", "e", "user")]


def test_load_pairs_conversational_jsonl(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "chat.jsonl", [
        {"chosen": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}],
         "rejected": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "b"}]},
        {"prompt": [{"role": "user", "content": "r"}],
         "chosen": [{"role": "assistant", "content": "c"}],
         "rejected": [{"role": "assistant", "content": "d"}]},
    ])
    assert load_pairs(str(path)) == [
        PreferencePair("q", "a", "b", "user"),
        PreferencePair("r", "c", "d", "user"),
    ]


def test_load_prompts_jsonl_and_csv(tmp_path: Path) -> None:
    jsonl = _write_jsonl(tmp_path / "prompts.jsonl", [
        {"prompt": "q1", "response": "r1", "chosen": "ignored"},
        {"prompt": "q2"},
    ])
    csv_file = tmp_path / "prompts.csv"
    csv_file.write_text("prompt,chosen\nq3,c3\n", "utf-8")
    assert load_prompts(str(jsonl)) == [
        PromptItem("q1", "user", "r1"),
        PromptItem("q2", "user", None),
    ]
    assert load_prompts(str(csv_file)) == [PromptItem("q3", "user", "c3")]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"prompt": "q", "chosen": "a", "rejected": "b"}', "{not json"],
         r"line 2: invalid JSON"),
        (['["q", "a", "b"]'], r"line 1: expected a JSON object, got list"),
        (['{"prompt": "q", "chosen": "a"}'], r"line 1: column 'rejected' is missing"),
        (['{"prompt": "q", "chosen": null, "rejected": "b"}'],
         r"line 1: column 'chosen' is missing"),
        (['{"prompt": "q", "chosen": "a", "rejected": "   "}'],
         r"line 1: column 'rejected' is empty"),
        (['', '{"prompt": 3, "chosen": "a", "rejected": "b"}'],
         r"line 2: column 'prompt' must be a string, got int"),
        (['{"prompt": [{"role": "assistant", "content": "x"}], "chosen": "a", "rejected": "b"}'],
         r"line 1: column 'prompt' is a message list without a 'user' message"),
        (['{"prompt": "q", "chosen": [{"role": "assistant", "content": ""}], "rejected": "b"}'],
         r"line 1, column 'chosen': column 'content' is empty"),
    ],
)
def test_load_pairs_jsonl_errors_name_line_and_column(
    tmp_path: Path, lines: list[str], message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataError, match=message) as caught:
        load_pairs(str(path))
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("prompt,chosen\nq,a\n", r"row 2: column 'rejected' is missing"),
        ("prompt,chosen,rejected\nq,a,b\nq2,a2\n", r"row 3: column 'rejected' is missing"),
        ("prompt,chosen,rejected\nq,a,b\nq2,,b2\n", r"row 3: column 'chosen' is empty"),
        ("", r"is empty. The first row must name the columns"),
    ],
)
def test_load_pairs_csv_errors_name_row_and_column(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError, match=message) as caught:
        load_pairs(str(path))
    assert str(path) in str(caught.value)


def test_load_prompts_empty_reference_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "prompts.csv"
    path.write_text("prompt,response\nq1,r1\nq2,\n", "utf-8")
    with pytest.raises(DataError, match=r"row 3: column 'response' is empty"):
        load_prompts(str(path))


def test_load_pairs_header_only_file_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("prompt,chosen,rejected\n", "utf-8")
    with pytest.raises(DataError, match="has no data rows"):
        load_pairs(str(path))


def test_load_pairs_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "pairs.txt"
    path.write_text("prompt\n", "utf-8")
    with pytest.raises(DataError, match=r"suffix '\.txt'"):
        load_pairs(str(path))


def test_load_pairs_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        load_pairs(str(tmp_path / "absent.jsonl"))


def test_load_pairs_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataError, match="UTF-8"):
        load_pairs(str(path))


def test_load_pairs_hub_failure_is_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import datasets

    requested: list[tuple[str, str]] = []

    def unreachable(name: str, split: str) -> None:
        requested.append((name, split))
        raise ConnectionError(f"Couldn't reach '{name}' on the Hub (LocalEntryNotFoundError)")

    # No request leaves the machine: the loader is replaced.
    monkeypatch.setattr(datasets, "load_dataset", unreachable)
    with pytest.raises(DataError, match="local CSV or JSONL file") as caught:
        load_pairs("someone/preferences:test")
    assert "'someone/preferences' (split 'test')" in str(caught.value)
    assert requested == [("someone/preferences", "test")]


def test_load_pairs_hub_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    import datasets

    rows = [{"prompt": "q", "chosen": "a", "rejected": "b"}, {"prompt": "q2", "chosen": "a"}]
    monkeypatch.setattr(datasets, "load_dataset", lambda name, split: rows)
    with pytest.raises(DataError, match=r"someone/prefs, row 2: column 'rejected' is missing"):
        load_pairs("someone/prefs")
    rows.pop()
    assert load_pairs("someone/prefs") == [PreferencePair("q", "a", "b", "user")]


# --------------------------------------------------------------------------- shipped sets


@pytest.mark.parametrize("kind", ["general", "over_refusal"])
def test_shipped_set_has_both_splits(kind: str) -> None:
    train = shipped_pairs(kind, "train")  # type: ignore[arg-type]
    evaluation = shipped_pairs(kind, "eval")  # type: ignore[arg-type]
    assert len(train) > 150
    assert len(evaluation) > 40
    assert 0.15 < len(evaluation) / (len(train) + len(evaluation)) < 0.3
    assert {pair.source for pair in train + evaluation} == {kind}


@pytest.mark.parametrize("kind", ["general", "over_refusal"])
def test_shipped_splits_share_no_prompt(kind: str) -> None:
    train = {pair.prompt for pair in shipped_pairs(kind, "train")}  # type: ignore[arg-type]
    evaluation = {pair.prompt for pair in shipped_pairs(kind, "eval")}  # type: ignore[arg-type]
    assert train.isdisjoint(evaluation)


@pytest.mark.parametrize("kind", ["general", "over_refusal"])
def test_shipped_set_has_no_duplicate_rows(kind: str) -> None:
    pairs = shipped_pairs(kind, "train") + shipped_pairs(kind, "eval")  # type: ignore[arg-type]
    assert len(set(pairs)) == len(pairs)
    assert all(pair.chosen != pair.rejected for pair in pairs)


def test_shipped_sets_share_no_prompt() -> None:
    general = shipped_pairs("general", "train") + shipped_pairs("general", "eval")
    over = shipped_pairs("over_refusal", "train") + shipped_pairs("over_refusal", "eval")
    assert {p.prompt for p in general}.isdisjoint({p.prompt for p in over})


def test_shipped_prompts_distinct_with_reference() -> None:
    items = shipped_prompts("over_refusal", "train")
    assert len({item.prompt for item in items}) == len(items)
    assert all(item.reference and item.source == "over_refusal" for item in items)
    pairs = shipped_pairs("over_refusal", "train")
    assert {item.prompt for item in items} == {pair.prompt for pair in pairs}


def test_shipped_rows_have_split_and_category() -> None:
    path = Path(ares.repair.__file__).parent / "data" / "general.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert {row["split"] for row in rows} == {"train", "eval"}
    categories = Counter(row["category"] for row in rows if row["split"] == "eval")
    # Stratified: every domain has eval rows.
    assert set(categories) == {row["category"] for row in rows}
