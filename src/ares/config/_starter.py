"""Render the commented starter config that `ares init` writes."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml
from pydantic import BaseModel

from ares.config._models import AresConfig, ChatModelConfig

_HEADER = """\
# ares config. Every key is optional: a key you leave out keeps the value shown here.
# Validate it with `ares discover --config THIS_FILE --run-dir DIR`, which checks the
# whole file before any model loads.
"""

# Sections whose `model:` is unset by default; the starter shows an example, commented out.
_EXAMPLE_MODEL = ChatModelConfig(
    backend="openai",
    model="my-judge-model",
    base_url="http://127.0.0.1:8000/v1",
    api_key_env="ARES_JUDGE_API_KEY",
)


def starter_config_text() -> str:
    """Return a YAML config with every section, every key, its default and its help text."""
    defaults = AresConfig()
    parts = [_HEADER]
    for name, field in AresConfig.model_fields.items():
        section = getattr(defaults, name)
        parts.append("")
        parts.append(f"# {field.description or type(section).__doc__}")
        parts.append(f"{name}:")
        parts.extend(_render_model(section, indent=1))
    return "\n".join(parts) + "\n"


def _render_model(model: BaseModel, indent: int) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        for comment_line in textwrap.wrap(field.description or "", 88 - len(pad)):
            lines.append(f"{pad}# {comment_line}")
        if isinstance(value, BaseModel):
            lines.append(f"{pad}{name}:")
            lines.extend(_render_model(value, indent + 1))
        elif value is None and name == "model":
            lines.append(f"{pad}# {name}:")
            example = _render_model(_EXAMPLE_MODEL, indent + 1)
            lines.extend(
                f"{pad}#  {line[len(pad):]}" for line in example if not line.strip().startswith("#")
            )
        else:
            lines.append(f"{pad}{name}: {_yaml_scalar(value)}")
    return lines


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text: str = yaml.safe_dump(value, default_flow_style=True).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()
