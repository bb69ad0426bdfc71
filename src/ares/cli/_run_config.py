"""The config a command on a run directory uses, and its snapshot in the run store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ares.config import AresConfig, config_snapshot, deep_merge, load_config, validate_config
from ares.store import RunStore


def given_config(config_path: Path | None, overrides: dict[str, Any]) -> AresConfig | None:
    """Load and validate `--config` before anything touches the run directory."""
    return None if config_path is None else load_config(config_path, overrides)


def run_config(
    store: RunStore, run_dir: Path, given: AresConfig | None, overrides: dict[str, Any]
) -> AresConfig:
    """Return the config for a command on `run_dir` and record it on first use.

    With `--config` (`given`, from `given_config`), that file is used. Without it, a run
    directory that already has a config keeps it, so resuming needs no flags; a new one
    gets the embedded default. `overrides` (such as `--budget`) apply in both cases. The
    first config is stored in the run store and written to `DIR/config.yaml`; a later,
    different one is recorded as a `config_changed` event.
    """
    stored = store.get_meta("config")
    if given is not None:
        config = given
    elif isinstance(stored, dict):
        config = validate_config(
            deep_merge(stored, overrides), source=f"the config stored in {run_dir}"
        )
    else:
        config = load_config(None, overrides)

    snapshot = config_snapshot(config)
    if stored is None:
        store.set_meta("config", snapshot)
        header = "# The resolved config of this run, written by ares.\n"
        (run_dir / "config.yaml").write_text(
            header + yaml.safe_dump(snapshot, sort_keys=False), "utf-8"
        )
    elif stored != snapshot:
        store.add_event("config_changed", "continued with a different config", data=snapshot)
    return config
