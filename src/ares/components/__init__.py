"""The component library: topics, personas, tactics and goals, and attack specs."""

from __future__ import annotations

from ares.components._library import (
    AttackSpec,
    ComponentLibrary,
    Goal,
    Persona,
    Tactic,
    Topic,
    TopicCategory,
    load_library,
    parse_library_file,
)

__all__ = [
    "AttackSpec",
    "ComponentLibrary",
    "Goal",
    "Persona",
    "Tactic",
    "Topic",
    "TopicCategory",
    "load_library",
    "parse_library_file",
]
