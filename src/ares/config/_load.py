"""Load, merge and validate config files, and write the starter config."""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ares.config._models import AresConfig
from ares.errors import ConfigError

_SECRET_HINTS = ("api_key", "apikey", "token", "password", "secret")


def default_config_text() -> str:
    """Return the text of the embedded default config shipped in the package."""
    return importlib.resources.files("ares.config").joinpath("default.yaml").read_text("utf-8")


def load_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> AresConfig:
    """Load the embedded default config, merge the file at `path` and `overrides` into it.

    A file may set only some keys; the rest keep their default. Relative paths in
    `components.files`, `repair.accelerate_config` and the evaluation's benchmark and
    preference paths are resolved against the file's folder.

    Raises:
        ConfigError: the file is missing, is not YAML, or a value is invalid. The message
            names the field, the value and what the field expects.
    """
    # 1. Embedded defaults.
    merged = _parse_yaml(default_config_text(), "the embedded default config")

    # 2. The user's file, merged key by key.
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}. Run `ares init` to write one.")
        user = _parse_yaml(path.read_text("utf-8"), str(path))
        _resolve_component_files(user, path.parent)
        _resolve_evaluation_files(user, path.parent)
        _resolve_accelerate_config(user, path.parent)
        merged = deep_merge(merged, user)

    # 3. Command-line overrides such as --budget and --seed.
    if overrides:
        merged = deep_merge(merged, overrides)

    return validate_config(merged, source=str(path) if path else "the default config")


def validate_config(data: dict[str, Any], *, source: str) -> AresConfig:
    """Validate merged config data, turning pydantic errors into one readable `ConfigError`."""
    try:
        return AresConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, source)) from None


def format_validation_error(exc: ValidationError, source: str) -> str:
    """Render every error of `exc` as `field = value: problem. Expected: help text`."""
    lines = [f"invalid config in {source}:"]
    for error in exc.errors():
        location = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            lines.append(f"  {location}: unknown key. {_unknown_key_hint(location)}")
            continue
        value = error.get("input")
        shown = "(missing)" if error["type"] == "missing" else repr(value)
        help_text = _field_help(error["loc"])
        hint = f" Expected: {help_text}" if help_text else ""
        lines.append(f"  {location} = {shown}: {message}.{hint}")
    return "\n".join(lines)


def deep_merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Return `base` with `update` merged in; nested mappings merge, other values replace."""
    result = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = value
    return result


def config_snapshot(config: AresConfig) -> dict[str, Any]:
    """Return the resolved config as plain data, for the run store.

    The config holds only the names of the environment variables with API keys, never the
    keys, so the snapshot is safe to store.
    """
    return config.model_dump(mode="json")


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source} is not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{source} must contain a mapping of sections (policy:, reward_model:, ...), "
            f"not a {type(data).__name__}"
        )
    return data


def _resolve_component_files(data: dict[str, Any], folder: Path) -> None:
    components = data.get("components")
    if not isinstance(components, dict) or not isinstance(components.get("files"), list):
        return
    components["files"] = [
        str(folder / f) if isinstance(f, str) and not Path(f).is_absolute() else f
        for f in components["files"]
    ]


def _resolve_accelerate_config(data: dict[str, Any], folder: Path) -> None:
    repair = data.get("repair")
    if not isinstance(repair, dict) or not isinstance(repair.get("accelerate_config"), str):
        return
    if not Path(repair["accelerate_config"]).is_absolute():
        repair["accelerate_config"] = str(folder / repair["accelerate_config"])


def _resolve_evaluation_files(data: dict[str, Any], folder: Path) -> None:
    evaluation = data.get("evaluation")
    if not isinstance(evaluation, dict):
        return
    for key in ("benchmarks", "preferences"):
        entries = evaluation.get(key)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                continue
            local = folder / entry["path"]
            # Hugging Face dataset names stay as written; only existing relative files move.
            if not Path(entry["path"]).is_absolute() and local.exists():
                entry["path"] = str(local)


def _unknown_key_hint(location: str) -> str:
    key = location.rsplit(".", 1)[-1].lower()
    if any(hint in key for hint in _SECRET_HINTS):
        return (
            "Never put a secret in the config: store it in an environment variable and put "
            "that variable's name in `api_key_env`."
        )
    return "Check the spelling against `ares init`, which lists every key."


def _field_help(loc: tuple[int | str, ...]) -> str | None:
    model: type[BaseModel] = AresConfig
    description = None
    for part in loc:
        field = model.model_fields.get(str(part))
        if field is None:
            return description
        description = field.description
        annotation = field.annotation
        nested = _model_in(annotation)
        if nested is None:
            return description
        model = nested
    return description


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
