"""Location of the public benchmark files that the evaluation tests read.

The files are not part of the repository. They are looked up in `$ARES_SHARED_DATA`, or
else in `shared/data` beside the repository root, and a test that needs a missing file
is skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def shared_data_dir() -> Path:
    """Return the folder of benchmark files: `$ARES_SHARED_DATA` or `../shared/data`."""
    configured = os.environ.get("ARES_SHARED_DATA")
    if configured:
        return Path(configured).expanduser()
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def shared_data_file(benchmark: str, name: str) -> Path:
    """Return the path of one benchmark file, or skip the test when the file is missing."""
    path = shared_data_dir() / benchmark / name
    if not path.is_file():
        pytest.skip(
            f"benchmark file {path} not found. Set ARES_SHARED_DATA to the folder that "
            f"contains {benchmark}/{name} to run this test"
        )
    return path


# The benchmark files that `ares run` tests pass with --benchmark when they are present.
RUN_BENCHMARKS = {
    "harmbench": ("harmbench", "harmbench_behaviors_text_val.csv"),
    "strongreject": ("strongreject", "strongreject_small_dataset.csv"),
    "xstest": ("xstest", "xstest_prompts.csv"),
}


def available_run_benchmarks() -> dict[str, Path]:
    """Return those of `RUN_BENCHMARKS` whose file exists, by name.

    Loop tests run with or without them, so that a checkout without the files still tests
    the loop itself.
    """
    paths = {name: shared_data_dir() / folder / file for name, (folder, file) in
             RUN_BENCHMARKS.items()}
    return {name: path for name, path in paths.items() if path.is_file()}
