"""Benchmark loaders: public red-teaming and over-refusal sets as lists of prompts.

`load_benchmark` reads HarmBench, StrongREJECT, AdvBench, JailbreakBench and XSTest files as
published, any CSV or JSONL file through a column mapping, and Hugging Face datasets. Every
row becomes a `BenchmarkItem` that records whether a safe policy should decline the prompt
(`harmful=True`) or answer it (`harmful=False`, the over-refusal check).

A row without an id gets its row number: the data row from 1 in a CSV file or a dataset,
the line in a JSONL file. Messages name the row as an editor or a spreadsheet counts it (a
CSV file's header is row 1).
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ares._tables import HUB_PREFIX, Table, column_list, read_table
from ares.errors import ConfigError, DataError

logger = logging.getLogger(__name__)

BENCHMARK_KINDS: tuple[str, ...] = (
    "harmbench",
    "strongreject",
    "advbench",
    "jailbreakbench",
    "jailbreakbench-benign",
    "xstest",
    "generic",
    "hf",
)
"""Values of `load_benchmark(kind=...)` besides `"auto"`."""

_UNCATEGORISED = "uncategorised"

_MAPPING_KEYS = ("prompt", "category", "harmful", "id")

_TRUE_LABELS = frozenset({"true", "1", "yes", "unsafe", "harmful"})
_FALSE_LABELS = frozenset({"false", "0", "no", "safe", "benign"})


@dataclass(frozen=True)
class BenchmarkItem:
    """One benchmark prompt and the behaviour a safe policy shows on it.

    Attributes:
        id: Key of the item, unique within its benchmark: the file's id column (HarmBench
            `BehaviorID`, XSTest `id`, JailbreakBench `Index`) or the 1-based data row
            number. A repeated id gets a suffix (`id#2`, `id#3`, ...).
        prompt: Text sent to the policy.
        category: The benchmark's own category, or `"uncategorised"` when it has none.
        harmful: True when a safe policy declines the prompt. False for a benign prompt that
            the policy should answer (over-refusal check).
    """

    id: str
    prompt: str
    category: str
    harmful: bool


@dataclass(frozen=True)
class Benchmark:
    """A named list of benchmark items and where they were read from.

    Attributes:
        name: Display name chosen by the user, such as `"harmbench"`.
        kind: Format the rows were read with: one of `BENCHMARK_KINDS` except
            `"jailbreakbench-benign"`, which reads as `"jailbreakbench"`. A file read with
            a column mapping is `"generic"`, a Hugging Face dataset read with one is `"hf"`.
        source: The path or dataset name as passed to `load_benchmark`.
        items: Items in the order of the file.
    """

    name: str
    kind: str
    source: str
    items: tuple[BenchmarkItem, ...]


def load_benchmark(
    name: str,
    source: str | Path,
    *,
    kind: str = "auto",
    columns: Mapping[str, str] | None = None,
    limit: int | None = None,
    seed: int = 0,
) -> Benchmark:
    """Load a benchmark from a CSV or JSONL file or a Hugging Face dataset.

    Formats and how each reads a row (`kind="auto"` detects them by column names):

    - `harmbench`: HarmBench behaviors CSV. Prompt `Behavior`, category `SemanticCategory`,
      id `BehaviorID`, all harmful. A contextual behavior's prompt is its `ContextString`,
      a `---` separator line and the behavior, as HarmBench formats it.
    - `strongreject`: prompt `forbidden_prompt`, category `category`, all harmful.
    - `advbench`: prompt `goal`, no category, all harmful.
    - `jailbreakbench`: JBB-Behaviors CSV. Prompt `Goal`, category `Category`, id `Index`.
      The columns do not say whether a file is the harmful or the benign set, so items are
      benign when the file or dataset name contains "benign", or when
      `kind="jailbreakbench-benign"`, and harmful otherwise.
    - `xstest`: prompt `prompt`, category `type`. `xstest_prompts.csv` is harmful where
      `label` is `unsafe`. The older `xstest_v2_prompts.csv` has no `label`, so there the
      `contrast_*` types are harmful, and the id is `id_v2`.
    - `generic`: any file, read through `columns` (implied by passing `columns`).

    Args:
        name: Display name of the benchmark.
        source: Path of a `.csv` or `.jsonl` file. `hf:OWNER/NAME[:SPLIT]`, or an
            `OWNER/NAME[:SPLIT]` that is not an existing path, names a Hugging Face dataset
            (split `train` by default). Loading one needs the network or the local
            datasets cache.
        kind: `"auto"` or one of `BENCHMARK_KINDS`. `"hf"` loads `source` as a dataset name
            and detects its format, or reads it through `columns`.
        columns: Map from item field to column name for a file of another format, such as
            `{"prompt": "question", "category": "topic", "harmful": "is_harmful"}`. `prompt`
            is required. Without `category` every item is `"uncategorised"`, without `id`
            the id is the row number, and without `harmful` every item is harmful. A
            harmful cell must be one of true/false, 1/0, yes/no, unsafe/safe or
            harmful/benign, in any case.
        limit: Keep at most this many items, chosen by `limit_items`. None keeps all.
        seed: Seed of the `limit` choice.

    Raises:
        ConfigError: `kind`, `columns` or `limit` is invalid.
        DataError: The source cannot be read, its format is not recognised, or a row is
            invalid. The message names the file, the row and the column.
    """
    _check_arguments(kind, columns, limit)

    # 1. Read every row, from a file or from the Hugging Face hub.
    table = read_table(source, force_hub=kind == "hf")

    # 2. Choose how to read a row: the named format, the column mapping, or detection.
    format_kind, parse_row = _row_parser(table, kind, columns)

    # 3. Read the rows into items, with a unique id each.
    items = []
    for number, row in table.rows:
        fields = parse_row(row, table.location(number))
        item_id = fields.id.strip() or str(number)
        items.append(BenchmarkItem(item_id, fields.prompt, fields.category, fields.harmful))
    items = _unique_ids(items, table.origin)

    if limit is not None:
        items = limit_items(items, limit, seed)
    logger.info(
        "loaded %d items of benchmark %r (%s) from %s", len(items), name, format_kind, source
    )
    return Benchmark(name=name, kind=format_kind, source=str(source), items=tuple(items))


def parse_benchmark_spec(spec: str) -> tuple[str, str]:
    """Split a `NAME=PATH` benchmark spec into (name, path).

    A bare `PATH` takes the file stem as its name, so `data/harmbench.csv` is named
    `harmbench`. The text before the first `=` is a name only when it contains no `/` or
    `\\`. Otherwise the whole spec is a path, so `runs/a=b.csv` stays one path.

    Raises:
        DataError: The spec, its name or its path is empty, or the name has characters other
            than letters, digits, `_`, `.` and `-`.
    """
    expected = "Expected NAME=PATH or PATH, for example harmbench=data/harmbench.csv"
    text = spec.strip()
    if not text:
        raise DataError(f"invalid benchmark spec {spec!r}: it is empty. {expected}")

    head, separator, tail = text.partition("=")
    if not separator or "/" in head or "\\" in head:
        stem = Path(text.removeprefix(HUB_PREFIX).partition(":")[0]).stem
        if not stem:
            raise DataError(f"invalid benchmark spec {spec!r}: it has no file name. {expected}")
        return stem, text

    name, path = head.strip(), tail.strip()
    if not name or not re.fullmatch(r"[\w.-]+", name):
        raise DataError(
            f"invalid benchmark spec {spec!r}: the name {name!r} is empty or has characters "
            f"other than letters, digits, '_', '.' and '-'. {expected}"
        )
    if not path:
        raise DataError(f"invalid benchmark spec {spec!r}: the path is empty. {expected}")
    return name, path


def limit_items(items: Sequence[BenchmarkItem], limit: int, seed: int = 0) -> list[BenchmarkItem]:
    """Choose at most `limit` items so that every category and both labels stay represented.

    Items are grouped by (harmful, category), and each group is shuffled with
    `random.Random(seed)`. Then one item is taken from each group in turn until `limit`
    items are chosen. The turn order alternates benign and harmful groups (sorted by
    category within each label), so that both labels are represented whenever `limit` is
    at least 2 and the benchmark has both. The chosen items keep their original order.
    """
    if limit >= len(items):
        return list(items)

    # 1. Group item indices by label and category, and shuffle each group.
    groups: dict[tuple[bool, str], list[int]] = {}
    for index, item in enumerate(items):
        groups.setdefault((item.harmful, item.category), []).append(index)
    rng = random.Random(seed)
    for key in sorted(groups):
        rng.shuffle(groups[key])

    # 2. Order the groups: the i-th benign group, then the i-th harmful one, and so on.
    ranked: list[tuple[int, bool, tuple[bool, str]]] = []
    for harmful in (False, True):
        keys = sorted(key for key in groups if key[0] == harmful)
        ranked.extend((rank, harmful, key) for rank, key in enumerate(keys))
    queues = [groups[key] for _, _, key in sorted(ranked)]

    # 3. Take one item from each group per turn until `limit` items are chosen.
    chosen: list[int] = []
    depth = 0
    while len(chosen) < limit:
        for queue in queues:
            if depth < len(queue) and len(chosen) < limit:
                chosen.append(queue[depth])
        depth += 1
    return [items[index] for index in sorted(chosen)]


# --------------------------------------------------------------------------- arguments


def _check_arguments(kind: str, columns: Mapping[str, str] | None, limit: int | None) -> None:
    if kind != "auto" and kind not in BENCHMARK_KINDS:
        raise ConfigError(
            f"unknown benchmark kind {kind!r}. Use 'auto' or one of {', '.join(BENCHMARK_KINDS)}"
        )
    if limit is not None and limit < 1:
        raise ConfigError(f"limit must be at least 1, or None to keep all items. Got {limit}")
    if columns is None:
        if kind == "generic":
            raise ConfigError(
                "kind 'generic' needs a column mapping (columns) with at least a 'prompt' "
                "entry, for example {'prompt': 'question'}"
            )
        return
    if kind not in ("auto", "generic", "hf"):
        raise ConfigError(
            f"a column mapping (columns) applies only to kind 'auto', 'generic' or 'hf', not "
            f"{kind!r}. Drop the mapping, or use kind 'generic'"
        )
    unknown = sorted(set(columns) - set(_MAPPING_KEYS))
    if unknown:
        raise ConfigError(
            f"unknown key(s) {', '.join(map(repr, unknown))} in the column mapping (columns). "
            f"Valid keys: {', '.join(_MAPPING_KEYS)}"
        )
    if "prompt" not in columns:
        raise ConfigError(
            "the column mapping (columns) needs a 'prompt' entry naming the prompt column, "
            "for example {'prompt': 'question'}"
        )
    for key, column in columns.items():
        if not isinstance(column, str) or not column:
            raise ConfigError(
                f"the column mapping (columns) maps {key!r} to {column!r}. Map it to a column name"
            )


# --------------------------------------------------------------------------- formats


class _Fields(NamedTuple):
    id: str  # empty when the row has none, and then the row number is used
    prompt: str
    category: str
    harmful: bool


_RowParser = Callable[[Mapping[str, Any], str], _Fields]


@dataclass(frozen=True)
class _Format:
    kind: str
    signatures: tuple[frozenset[str], ...]  # column sets, any of which identifies the format
    required: tuple[str, ...]
    parse: _RowParser


def _harmbench(row: Mapping[str, Any], where: str) -> _Fields:
    behavior = _prompt(row, "Behavior", where)
    context = _text(row, "ContextString", where) if "ContextString" in row else ""
    if context.strip():
        # HarmBench's attack baselines (DirectRequest, GCG and others) join a contextual
        # behavior to its context in this form.
        behavior = f"{context}\n\n---\n\n{behavior}"
    return _Fields(
        _text(row, "BehaviorID", where), behavior, _category(row, "SemanticCategory", where), True
    )


def _strongreject(row: Mapping[str, Any], where: str) -> _Fields:
    prompt = _prompt(row, "forbidden_prompt", where)
    return _Fields("", prompt, _category(row, "category", where), True)


def _advbench(row: Mapping[str, Any], where: str) -> _Fields:
    return _Fields("", _prompt(row, "goal", where), _UNCATEGORISED, True)


def _jailbreakbench(benign: bool) -> _RowParser:
    def parse(row: Mapping[str, Any], where: str) -> _Fields:
        index = _text(row, "Index", where) if "Index" in row else ""
        return _Fields(
            index, _prompt(row, "Goal", where), _category(row, "Category", where), not benign
        )

    return parse


def _xstest(row: Mapping[str, Any], where: str) -> _Fields:
    prompt = _prompt(row, "prompt", where)
    kind = _text(row, "type", where).strip()
    if "label" in row:
        # xstest_prompts.csv
        raw_label = _text(row, "label", where)
        label = raw_label.strip().lower()
        if label not in ("safe", "unsafe"):
            raise DataError(
                f"{where}, column 'label': invalid value {raw_label!r}. Expected 'safe' or 'unsafe'"
            )
        harmful = label == "unsafe"
        row_id = _text(row, "id", where) if "id" in row else ""
    else:
        # xstest_v2_prompts.csv, which has no label: its contrast types are the unsafe prompts.
        harmful = kind.startswith("contrast_")
        row_id = _text(row, "id_v2", where) if "id_v2" in row else ""
    return _Fields(row_id, prompt, kind or _UNCATEGORISED, harmful)


def _formats(benign_jailbreakbench: bool) -> tuple[_Format, ...]:
    """Known formats in the order that detection tries them."""
    return (
        _Format(
            "harmbench",
            (frozenset({"Behavior", "SemanticCategory", "BehaviorID"}),),
            ("Behavior", "SemanticCategory", "BehaviorID"),
            _harmbench,
        ),
        _Format(
            "strongreject",
            (frozenset({"category", "forbidden_prompt"}),),
            ("category", "forbidden_prompt"),
            _strongreject,
        ),
        _Format("advbench", (frozenset({"goal", "target"}),), ("goal",), _advbench),
        _Format(
            "jailbreakbench",
            (frozenset({"Goal", "Category"}),),
            ("Goal", "Category"),
            _jailbreakbench(benign_jailbreakbench),
        ),
        _Format(
            "xstest",
            (frozenset({"prompt", "type", "label"}), frozenset({"prompt", "type", "id_v2"})),
            ("prompt", "type"),
            _xstest,
        ),
    )


def _row_parser(
    table: Table, kind: str, columns: Mapping[str, str] | None
) -> tuple[str, _RowParser]:
    """Return the kind that `table` is read as and the function that reads one row."""
    if columns is not None:
        _require_columns(table, [columns[key] for key in _MAPPING_KEYS if key in columns])
        return ("hf" if table.from_hub else "generic"), _mapped(columns)

    benign = kind == "jailbreakbench-benign" or "benign" in table.name.lower()
    formats = {fmt.kind: fmt for fmt in _formats(benign)}
    if kind in ("auto", "hf"):
        fmt = _detect(table, formats.values())
    else:
        fmt = formats[kind.removesuffix("-benign")]
    _require_columns(table, fmt.required)
    return fmt.kind, fmt.parse


def _detect(table: Table, formats: Iterable[_Format]) -> _Format:
    present = set(table.columns)
    for fmt in formats:
        if any(signature <= present for signature in fmt.signatures):
            return fmt
    known = "; ".join(
        f"{fmt.kind} ({', '.join(sorted(fmt.signatures[0]))})" for fmt in _formats(False)
    )
    raise DataError(
        f"could not detect the benchmark format of {table.origin}. Its columns are "
        f"{column_list(table.columns)}. Known formats: {known}. Pass a kind, or a column "
        "mapping (columns) with at least a 'prompt' entry to read it as a generic file"
    )


def _require_columns(table: Table, required: Sequence[str]) -> None:
    for column in required:
        if column not in table.columns:
            raise DataError(
                f"{table.origin}: column {column!r} is missing. The columns found are "
                f"{column_list(table.columns)}"
            )


def _mapped(columns: Mapping[str, str]) -> _RowParser:
    """Return a row reader for a generic file, which reads the columns that `columns` maps."""
    category_column = columns.get("category")
    harmful_column = columns.get("harmful")
    id_column = columns.get("id")

    def parse(row: Mapping[str, Any], where: str) -> _Fields:
        prompt = _prompt(row, columns["prompt"], where)
        category = _category(row, category_column, where) if category_column else _UNCATEGORISED
        harmful = _harmful(row, harmful_column, where) if harmful_column else True
        row_id = _text(row, id_column, where) if id_column else ""
        return _Fields(row_id, prompt, category, harmful)

    return parse


# --------------------------------------------------------------------------- cells


def _cell(row: Mapping[str, Any], column: str, where: str) -> Any:
    if column not in row:
        raise DataError(
            f"{where}: column {column!r} is missing. The row has columns {column_list(row)}"
        )
    return row[column]


def _text(row: Mapping[str, Any], column: str, where: str) -> str:
    """Return a cell as text: "" for an empty CSV cell or a JSON null."""
    value = _cell(row, column, where)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise DataError(
            f"{where}, column {column!r}: expected text, got {type(value).__name__} ({value!r:.60})"
        )
    return str(value)


def _prompt(row: Mapping[str, Any], column: str, where: str) -> str:
    text = _text(row, column, where)
    if not text.strip():
        raise DataError(
            f"{where}, column {column!r}: the prompt is empty. Fill it in or remove the row"
        )
    return text


def _category(row: Mapping[str, Any], column: str, where: str) -> str:
    return _text(row, column, where).strip() or _UNCATEGORISED


def _harmful(row: Mapping[str, Any], column: str, where: str) -> bool:
    value = _cell(row, column, where)
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    text = value.strip().lower() if isinstance(value, str) else None
    if text in _TRUE_LABELS:
        return True
    if text in _FALSE_LABELS:
        return False
    raise DataError(
        f"{where}, column {column!r}: invalid harmful label {value!r}. Use true/false, 1/0, "
        "yes/no, unsafe/safe or harmful/benign"
    )


def _unique_ids(items: list[BenchmarkItem], origin: str) -> list[BenchmarkItem]:
    """Suffix repeated ids (`id#2`, `id#3`, ...), because later stages key results by id."""
    seen: set[str] = set()
    renamed = 0
    unique = []
    for item in items:
        item_id = item.id
        copy = 2
        while item_id in seen:
            item_id = f"{item.id}#{copy}"
            copy += 1
        if item_id != item.id:
            renamed += 1
            item = BenchmarkItem(item_id, item.prompt, item.category, item.harmful)
        seen.add(item_id)
        unique.append(item)
    if renamed:
        logger.warning("%s: %d repeated item ids got a '#N' suffix", origin, renamed)
    return unique
