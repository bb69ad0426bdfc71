from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ares.cli import cli, main
from ares.config import AresConfig


def _ares(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ares", *args], capture_output=True, text=True, cwd=cwd,
        timeout=120, check=False,
    )


def _exit_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exit_info:
        return int(exit_info.code or 0)
    return 0


def test_init_writes_valid_starter(tmp_path: Path) -> None:
    path = tmp_path / "ares.yaml"
    result = CliRunner().invoke(cli, ["init", str(path)])
    assert result.exit_code == 0, result.output
    assert AresConfig.model_validate(yaml.safe_load(path.read_text())) == AresConfig()


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ares.yaml"
    path.write_text("mine")
    assert _exit_code(["init", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_text() == "mine"


def test_bad_config_exits_2_without_traceback(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("discovery:\n  budget: zero\n")
    result = _ares("discover", "--config", str(config), "--run-dir", str(tmp_path / "run"))
    assert result.returncode == 2
    assert "discovery.budget = 'zero'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "run").exists()  # nothing is created before the config is valid


def test_budget_option_is_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _exit_code(["discover", "--run-dir", str(tmp_path / "run"), "--budget", "0"])
    assert code == 2
    assert "discovery.budget = 0" in capsys.readouterr().err


def test_export_without_store_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _exit_code(
        ["export", "--run-dir", str(tmp_path / "none"), "--out", str(tmp_path / "x.jsonl")]
    )
    assert code == 2
    assert "no ares run store" in capsys.readouterr().err


def test_export_rejects_unknown_format(tmp_path: Path) -> None:
    code = _exit_code(
        ["export", "--run-dir", str(tmp_path), "--format", "csv", "--out", str(tmp_path / "x")]
    )
    assert code == 2


def test_components_validate_reports_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("tactics:\n  - {id: t, name: T, description: d, phrasing: no placeholders}\n")
    assert _exit_code(["components", "validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "tactics[0] (id t).phrasing" in err


def test_components_validate_accepts_good_file(
    small_library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exit_code(["components", "validate", "--no-builtin", str(small_library_file)]) == 0
    assert "valid:" in capsys.readouterr().out


def test_components_list_shows_counts(tmp_path: Path, small_library_file: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(f"components:\n  builtin: false\n  files: [{small_library_file}]\n")
    result = CliRunner().invoke(cli, ["components", "list", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "2 topic categories, 3 topics, 2 personas, 3 tactics, 2 goals" in result.output
