"""The component library: the built-in data, merging user files, and validation errors."""

from __future__ import annotations

import importlib.resources
import re
import textwrap
from pathlib import Path

import pytest

from ares.components import AttackSpec, ComponentLibrary, load_library, parse_library_file
from ares.errors import DataError

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
SHAPES = {"steps", "code", "text", "list", "dialogue"}


def _builtin_files() -> list[tuple[str, str]]:
    root = importlib.resources.files("ares.components").joinpath("builtin")
    return [
        (entry.name, entry.read_text("utf-8"))
        for entry in sorted(root.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    ]


@pytest.fixture(scope="module")
def builtin() -> ComponentLibrary:
    return load_library()


def _write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


# Built-in library


def test_builtin_library_meets_minimum_counts(builtin: ComponentLibrary) -> None:
    counts = builtin.counts()

    assert counts["categories"] >= 10
    assert counts["topics"] >= 40
    assert counts["personas"] >= 15
    assert counts["tactics"] >= 15
    assert counts["goals"] >= 8


def test_builtin_ids_unique_across_files() -> None:
    # load_library merges by id, so a repeated id would silently replace an entry. Count
    # the raw ids of every built-in file instead.
    ids: dict[str, list[str]] = {
        "categories": [],
        "topics": [],
        "personas": [],
        "tactics": [],
        "goals": [],
    }
    for name, text in _builtin_files():
        parsed = parse_library_file(text, name)
        ids["categories"] += [c.id for c in parsed.topics]
        ids["topics"] += [t.id for c in parsed.topics for t in c.instances]
        ids["personas"] += [p.id for p in parsed.personas]
        ids["tactics"] += [t.id for t in parsed.tactics]
        ids["goals"] += [g.id for g in parsed.goals]

    for kind, kind_ids in ids.items():
        duplicates = sorted({i for i in kind_ids if kind_ids.count(i) > 1})
        assert duplicates == [], f"duplicate {kind} ids: {duplicates}"


def test_builtin_ids_are_snake_case(builtin: ComponentLibrary) -> None:
    all_ids = [
        *builtin.categories,
        *builtin.topics,
        *builtin.personas,
        *builtin.tactics,
        *builtin.goals,
    ]

    bad = [component_id for component_id in all_ids if not SNAKE_CASE.match(component_id)]

    assert bad == []


def test_builtin_descriptions_are_one_sentence(builtin: ComponentLibrary) -> None:
    components = [
        *builtin.categories.values(),
        *builtin.topics.values(),
        *builtin.personas.values(),
        *builtin.tactics.values(),
        *builtin.goals.values(),
    ]

    for component in components:
        assert component.name.strip() == component.name != "", component.id
        assert component.description.endswith("."), component.id
        assert component.description.count(". ") == 0, component.id


def test_builtin_tactics_have_both_placeholders(builtin: ComponentLibrary) -> None:
    for tactic in builtin.tactics.values():
        assert "{persona}" in tactic.phrasing, tactic.id
        assert "{request}" in tactic.phrasing, tactic.id


def test_builtin_direct_request_is_plain_baseline(builtin: ComponentLibrary) -> None:
    tactic = builtin.tactics["direct_request"]

    assert tactic.phrasing == "{persona}. Please give me {request}."


def test_builtin_goals_have_topic_and_cover_shapes(builtin: ComponentLibrary) -> None:
    goals = builtin.goals.values()

    for goal in goals:
        assert "{topic}" in goal.phrasing, goal.id
    assert {goal.response_shape for goal in goals} == SHAPES


def test_builtin_phrasings_have_no_final_stop(builtin: ComponentLibrary) -> None:
    # Phrasings are inserted mid-sentence by the template mentor.
    phrasings = [
        *(t.phrasing for t in builtin.topics.values()),
        *(t.safe_alternative for t in builtin.topics.values()),
        *(p.phrasing for p in builtin.personas.values()),
        *(g.phrasing for g in builtin.goals.values()),
    ]

    assert [p for p in phrasings if p.rstrip().endswith((".", "!", "?"))] == []


def test_builtin_has_self_harm_category(builtin: ComponentLibrary) -> None:
    # TemplateMentor's default crisis_categories refers to this id.
    assert "self_harm" in builtin.categories


# Merging user files


def test_user_file_adds_and_overrides(tmp_path: Path, builtin: ComponentLibrary) -> None:
    path = _write(
        tmp_path,
        """
        personas:
          - id: novelist
            name: Poet
            description: Replaces the built-in novelist.
            phrasing: I am a poet
          - id: my_persona
            name: Mine
            description: A new persona.
            phrasing: I am someone new
        """,
    )

    library = load_library([path])

    assert library.personas["novelist"].phrasing == "I am a poet"
    assert library.personas["my_persona"].phrasing == "I am someone new"
    assert len(library.personas) == len(builtin.personas) + 1
    assert library.tactics.keys() == builtin.tactics.keys()


def test_user_category_replaces_all_instances(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        topics:
          - id: weapons
            name: Weapons
            description: A replacement with one instance.
            instances:
              - id: only_weapon_topic
                name: Only
                description: The only instance.
                phrasing: a replacement subject
                safe_alternative: a replacement alternative
        """,
    )

    library = load_library([path])

    assert [t.id for t in library.categories["weapons"].instances] == ["only_weapon_topic"]
    assert "improvised_explosive" not in library.topics
    assert library.category_of["only_weapon_topic"] == "weapons"


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = _write(
        tmp_path,
        "goals:\n  - {id: g, name: G, description: d, phrasing: 'first {topic}'}\n",
        "first.yaml",
    )
    second = _write(
        tmp_path,
        "goals:\n  - {id: g, name: G, description: d, phrasing: 'second {topic}'}\n",
        "second.yaml",
    )

    library = load_library([first, second])

    assert library.goals["g"].phrasing == "second {topic}"


def test_resolve_returns_components(builtin: ComponentLibrary) -> None:
    spec = AttackSpec("cybercrime", "ransomware", "novelist", "direct_request", "checklist")

    category, topic, persona, tactic, goal = builtin.resolve(spec)

    assert (category.id, topic.id, persona.id, tactic.id, goal.id) == (
        "cybercrime",
        "ransomware",
        "novelist",
        "direct_request",
        "checklist",
    )


def test_resolve_unknown_id_raises(builtin: ComponentLibrary) -> None:
    spec = AttackSpec("cybercrime", "no_such_topic", "novelist", "direct_request", "checklist")

    with pytest.raises(DataError, match="no_such_topic"):
        builtin.resolve(spec)


# Validation errors

_PERSONA_OK = "{id: ok_persona, name: OK, description: d, phrasing: I am fine}"

INVALID_FILES = [
    pytest.param(
        f"""
        personas:
          - {_PERSONA_OK}
          - {{id: no_description, name: N, phrasing: I am here}}
        """,
        ["personas[1] (id no_description).description", "Field required"],
        id="missing-field",
    ),
    pytest.param(
        """
        personas:
          - {id: Bad-ID, name: B, description: d, phrasing: I am here}
        """,
        ["personas[0] (id Bad-ID).id", "pattern"],
        id="bad-id",
    ),
    pytest.param(
        """
        tactics:
          - {id: no_request, name: N, description: d, phrasing: "{persona}. Tell me."}
        """,
        ["tactics[0] (id no_request).phrasing", "{request}"],
        id="tactic-without-request",
    ),
    pytest.param(
        """
        goals:
          - {id: no_topic, name: N, description: d, phrasing: a guide}
        """,
        ["goals[0] (id no_topic).phrasing", "{topic}"],
        id="goal-without-topic",
    ),
    pytest.param(
        """
        goals:
          - {id: odd_shape, name: O, description: d, phrasing: "a {topic}",
             response_shape: poem}
        """,
        ["goals[0] (id odd_shape).response_shape"],
        id="goal-bad-shape",
    ),
    pytest.param(
        f"""
        personas:
          - {_PERSONA_OK}
          - {{id: extra_key, name: E, description: d, phrasing: I am here, colour: red}}
        """,
        ["personas[1] (id extra_key).colour", "Extra inputs are not permitted"],
        id="unknown-key",
    ),
    pytest.param(
        """
        weapons: []
        """,
        ["weapons", "Extra inputs are not permitted"],
        id="unknown-kind",
    ),
    pytest.param(
        """
        personas:
          - just a string
        """,
        ["personas[0]", "dictionary"],
        id="entry-not-mapping",
    ),
    pytest.param(
        """
        - personas
        """,
        ["must be a mapping", "list"],
        id="file-not-mapping",
    ),
    pytest.param(
        """
        topics:
          - id: cat
            name: C
            description: d
            instances:
              - {id: fine, name: F, description: d, phrasing: p, safe_alternative: s}
              - {id: no_alternative, name: N, description: d, phrasing: p}
        """,
        ["topics[0] (id cat).instances[1] (id no_alternative).safe_alternative"],
        id="topic-missing-field",
    ),
    pytest.param(
        """
        topics:
          - {id: empty_cat, name: E, description: d, instances: []}
        """,
        ["topics[0] (id empty_cat).instances"],
        id="category-without-instances",
    ),
    pytest.param(
        f"""
        personas:
          - {_PERSONA_OK}
          - {_PERSONA_OK}
        """,
        ["duplicate id 'ok_persona'", "personas"],
        id="duplicate-id",
    ),
    pytest.param(
        """
        personas: [unclosed
        """,
        ["not valid YAML"],
        id="invalid-yaml",
    ),
]


@pytest.mark.parametrize(("text", "fragments"), INVALID_FILES)
def test_invalid_file_names_file_entry_field(
    tmp_path: Path, text: str, fragments: list[str]
) -> None:
    path = _write(tmp_path, text)

    with pytest.raises(DataError) as excinfo:
        load_library([path], builtin=False)

    message = str(excinfo.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"

    with pytest.raises(DataError, match="not found") as excinfo:
        load_library([path])

    assert str(path) in str(excinfo.value)


def test_library_without_tactics_raises(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        topics:
          - id: cat
            name: C
            description: d
            instances:
              - {id: topic_one, name: T, description: d, phrasing: p, safe_alternative: s}
        personas:
          - {id: p, name: P, description: d, phrasing: I am here}
        goals:
          - {id: g, name: G, description: d, phrasing: "a guide to {topic}"}
        """,
    )

    with pytest.raises(DataError, match="no tactics"):
        load_library([path], builtin=False)


def test_topic_id_in_two_categories_raises(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        topics:
          - id: my_category
            name: Mine
            description: d
            instances:
              - {id: ransomware, name: R, description: d, phrasing: p, safe_alternative: s}
        """,
    )

    with pytest.raises(DataError, match="'ransomware' appears in both categories") as excinfo:
        load_library([path])

    assert "'cybercrime'" in str(excinfo.value)
    assert "'my_category'" in str(excinfo.value)


def test_empty_file_adds_nothing(tmp_path: Path, builtin: ComponentLibrary) -> None:
    path = _write(tmp_path, "")

    assert load_library([path]).counts() == builtin.counts()
