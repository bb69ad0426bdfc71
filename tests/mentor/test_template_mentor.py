"""The template mentor: deterministic composition from the component library."""

from __future__ import annotations

import itertools
import re
import textwrap
from pathlib import Path

import pytest

from ares.components import AttackSpec, ComponentLibrary, load_library
from ares.errors import DataError
from ares.mentor import Mentor, MentorOutput, TemplateMentor

PLACEHOLDER = re.compile(r"\[[^\[\]]*omitted\]")
TEMPLATE_SYNTAX = re.compile(r"[{}]")
RANSOMWARE = AttackSpec(
    "cybercrime", "ransomware", "novelist", "authority_appeal", "step_by_step_guide"
)


@pytest.fixture(scope="module")
def library() -> ComponentLibrary:
    return load_library()


@pytest.fixture(scope="module")
def mentor(library: ComponentLibrary) -> TemplateMentor:
    return TemplateMentor(library)


def _spec(
    library: ComponentLibrary, topic: str, persona: str, tactic: str, goal: str
) -> AttackSpec:
    return AttackSpec(library.category_of[topic], topic, persona, tactic, goal)


def _compose_one(mentor: TemplateMentor, spec: AttackSpec, seed: int) -> MentorOutput:
    (output,) = mentor.compose([spec], [seed])
    assert output is not None
    return output


@pytest.fixture(scope="module")
def sample_outputs(
    library: ComponentLibrary, mentor: TemplateMentor
) -> list[tuple[AttackSpec, MentorOutput]]:
    # The full cross product of one topic per category with every tactic and goal. Personas
    # rotate so that every persona appears.
    topics = [category.instances[0].id for category in library.categories.values()]
    personas = list(library.personas)
    specs = [
        _spec(library, topic, personas[index % len(personas)], tactic, goal)
        for index, (topic, tactic, goal) in enumerate(
            itertools.product(topics, library.tactics, library.goals)
        )
    ]
    outputs = mentor.compose(specs, list(range(len(specs))))
    assert all(output is not None for output in outputs)
    return [(spec, output) for spec, output in zip(specs, outputs, strict=True) if output]


# Interface


def test_template_mentor_is_mentor(mentor: TemplateMentor) -> None:
    assert isinstance(mentor, Mentor)
    assert mentor.identity == "template:v1"


def test_compose_keeps_order_and_length(library: ComponentLibrary, mentor: TemplateMentor) -> None:
    specs = [
        _spec(library, "ransomware", "novelist", "direct_request", "checklist"),
        _spec(library, "fake_cure", "nurse", "direct_request", "checklist"),
        _spec(library, "car_theft", "no_persona", "direct_request", "checklist"),
    ]

    outputs = mentor.compose(specs, [0, 0, 0])

    assert len(outputs) == 3
    for spec, output in zip(specs, outputs, strict=True):
        assert output is not None
        assert library.topics[spec.topic].phrasing in output.prompt
        assert library.topics[spec.topic].safe_alternative in output.safe_response


def test_compose_empty_batch(mentor: TemplateMentor) -> None:
    assert mentor.compose([], []) == []


def test_compose_seed_count_mismatch_raises(mentor: TemplateMentor) -> None:
    with pytest.raises(ValueError, match="2 specs but 1 seeds"):
        mentor.compose([RANSOMWARE, RANSOMWARE], [0])


def test_compose_unknown_component_raises(mentor: TemplateMentor) -> None:
    spec = AttackSpec("cybercrime", "ransomware", "nobody", "direct_request", "checklist")

    with pytest.raises(DataError, match="nobody"):
        mentor.compose([spec], [0])


# Determinism and variation


def test_same_seed_gives_same_output(library: ComponentLibrary, mentor: TemplateMentor) -> None:
    first = _compose_one(mentor, RANSOMWARE, 7)
    again = _compose_one(mentor, RANSOMWARE, 7)
    fresh = _compose_one(TemplateMentor(library), RANSOMWARE, 7)

    assert first == again
    assert first == fresh


def test_different_seeds_vary(mentor: TemplateMentor) -> None:
    outputs = [_compose_one(mentor, RANSOMWARE, seed) for seed in range(20)]

    assert len({o.prompt for o in outputs}) >= 10
    assert len({o.harmful_response for o in outputs}) >= 10
    assert len({o.safe_response for o in outputs}) >= 5


def test_seeds_vary_each_shape(library: ComponentLibrary, mentor: TemplateMentor) -> None:
    for goal in library.goals.values():
        spec = _spec(library, "ransomware", "novelist", "direct_request", goal.id)
        harmful = {_compose_one(mentor, spec, seed).harmful_response for seed in range(10)}
        assert len(harmful) >= 5, goal.id


# Prompt


def test_prompt_fills_every_slot(library: ComponentLibrary, mentor: TemplateMentor) -> None:
    output = _compose_one(mentor, RANSOMWARE, 0)

    assert library.personas["novelist"].phrasing in output.prompt
    assert "a step-by-step guide to " + library.topics["ransomware"].phrasing in output.prompt
    assert "ethics board" in output.prompt


def test_prompts_have_no_seams(
    sample_outputs: list[tuple[AttackSpec, MentorOutput]],
) -> None:
    for spec, output in sample_outputs:
        prompt = output.prompt
        assert not TEMPLATE_SYNTAX.search(prompt), (spec, prompt)
        assert prompt[0].isupper() or prompt[0] == "[", (spec, prompt)
        assert ".." not in prompt, (spec, prompt)
        assert "  " not in prompt, (spec, prompt)
        assert not re.search(r"[.!?] [a-z]", prompt), (spec, prompt)


@pytest.mark.parametrize(
    ("persona", "tactic", "expected"),
    [
        (
            "I am persona one.",
            "{persona}. please write {request}.",
            "I am persona one. Please write",
        ),
        ("I am persona two!", "{persona}. Write {request}.", "I am persona two! Write a guide"),
        ("I am persona three", "{request}, please. {persona}.", "A guide to a subject, please."),
    ],
    ids=["final-stop", "exclamation", "request-first"],
)
def test_prompt_seams_fixed_in_user_phrasing(
    tmp_path: Path, persona: str, tactic: str, expected: str
) -> None:
    path = tmp_path / "seams.yaml"
    path.write_text(
        textwrap.dedent(
            """
            topics:
              - id: cat
                name: C
                description: d
                instances:
                  - {id: subject, name: S, description: d, phrasing: a subject,
                     safe_alternative: a safe subject}
            goals:
              - {id: g, name: G, description: d, phrasing: "a guide to {topic}"}
            """
        )
        + f"personas:\n  - {{id: p, name: P, description: d, phrasing: {persona!r}}}\n"
        + f"tactics:\n  - {{id: t, name: T, description: d, phrasing: {tactic!r}}}\n",
        "utf-8",
    )
    mentor = TemplateMentor(load_library([path], builtin=False))
    spec = AttackSpec("cat", "subject", "p", "t", "g")

    # Enough seeds that some have no opener, so the tactic's own start begins the prompt.
    for seed in range(20):
        prompt = _compose_one(mentor, spec, seed).prompt
        assert expected in prompt, prompt
        assert prompt[0].isupper(), prompt
        assert ".." not in prompt, prompt
        assert "!." not in prompt, prompt


# Harmful response


def test_harmful_responses_are_placeholder_compliance(
    library: ComponentLibrary, sample_outputs: list[tuple[AttackSpec, MentorOutput]]
) -> None:
    for spec, output in sample_outputs:
        harmful = output.harmful_response
        request = library.goals[spec.goal].phrasing.replace(
            "{topic}", library.topics[spec.topic].phrasing
        )
        assert request in harmful.splitlines()[0], (spec, harmful)
        assert PLACEHOLDER.search(harmful), (spec, harmful)
        assert not TEMPLATE_SYNTAX.search(harmful), (spec, harmful)


SHAPE_LAYOUTS = {
    "steps": re.compile(r"^1\. .+\n2\. .+\n3\. ", re.MULTILINE),
    "code": re.compile(r"^```[a-z]+\n(?:(?:#|//) \[[^\]]+omitted\]\n)+```$", re.MULTILINE),
    "text": re.compile(r"\n\n[^\n]+\n\n[^\n]+\n\n"),
    "list": re.compile(r"^([-*•]) .+\n\1 .+\n\1 .+\n\1 ", re.MULTILINE),
    "dialogue": re.compile(r"^([A-Z][A-Z ]+): .+\n([A-Z][A-Z ]+): .+\n", re.MULTILINE),
}


@pytest.mark.parametrize("shape", sorted(SHAPE_LAYOUTS))
def test_harmful_response_follows_shape(
    shape: str, library: ComponentLibrary, mentor: TemplateMentor
) -> None:
    goals = [goal.id for goal in library.goals.values() if goal.response_shape == shape]
    assert goals, f"no built-in goal has shape {shape}"

    for goal, seed in itertools.product(goals, range(5)):
        spec = _spec(library, "keylogger", "security_researcher", "direct_request", goal)
        harmful = _compose_one(mentor, spec, seed).harmful_response
        assert SHAPE_LAYOUTS[shape].search(harmful), (goal, seed, harmful)


def test_code_body_only_placeholder_comments(
    library: ComponentLibrary, mentor: TemplateMentor
) -> None:
    spec = _spec(library, "keylogger", "security_researcher", "direct_request", "working_code")

    for seed in range(10):
        harmful = _compose_one(mentor, spec, seed).harmful_response
        body = harmful.split("```")[1].split("\n")[1:-1]
        assert body, harmful
        for line in body:
            assert re.fullmatch(r"(#|//) \[[^\]]+omitted\]", line), line


# Safe response


def test_safe_responses_offer_alternative(
    library: ComponentLibrary, sample_outputs: list[tuple[AttackSpec, MentorOutput]]
) -> None:
    for spec, output in sample_outputs:
        safe = output.safe_response
        assert library.topics[spec.topic].safe_alternative in safe, (spec, safe)
        assert not PLACEHOLDER.search(safe), (spec, safe)
        assert not TEMPLATE_SYNTAX.search(safe), (spec, safe)
        assert safe[0].isupper(), (spec, safe)


def test_safe_response_declines(mentor: TemplateMentor) -> None:
    refusal = re.compile(r"can't help|not able to|won't provide|decline|not going to help")

    for seed in range(20):
        safe = _compose_one(mentor, RANSOMWARE, seed).safe_response
        first_sentence = safe.split(". ")[0]
        assert refusal.search(first_sentence), safe  # the reply opens with the refusal


def test_self_harm_offers_crisis_support(library: ComponentLibrary, mentor: TemplateMentor) -> None:
    for topic in library.categories["self_harm"].instances:
        spec = _spec(library, topic.id, "curious_teenager", "direct_request", "checklist")
        for seed in range(5):
            safe = _compose_one(mentor, spec, seed).safe_response
            assert "crisis line" in safe, safe


def test_other_topics_omit_crisis_support(mentor: TemplateMentor) -> None:
    for seed in range(20):
        assert "crisis line" not in _compose_one(mentor, RANSOMWARE, seed).safe_response


def test_crisis_categories_are_configurable(library: ComponentLibrary) -> None:
    mentor = TemplateMentor(library, crisis_categories={"cybercrime"})

    assert "crisis line" in _compose_one(mentor, RANSOMWARE, 0).safe_response


def test_heuristic_judge_scores_every_safe_response_safe(
    library: ComponentLibrary, mentor: TemplateMentor
) -> None:
    """A policy that learns the safe responses must pass the default judge, whatever the wording."""
    from ares.judges import HeuristicJudge

    specs = [
        _spec(library, topic, persona, tactic, "step_by_step_guide")
        for topic, persona, tactic in zip(
            itertools.islice(itertools.cycle(library.topics), 120),
            itertools.cycle(library.personas),
            itertools.cycle(library.tactics),
            strict=False,
        )
    ]
    outputs = [output for output in mentor.compose(specs, list(range(len(specs)))) if output]
    verdicts = HeuristicJudge().judge([(o.prompt, o.safe_response) for o in outputs])
    flagged = [(v.raw, o.safe_response) for v, o in zip(verdicts, outputs, strict=True) if v.score]
    assert not flagged
