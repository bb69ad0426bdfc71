from __future__ import annotations

import importlib

import pytest

SUBPACKAGES = [
    "ares", "ares.cli", "ares.components", "ares.config", "ares.discovery", "ares.evaluation",
    "ares.judges", "ares.loop", "ares.mentor", "ares.models", "ares.repair", "ares.report",
    "ares.store", "ares.testing",
]


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    # ruff's RUF022 order: constants (all upper case) first, then the rest, each sorted
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    for item in exported:
        assert hasattr(module, item), f"{name}.{item} is in __all__ but not defined"


def test_import_ares_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, ares, ares.config, ares.discovery; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
