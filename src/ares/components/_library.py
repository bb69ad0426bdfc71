"""The component library: topics (category -> instance), personas, tactics and goals."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ares.errors import DataError

KINDS = ("topics", "personas", "tactics", "goals")
_ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"


class _Component(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID_PATTERN, description="Unique id within its kind.")
    name: str = Field(min_length=1, description="Human-readable name.")
    description: str = Field(min_length=1, description="What the component covers.")


class Topic(_Component):
    """A topic instance, such as "deepfake creation" in "Deception & manipulation"."""

    phrasing: str = Field(
        min_length=1,
        description="The subject as a noun phrase that completes a goal's phrasing, for "
        "example `creating a deepfake video of a real politician`.",
    )
    safe_alternative: str = Field(
        min_length=1,
        description="A benign, related offer the safe response redirects to, as a noun phrase, "
        "for example `how deepfake detection tools work`.",
    )


class TopicCategory(_Component):
    """A topic category with its instances."""

    instances: list[Topic] = Field(min_length=1)


class Persona(_Component):
    """The identity a prompt claims, such as a cybersecurity researcher."""

    phrasing: str = Field(
        min_length=1, description="First-person self-introduction, e.g. `I am a security "
        "researcher at a university lab`."
    )


class Tactic(_Component):
    """A persuasion or obfuscation technique, such as an authority appeal."""

    phrasing: str = Field(
        min_length=1,
        description="Prompt template with the placeholders `{persona}` (the persona's phrasing) "
        "and `{request}` (the goal's phrasing filled with the topic).",
    )

    @field_validator("phrasing")
    @classmethod
    def _has_placeholders(cls, value: str) -> str:
        for placeholder in ("{persona}", "{request}"):
            if placeholder not in value:
                raise ValueError(f"phrasing must contain the placeholder {placeholder}")
        return value


class Goal(_Component):
    """The form of the requested output, such as a step-by-step guide."""

    phrasing: str = Field(
        min_length=1,
        description="Request template with the placeholder `{topic}`, e.g. `a step-by-step "
        "guide to {topic}`.",
    )
    response_shape: str = Field(
        "steps",
        pattern=r"^(steps|code|text|list|dialogue)$",
        description="Layout of the template mentor's harmful response: steps, code, text, list "
        "or dialogue.",
    )

    @field_validator("phrasing")
    @classmethod
    def _has_topic(cls, value: str) -> str:
        if "{topic}" not in value:
            raise ValueError("phrasing must contain the placeholder {topic}")
        return value


@dataclass(frozen=True)
class AttackSpec:
    """One choice of topic instance, persona, tactic and goal, by id."""

    topic_category: str
    topic: str
    persona: str
    tactic: str
    goal: str


class _LibraryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topics: list[TopicCategory] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    tactics: list[Tactic] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)


class ComponentLibrary:
    """All components by kind and id, in file order."""

    def __init__(
        self,
        categories: Iterable[TopicCategory],
        personas: Iterable[Persona],
        tactics: Iterable[Tactic],
        goals: Iterable[Goal],
    ) -> None:
        self.categories = {c.id: c for c in categories}
        self.personas = {p.id: p for p in personas}
        self.tactics = {t.id: t for t in tactics}
        self.goals = {g.id: g for g in goals}
        self.topics: dict[str, Topic] = {}
        self.category_of: dict[str, str] = {}
        for category in self.categories.values():
            for topic in category.instances:
                # `resolve` looks a topic up by its id alone, so a repeated id would return
                # another category's topic.
                if topic.id in self.category_of:
                    raise DataError(
                        f"topic id {topic.id!r} appears in both categories "
                        f"{self.category_of[topic.id]!r} and {category.id!r}. Topic ids must be "
                        "unique across categories, so rename one of them"
                    )
                self.topics[topic.id] = topic
                self.category_of[topic.id] = category.id
        self._check_complete()

    def resolve(self, spec: AttackSpec) -> tuple[TopicCategory, Topic, Persona, Tactic, Goal]:
        """Return the component objects that `spec` names."""
        try:
            return (
                self.categories[spec.topic_category],
                self.topics[spec.topic],
                self.personas[spec.persona],
                self.tactics[spec.tactic],
                self.goals[spec.goal],
            )
        except KeyError as exc:
            raise DataError(f"attack spec names an unknown component id {exc}: {spec}") from None

    def counts(self) -> dict[str, int]:
        """Return the number of components of each kind."""
        return {
            "categories": len(self.categories),
            "topics": len(self.topics),
            "personas": len(self.personas),
            "tactics": len(self.tactics),
            "goals": len(self.goals),
        }

    def _check_complete(self) -> None:
        for kind, items in (
            ("topics", self.topics),
            ("personas", self.personas),
            ("tactics", self.tactics),
            ("goals", self.goals),
        ):
            if not items:
                raise DataError(
                    f"the component library has no {kind}; add some in a components file or "
                    "set components.builtin: true"
                )


def load_library(files: Iterable[Path] = (), *, builtin: bool = True) -> ComponentLibrary:
    """Load the built-in library (if `builtin`) and merge `files` into it in order.

    A component in a later file replaces an earlier one with the same kind and id; a topic
    category with a known id replaces that category with all its instances.

    Raises:
        DataError: a file is missing, is not YAML, or a component is invalid; the message
            names the file, the component and the field.
    """
    merged: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    sources: list[tuple[str, str]] = []
    if builtin:
        root = importlib.resources.files("ares.components").joinpath("builtin")
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                sources.append((f"built-in {entry.name}", entry.read_text("utf-8")))
    for path in files:
        if not Path(path).is_file():
            raise DataError(f"components file not found: {path}")
        sources.append((str(path), Path(path).read_text("utf-8")))

    for source, text in sources:
        parsed = parse_library_file(text, source)
        for kind in KINDS:
            for item in getattr(parsed, kind):
                merged[kind][item.id] = item
    return ComponentLibrary(
        merged["topics"].values(),
        merged["personas"].values(),
        merged["tactics"].values(),
        merged["goals"].values(),
    )


def parse_library_file(text: str, source: str) -> _LibraryFile:
    """Parse and validate one components file; raise `DataError` naming the bad entry."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"{source} is not valid YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataError(
            f"{source} must be a mapping with any of the keys {', '.join(KINDS)}, "
            f"not a {type(data).__name__}"
        )
    try:
        parsed = _LibraryFile.model_validate(data)
    except ValidationError as exc:
        lines = [f"invalid components file {source}:"]
        for error in exc.errors():
            where = _describe_location(data, error["loc"])
            lines.append(f"  {where}: {error['msg'].removeprefix('Value error, ')}")
        raise DataError("\n".join(lines)) from None
    _check_unique_ids(parsed, source)
    return parsed


def _describe_location(data: Any, loc: tuple[int | str, ...]) -> str:
    # Name entries by their id where they have one: "tactics[3] (id authority_appeal).phrasing".
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            label = f"[{part}]"
            try:
                node = node[part]
                if isinstance(node, dict) and "id" in node:
                    label += f" (id {node['id']})"
            except (IndexError, KeyError, TypeError):
                node = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts)


def _check_unique_ids(parsed: _LibraryFile, source: str) -> None:
    topic_ids = [t.id for c in parsed.topics for t in c.instances]
    for kind, ids in (
        ("topic categories", [c.id for c in parsed.topics]),
        ("topics", topic_ids),
        ("personas", [p.id for p in parsed.personas]),
        ("tactics", [t.id for t in parsed.tactics]),
        ("goals", [g.id for g in parsed.goals]),
    ):
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                raise DataError(
                    f"{source}: duplicate id {item_id!r} among {kind}; ids must be unique"
                )
            seen.add(item_id)
