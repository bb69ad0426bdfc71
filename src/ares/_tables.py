"""Row readers for user data (benchmarks, preference pairs, prompts): CSV and JSONL files
and Hugging Face datasets.

Each row keeps a number: its data row from 1 in a CSV file or a dataset, its line in a JSONL
file. `Table.location` turns it into what a message shows, as an editor or a spreadsheet
counts: a JSONL line, or a CSV row with the header as row 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ares.errors import DataError

HUB_PREFIX = "hf:"
# `owner/name`, optionally with `:split`: the form of a Hugging Face dataset name.
_HUB_NAME = re.compile(r"[\w.-]+/[\w.-]+(:[\w.-]+)?")
_FILE_SUFFIXES = (".csv", ".jsonl")

Row = tuple[int, dict[str, Any]]
"""A row number (see the module docstring) and the row's cells by column name."""


@dataclass(frozen=True)
class Table:
    """Rows of a file or dataset, before any benchmark format is applied."""

    origin: str  # the path or dataset name that messages show
    name: str  # the file name, or the dataset name with its split
    from_hub: bool
    columns: tuple[str, ...]  # a CSV header, or every key of a JSONL file or dataset
    rows: list[Row]

    def location(self, number: int) -> str:
        """Return where row `number` is, for a message: `PATH, line N` or `PATH, row N`."""
        if self.from_hub:
            return f"{self.origin}, row {number}"
        if self.name.lower().endswith(".jsonl"):
            return f"{self.origin}, line {number}"
        # Spreadsheets count the header as row 1, so data row 1 is row 2.
        return f"{self.origin}, row {number + 1}"


def read_table(source: str | Path, *, force_hub: bool = False) -> Table:
    """Read every row of a CSV or JSONL file or of a Hugging Face dataset.

    A string that starts with `hf:`, or an `OWNER/NAME[:SPLIT]` string that is not an
    existing path and has no file suffix, names a dataset. So does any `source` when
    `force_hub` is set.

    Raises:
        DataError: The file is not found, cannot be read or has no data rows, or the dataset
            cannot be loaded.
    """
    text = str(source)
    if isinstance(source, str) and text.startswith(HUB_PREFIX):
        return _read_hub(text[len(HUB_PREFIX) :])
    if force_hub:
        return _read_hub(text)

    path = Path(text).expanduser()
    if path.is_file():
        return _read_file(path)
    if path.exists():
        raise DataError(f"{path} is not a file. Pass the path of a CSV or JSONL file")
    if (
        isinstance(source, str)
        and _HUB_NAME.fullmatch(text)
        and path.suffix.lower() not in _FILE_SUFFIXES
    ):
        return _read_hub(text)
    raise DataError(
        f"file {path} not found. Check the path, or name a Hugging Face dataset as hf:OWNER/NAME"
    )


def read_jsonl(path: Path) -> list[Row]:
    """Read the JSON object on each non-blank line of `path`, numbered by line.

    Raises:
        DataError: The file cannot be read or decoded, or a line is not a JSON object.
    """
    try:
        # Not `splitlines()`, which also splits at characters such as U+2028 that JSON
        # strings may contain unescaped.
        lines = path.read_text("utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            f"could not read {path}: {exc}. Check that it is a UTF-8 text file"
        ) from exc

    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(
                f"{path}, line {number}: invalid JSON ({exc.msg} at column {exc.colno}). Each "
                "line must be one JSON object"
            ) from exc
        if not isinstance(row, dict):
            raise DataError(
                f"{path}, line {number}: expected a JSON object, got {type(row).__name__}. Each "
                'line must be one object such as {"prompt": "..."}'
            )
        rows.append((number, row))
    return rows


def column_list(columns: Sequence[str] | Mapping[str, Any]) -> str:
    """Format column names for a message: `'a', 'b'`, or `(none)`."""
    return ", ".join(repr(column) for column in columns) or "(none)"


def _read_file(path: Path) -> Table:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        columns, rows = _read_csv(path)
    elif suffix == ".jsonl":
        rows = read_jsonl(path)
        columns = _union_of_keys(row for _, row in rows)
    else:
        raise DataError(
            f"{path} has suffix {path.suffix!r}, but only CSV (.csv) and JSONL (.jsonl) files "
            "can be read. Rename or convert the file"
        )
    if not rows:
        raise DataError(f"{path} has no data rows. Add at least one row")
    return Table(str(path), path.name, False, columns, rows)


def _read_csv(path: Path) -> tuple[tuple[str, ...], list[Row]]:
    try:
        # "utf-8-sig" drops the byte order mark that spreadsheets write.
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            f"could not read {path}: {exc}. Check that it is a UTF-8 text file"
        ) from exc

    # The csv module needs the line endings untranslated (`newline=""`) to keep line breaks
    # inside quoted fields, such as HarmBench's multi-line contexts.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    try:
        if not reader.fieldnames:
            raise DataError(f"{path} is empty. The first row must name the columns")
        columns = tuple(reader.fieldnames)
        for number, row in enumerate(reader, start=1):
            # DictReader stores the cells beyond the header under the key None.
            row.pop(None, None)
            rows.append((number, row))
    except csv.Error as exc:
        raise DataError(
            f"{path}, row {len(rows) + 2}: invalid CSV ({exc}) near line {reader.line_num}"
        ) from exc
    return columns, rows


def _read_hub(source: str) -> Table:
    """Read a Hugging Face dataset named `name` or `name:split`."""
    name, _, split = source.partition(":")
    split = split or "train"
    if not name:
        raise DataError(f"{HUB_PREFIX}{source} names no dataset. Use hf:OWNER/NAME[:SPLIT]")

    import datasets  # imported here because it is slow to import and often not needed

    try:
        dataset = datasets.load_dataset(name, split=split)
    except (OSError, ValueError, datasets.exceptions.DatasetsError) as exc:
        raise DataError(
            f"could not load the Hugging Face dataset {name!r} (split {split!r}): {exc}. "
            "Offline, or without the dataset in the local cache, pass the path of a local "
            "CSV or JSONL file instead"
        ) from exc

    rows = [(number, dict(row)) for number, row in enumerate(dataset, start=1)]
    if not rows:
        raise DataError(f"the Hugging Face dataset {source!r} has no rows")
    columns = getattr(dataset, "column_names", None) or _union_of_keys(r for _, r in rows)
    return Table(source, source, True, tuple(columns), rows)


def _union_of_keys(rows: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row))
    return tuple(keys)
