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
