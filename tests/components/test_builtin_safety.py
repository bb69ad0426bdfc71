"""A crude guard against operational detail in the built-in library and the template mentor.

The built-in topics name harmful subjects at the level of a policy taxonomy, and the
template mentor's harmful responses replace every specific with a bracketed placeholder.
These tests look for the most obvious sign that a real specific slipped in: a number with a
unit (a quantity, temperature, duration or dose).
"""

from __future__ import annotations

import importlib.resources
import itertools
import re

import pytest

from ares.components import AttackSpec, ComponentLibrary, load_library
from ares.mentor import TemplateMentor

_UNITS = (
    "%|°[cf]?|percent|mg|g|kg|µg|ug|mcg|ml|l|dl|cl|litres?|liters?|grams?|kilograms?|milligrams?"
    "|micrograms?|ounces?|oz|lbs?|pounds?|mol|moles?|molar|mm|cm|m|metres?|meters?|inch(?:es)?"
    "|feet|ft|ppm|psi|bar|kpa|atm|degrees?|celsius|fahrenheit|c|f|k|kelvin|hours?|hrs?|h"
    "|minutes?|mins?|seconds?|secs?|s|days?|weeks?|volts?|v|watts?|w|amps?|cups?"
    "|tablespoons?|tbsp|teaspoons?|tsp|drops?|pills?|tablets?|capsules?|doses?|units?"
    "|rounds?|grains?|parts?"
)
QUANTITY = re.compile(rf"\d+(?:[.,]\d+)?\s*(?:{_UNITS})(?![a-z])", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\[[^\[\]]*omitted\]")


@pytest.fixture(scope="module")
def library() -> ComponentLibrary:
    return load_library()


@pytest.mark.parametrize(
    "text", ["take 5 grams", "heat to 80°C", "about 2.5 ml", "wait 10 minutes", "30% solution"]
)
def test_quantity_pattern_catches_quantities(text: str) -> None:
    assert QUANTITY.search(text)


@pytest.mark.parametrize("text", ["1. Gather [specific materials omitted].", "step 2", "Wi-Fi"])
def test_quantity_pattern_ignores_numbering(text: str) -> None:
    assert not QUANTITY.search(text)


def test_builtin_files_have_no_quantities() -> None:
    root = importlib.resources.files("ares.components").joinpath("builtin")
    files = [entry for entry in root.iterdir() if entry.name.endswith(".yaml")]
    assert files

    for entry in files:
        found = QUANTITY.findall(entry.read_text("utf-8"))
        assert found == [], f"{entry.name}: {found}"


def test_builtin_phrasings_have_no_digits(library: ComponentLibrary) -> None:
    # Stricter than the quantity check: no built-in phrasing needs a number at all.
    texts = [
        *(t.phrasing for t in library.topics.values()),
        *(t.safe_alternative for t in library.topics.values()),
        *(p.phrasing for p in library.personas.values()),
        *(t.phrasing for t in library.tactics.values()),
        *(g.phrasing for g in library.goals.values()),
    ]

    assert [text for text in texts if re.search(r"\d", text)] == []


def test_harmful_responses_have_no_quantities(library: ComponentLibrary) -> None:
    # Only the harmful response imitates compliance, so it must carry placeholders and never
    # specifics. It depends on the topic, the goal and the seed but not on the tactic or the
    # persona, so every topic with every goal over a few seeds covers it.
    mentor = TemplateMentor(library)
    specs = [
        AttackSpec(library.category_of[topic], topic, "no_persona", "direct_request", goal)
        for topic, goal in itertools.product(library.topics, library.goals)
    ]

    for seed in range(3):
        outputs = mentor.compose(specs, [seed] * len(specs))
        for spec, output in zip(specs, outputs, strict=True):
            assert output is not None
            harmful = output.harmful_response
            assert QUANTITY.findall(harmful) == [], (spec, harmful)
            assert PLACEHOLDER.search(harmful), (spec, harmful)
