"""Benchmark loaders: the published files, generic and hub sources, limits and bad input.

The published files are read from the shared data folder (see conftest). Tests check
counts, categories, labels and ids, and never quote prompt texts.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import ares.evaluation
from ares.errors import ConfigError, DataError
from ares.evaluation import (
    BENCHMARK_KINDS,
    Benchmark,
    BenchmarkItem,
    limit_items,
    load_benchmark,
    parse_benchmark_spec,
)
from tests.evaluation.conftest import shared_data_file

JBB_HEADER = ",Index,Goal,Target,Behavior,Category,Source"


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _write_jbb(path: Path, rows: int = 4) -> Path:
    lines = [JBB_HEADER]
    for index in range(rows):
        category = "Category A" if index % 2 else "Category B"
        lines.append(
            f'{index},{index + 1},"Placeholder goal {index}",Sure,behavior {index},'
            f"{category},Original"
        )
    return _write(path, "\n".join(lines) + "\n")


def _labels(benchmark: Benchmark) -> Counter[bool]:
    return Counter(item.harmful for item in benchmark.items)


# --------------------------------------------------------------------------- public API


def test_all_is_sorted_and_resolves() -> None:
    exported = list(ares.evaluation.__all__)
    # ruff's RUF022 order: constants (all upper case) first, then the rest, each sorted.
    assert exported == sorted(exported, key=lambda name: (not name.isupper(), name))
    for name in exported:
        assert hasattr(ares.evaluation, name), name


def test_import_loads_no_model_libraries() -> None:
    code = (
        "import sys, ares.evaluation; "
        "print(sorted({'torch', 'transformers', 'datasets'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- published files


def test_harmbench_counts_and_categories() -> None:
    path = shared_data_file("harmbench", "harmbench_behaviors_text_val.csv")
    rows = _csv_rows(path)

    benchmark = load_benchmark("harmbench", path)

    assert benchmark.kind == "harmbench"
    assert benchmark.name == "harmbench"
    assert benchmark.source == str(path)
    assert len(benchmark.items) == 80
    assert all(item.harmful for item in benchmark.items)
    assert [item.id for item in benchmark.items] == [row["BehaviorID"] for row in rows]
    assert Counter(item.category for item in benchmark.items) == Counter(
        row["SemanticCategory"] for row in rows
    )
    assert len({item.category for item in benchmark.items}) == 7


def test_harmbench_contextual_prompts_include_context() -> None:
    path = shared_data_file("harmbench", "harmbench_behaviors_text_val.csv")
    rows = _csv_rows(path)

    items = load_benchmark("harmbench", path).items

    contextual = [i for i, row in enumerate(rows) if row["ContextString"].strip()]
    assert len(contextual) == 19
    for index in contextual:
        context, behavior = rows[index]["ContextString"], rows[index]["Behavior"]
        assert items[index].prompt == f"{context}\n\n---\n\n{behavior}"
    for index in set(range(len(rows))) - set(contextual):
        assert items[index].prompt == rows[index]["Behavior"]


def test_harmbench_keeps_line_breaks_in_contexts() -> None:
    path = shared_data_file("harmbench", "harmbench_behaviors_text_val.csv")

    items = load_benchmark("harmbench", path).items

    # Multi-line contexts prove that quoted line breaks were not split into rows.
    assert sum("\n" in item.prompt.split("\n\n---\n\n")[0] for item in items) > 0


def test_strongreject_counts_and_categories() -> None:
    path = shared_data_file("strongreject", "strongreject_small_dataset.csv")

    benchmark = load_benchmark("strongreject", path)

    assert benchmark.kind == "strongreject"
    assert len(benchmark.items) == 50
    assert all(item.harmful for item in benchmark.items)
    assert Counter(item.category for item in benchmark.items) == {
        "Illegal goods and services": 10,
        "Hate/harassment/discrimination": 10,
        "non-violent crimes": 10,
        "Disinformation and Deception": 10,
        "Violence": 5,
        "Sexual content": 5,
    }
    assert [item.id for item in benchmark.items] == [str(n) for n in range(1, 51)]


def test_advbench_counts() -> None:
    path = shared_data_file("advbench", "harmful_behaviors.csv")

    benchmark = load_benchmark("advbench", path)

    assert benchmark.kind == "advbench"
    assert len(benchmark.items) == 520
    assert all(item.harmful for item in benchmark.items)
    assert {item.category for item in benchmark.items} == {"uncategorised"}
    assert benchmark.items[-1].id == "520"


def test_xstest_labels_and_types() -> None:
    path = shared_data_file("xstest", "xstest_prompts.csv")
    rows = _csv_rows(path)

    benchmark = load_benchmark("xstest", path)

    assert benchmark.kind == "xstest"
    assert len(benchmark.items) == 450
    assert _labels(benchmark) == {False: 250, True: 200}
    assert [item.id for item in benchmark.items] == [row["id"] for row in rows]
    assert len({item.category for item in benchmark.items}) == 18
    for item in benchmark.items:
        assert item.harmful == item.category.startswith("contrast_"), item.id


def test_xstest_v2_matches_current_labels() -> None:
    current = shared_data_file("xstest", "xstest_prompts.csv")
    older = shared_data_file("xstest", "xstest_v2_prompts.csv")

    benchmark = load_benchmark("xstest-v2", older)

    assert benchmark.kind == "xstest"
    assert len(benchmark.items) == 450
    assert _labels(benchmark) == {False: 250, True: 200}
    assert all(item.id.startswith("v2-") for item in benchmark.items)
    # Both files hold the same prompts, so each prompt must get the same label from both.
    labels = {item.prompt: item.harmful for item in load_benchmark("xstest", current).items}
    assert {item.prompt: item.harmful for item in benchmark.items} == labels


@pytest.mark.parametrize(
    ("folder", "name", "kind"),
    [
        ("harmbench", "harmbench_behaviors_text_val.csv", "harmbench"),
        ("strongreject", "strongreject_small_dataset.csv", "strongreject"),
        ("advbench", "harmful_behaviors.csv", "advbench"),
        ("xstest", "xstest_prompts.csv", "xstest"),
        ("xstest", "xstest_v2_prompts.csv", "xstest"),
    ],
)
def test_explicit_kind_matches_detection(folder: str, name: str, kind: str) -> None:
    path = shared_data_file(folder, name)

    assert load_benchmark(folder, path, kind=kind) == load_benchmark(folder, path)


# --------------------------------------------------------------------------- JailbreakBench


def test_jailbreakbench_harmful_file(tmp_path: Path) -> None:
    path = _write_jbb(tmp_path / "harmful-behaviors.csv")

    benchmark = load_benchmark("jbb", path)

    assert benchmark.kind == "jailbreakbench"
    assert [item.id for item in benchmark.items] == ["1", "2", "3", "4"]
    assert benchmark.items[0].prompt == "Placeholder goal 0"
    assert [item.category for item in benchmark.items] == ["Category B", "Category A"] * 2
    assert all(item.harmful for item in benchmark.items)


def test_jailbreakbench_benign_by_file_name(tmp_path: Path) -> None:
    path = _write_jbb(tmp_path / "benign-behaviors.csv")

    benchmark = load_benchmark("jbb-benign", path)

    assert benchmark.kind == "jailbreakbench"
    assert not any(item.harmful for item in benchmark.items)


def test_jailbreakbench_benign_by_kind(tmp_path: Path) -> None:
    path = _write_jbb(tmp_path / "behaviors.csv")

    benchmark = load_benchmark("jbb", path, kind="jailbreakbench-benign")

    assert benchmark.kind == "jailbreakbench"
    assert not any(item.harmful for item in benchmark.items)
    assert all(item.harmful for item in load_benchmark("jbb", path).items)


# --------------------------------------------------------------------------- generic files


def test_generic_csv_with_mapping(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mine.csv",
        "key,question,topic,is_harmful\n"
        "q1,Question one,alpha,yes\n"
        "q2,Question two,beta,No\n"
        "q3,Question three,,SAFE\n"
        "q4,Question four,alpha,unsafe\n",
    )
    columns = {"prompt": "question", "category": "topic", "harmful": "is_harmful", "id": "key"}

    benchmark = load_benchmark("mine", path, columns=columns)

    assert benchmark.kind == "generic"
    assert [item.id for item in benchmark.items] == ["q1", "q2", "q3", "q4"]
    assert benchmark.items[1].prompt == "Question two"
    categories = [item.category for item in benchmark.items]
    assert categories == ["alpha", "beta", "uncategorised", "alpha"]
    assert [item.harmful for item in benchmark.items] == [True, False, False, True]


def test_generic_jsonl_with_mapping(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        {"text": "First", "label": True},
        {"text": "Second", "label": 0},
        {"text": "Third", "label": "harmful"},
        {"text": "Fourth", "label": "benign"},
        {"text": "Fifth", "label": "TRUE"},
    ]
    path = _write(tmp_path / "mine.jsonl", "".join(json.dumps(row) + "\n" for row in rows))

    benchmark = load_benchmark("mine", path, columns={"prompt": "text", "harmful": "label"})

    assert benchmark.kind == "generic"
    assert [item.harmful for item in benchmark.items] == [True, False, True, False, True]
    assert [item.id for item in benchmark.items] == ["1", "2", "3", "4", "5"]
    assert {item.category for item in benchmark.items} == {"uncategorised"}


def test_generic_without_harmful_column_is_harmful(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.csv", "question\nOne\nTwo\n")

    benchmark = load_benchmark("mine", path, kind="generic", columns={"prompt": "question"})

    assert [item.harmful for item in benchmark.items] == [True, True]


def test_jsonl_detects_known_format(tmp_path: Path) -> None:
    rows = [
        {"id": 7, "prompt": "Placeholder", "type": "homonyms", "label": "safe"},
        {"id": 8, "prompt": "Placeholder", "type": "contrast_homonyms", "label": "unsafe"},
    ]
    path = _write(tmp_path / "x.jsonl", "\n".join(json.dumps(row) for row in rows) + "\n\n")

    benchmark = load_benchmark("x", path)

    assert benchmark.kind == "xstest"
    assert [(item.id, item.harmful) for item in benchmark.items] == [("7", False), ("8", True)]


def test_repeated_ids_get_suffixes(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.csv", "id,question\na,One\nb,Two\na,Three\na,Four\n")

    benchmark = load_benchmark("mine", path, columns={"prompt": "question", "id": "id"})

    assert [item.id for item in benchmark.items] == ["a", "b", "a#2", "a#3"]


# --------------------------------------------------------------------------- Hugging Face


def _fake_datasets(monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, Any]] | None) -> list[Any]:
    """Install a stand-in `datasets` module and return the list its calls are logged to."""
    calls: list[Any] = []

    class DatasetsError(Exception):
        pass

    def load_dataset(name: str, split: str) -> list[dict[str, Any]]:
        calls.append((name, split))
        if rows is None:
            raise ConnectionError("no network")
        return rows

    module = types.ModuleType("datasets")
    module.load_dataset = load_dataset  # type: ignore[attr-defined]
    module.exceptions = types.SimpleNamespace(DatasetsError=DatasetsError)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "datasets", module)
    return calls


def test_hub_dataset_with_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fake_datasets(monkeypatch, [{"q": "One", "t": "x"}, {"q": "Two", "t": "y"}])

    benchmark = load_benchmark(
        "hub", "hf:owner/name:test", columns={"prompt": "q", "category": "t"}
    )

    assert calls == [("owner/name", "test")]
    assert benchmark.kind == "hf"
    assert benchmark.source == "hf:owner/name:test"
    assert [item.category for item in benchmark.items] == ["x", "y"]


def test_hub_dataset_detects_format(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"goal": "Placeholder", "target": "Sure"}] * 3
    calls = _fake_datasets(monkeypatch, rows)

    benchmark = load_benchmark("hub", "owner/advbench-copy")

    assert calls == [("owner/advbench-copy", "train")]
    assert benchmark.kind == "advbench"
    assert [item.id for item in benchmark.items] == ["1", "2", "3"]


def test_hub_kind_forces_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _fake_datasets(monkeypatch, [{"prompt": "One"}])

    benchmark = load_benchmark("hub", "plain-name", kind="hf", columns={"prompt": "prompt"})

    assert calls == [("plain-name", "train")]
    assert benchmark.kind == "hf"


def test_hub_offline_names_local_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_datasets(monkeypatch, None)

    with pytest.raises(DataError) as raised:
        load_benchmark("hub", "hf:owner/name", columns={"prompt": "q"})

    message = str(raised.value)
    assert "could not load the Hugging Face dataset 'owner/name'" in message
    assert "local CSV or JSONL file" in message


# --------------------------------------------------------------------------- limit


def test_limit_keeps_categories_and_labels() -> None:
    path = shared_data_file("xstest", "xstest_prompts.csv")
    full = load_benchmark("xstest", path)

    limited = load_benchmark("xstest", path, limit=40, seed=3)

    assert len(limited.items) == 40
    assert {item.category for item in limited.items} == {item.category for item in full.items}
    assert set(_labels(limited)) == {False, True}


def test_limit_keeps_file_order() -> None:
    path = shared_data_file("xstest", "xstest_prompts.csv")
    position = {item.id: index for index, item in enumerate(load_benchmark("x", path).items)}

    limited = load_benchmark("xstest", path, limit=25)

    indices = [position[item.id] for item in limited.items]
    assert indices == sorted(indices)


def test_limit_below_group_count_keeps_both_labels() -> None:
    path = shared_data_file("xstest", "xstest_prompts.csv")

    limited = load_benchmark("xstest", path, limit=2)

    assert _labels(limited) == {False: 1, True: 1}


def test_limit_deterministic_for_seed() -> None:
    path = shared_data_file("xstest", "xstest_prompts.csv")

    first = load_benchmark("xstest", path, limit=30, seed=1)

    assert load_benchmark("xstest", path, limit=30, seed=1) == first
    assert load_benchmark("xstest", path, limit=30, seed=2).items != first.items


def test_limit_above_size_keeps_all() -> None:
    items = [BenchmarkItem(str(n), f"p{n}", "c", True) for n in range(5)]

    assert limit_items(items, 10) == items
    assert limit_items(items, 5) == items


def test_limit_items_round_robin_counts() -> None:
    items = [BenchmarkItem(f"a{n}", "p", "a", True) for n in range(10)]
    items += [BenchmarkItem(f"b{n}", "p", "b", True) for n in range(2)]
    items += [BenchmarkItem(f"c{n}", "p", "c", False) for n in range(10)]

    chosen = limit_items(items, 9, seed=0)

    # Turns: (c, a, b), (c, a, b), then (c, a) once "b" runs out, then c: 9 items.
    assert Counter(item.category for item in chosen) == {"a": 3, "b": 2, "c": 4}


# --------------------------------------------------------------------------- specs


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("harmbench=data/hb.csv", ("harmbench", "data/hb.csv")),
        ("data/harmbench_val.csv", ("harmbench_val", "data/harmbench_val.csv")),
        ("xs = data/x.csv", ("xs", "data/x.csv")),
        ("runs/a=b.csv", ("a=b", "runs/a=b.csv")),
        ("hf:owner/name:test", ("name", "hf:owner/name:test")),
        ("mine=hf:owner/name", ("mine", "hf:owner/name")),
    ],
)
def test_parse_benchmark_spec(spec: str, expected: tuple[str, str]) -> None:
    assert parse_benchmark_spec(spec) == expected


@pytest.mark.parametrize("spec", ["", "  ", "=data/x.csv", "name=", "bad name=x.csv"])
def test_parse_benchmark_spec_invalid(spec: str) -> None:
    with pytest.raises(DataError) as raised:
        parse_benchmark_spec(spec)

    assert repr(spec) in str(raised.value)
    assert "NAME=PATH" in str(raised.value)


# --------------------------------------------------------------------------- invalid files


def _error(source: Path | str, **kwargs: Any) -> str:
    with pytest.raises(DataError) as raised:
        load_benchmark("bad", source, **kwargs)
    return str(raised.value)


def test_missing_required_column_names_header(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "hb.csv", "Behavior,SemanticCategory,ContextString\nPlaceholder,illegal,\n"
    )

    message = _error(path, kind="harmbench")

    assert str(path) in message
    assert "column 'BehaviorID' is missing" in message
    assert "'Behavior', 'SemanticCategory', 'ContextString'" in message


def test_missing_mapped_column_names_header(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.csv", "question,topic\nOne,a\n")

    message = _error(path, columns={"prompt": "question", "harmful": "is_harmful"})

    assert str(path) in message
    assert "column 'is_harmful' is missing" in message
    assert "'question', 'topic'" in message


def test_empty_prompt_names_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "adv.csv", "goal,target\nPlaceholder,Sure\n  ,Sure\n")

    message = _error(path)

    assert f"{path}, row 3, column 'goal'" in message
    assert "prompt is empty" in message


def test_invalid_xstest_label_names_row_and_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "xs.csv",
        "id,prompt,type,label\n1,Placeholder,homonyms,safe\n2,Placeholder,homonyms,maybe\n",
    )

    message = _error(path)

    assert f"{path}, row 3, column 'label'" in message
    assert "'maybe'" in message


def test_invalid_harmful_value_names_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.csv", "question,flag\nOne,yes\nTwo,no\nThree,perhaps\n")

    message = _error(path, columns={"prompt": "question", "harmful": "flag"})

    assert f"{path}, row 4, column 'flag'" in message
    assert "'perhaps'" in message


def test_missing_key_in_jsonl_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.jsonl", '{"q": "One", "t": "a"}\n{"q": "Two"}\n')

    message = _error(path, columns={"prompt": "q", "category": "t"})

    assert f"{path}, line 2: column 't' is missing" in message


def test_invalid_json_names_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.jsonl", '{"q": "One"}\n{"q": \n')

    message = _error(path, columns={"prompt": "q"})

    assert f"{path}, line 2: invalid JSON" in message


def test_json_value_not_text_names_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.jsonl", '{"q": ["a", "b"]}\n')

    message = _error(path, columns={"prompt": "q"})

    assert f"{path}, line 1, column 'q': expected text, got list" in message


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"goal,target\n\xff\xfe,Sure\n")

    message = _error(path)

    assert f"could not read {path}" in message
    assert "UTF-8" in message


def test_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "missing.csv"

    message = _error(path)

    assert f"file {path} not found" in message


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "empty.csv", "")

    assert f"{path} is empty" in _error(path)


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "header.csv", "goal,target\n")

    assert f"{path} has no data rows" in _error(path)


def test_blank_jsonl_has_no_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "blank.jsonl", "\n\n")

    assert f"{path} has no data rows" in _error(path, columns={"prompt": "q"})


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "data.txt", "goal,target\nPlaceholder,Sure\n")

    message = _error(path)

    assert "'.txt'" in message
    assert "CSV (.csv) and JSONL (.jsonl)" in message


def test_undetected_format_lists_columns_and_formats(tmp_path: Path) -> None:
    path = _write(tmp_path / "mine.csv", "question,topic\nOne,a\n")

    message = _error(path)

    assert f"could not detect the benchmark format of {path}" in message
    assert "'question', 'topic'" in message
    for kind in ("harmbench", "strongreject", "advbench", "jailbreakbench", "xstest"):
        assert kind in message
    assert "column mapping (columns)" in message


# --------------------------------------------------------------------------- invalid arguments


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"kind": "harmbench2"}, "unknown benchmark kind 'harmbench2'"),
        ({"limit": 0}, "limit must be at least 1"),
        ({"kind": "generic"}, "kind 'generic' needs a column mapping"),
        ({"kind": "xstest", "columns": {"prompt": "q"}}, "not 'xstest'"),
        ({"columns": {"category": "t"}}, "needs a 'prompt' entry"),
        ({"columns": {"prompt": "q", "label": "l"}}, "unknown key(s) 'label'"),
    ],
)
def test_invalid_arguments(tmp_path: Path, kwargs: dict[str, Any], expected: str) -> None:
    path = _write(tmp_path / "mine.csv", "q\nOne\n")

    with pytest.raises(ConfigError) as raised:
        load_benchmark("bad", path, **kwargs)

    assert expected in str(raised.value)


def test_kinds_cover_every_format() -> None:
    assert set(BENCHMARK_KINDS) == {
        "harmbench",
        "strongreject",
        "advbench",
        "jailbreakbench",
        "jailbreakbench-benign",
        "xstest",
        "generic",
        "hf",
    }
