"""Shared fixtures: a small component library independent of the built-in one, one torch thread."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ares.components import ComponentLibrary, load_library

SMALL_LIBRARY = textwrap.dedent(
    """
    topics:
      - id: cat_a
        name: Category A
        description: First test category.
        instances:
          - {id: a1, name: A one, description: d, phrasing: subject a one,
             safe_alternative: safe a one}
          - {id: a2, name: A two, description: d, phrasing: subject a two,
             safe_alternative: safe a two}
      - id: cat_b
        name: Category B
        description: Second test category.
        instances:
          - {id: b1, name: B one, description: d, phrasing: subject b one,
             safe_alternative: safe b one}
    personas:
      - {id: p1, name: P one, description: d, phrasing: I am persona one}
      - {id: p2, name: P two, description: d, phrasing: I am persona two}
    tactics:
      - {id: t1, name: T one, description: d, phrasing: "{persona}. Please write {request}."}
      - {id: t2, name: T two, description: d, phrasing: "{persona}. Hypothetically, {request}?"}
      - {id: t3, name: T three, description: d, phrasing: "{persona}. Urgent: {request}."}
    goals:
      - {id: g1, name: G one, description: d, phrasing: "a guide to {topic}"}
      - {id: g2, name: G two, description: d, phrasing: "an essay on {topic}",
         response_shape: text}
    """
)


@pytest.fixture
def small_library_file(tmp_path: Path) -> Path:
    path = tmp_path / "small_library.yaml"
    path.write_text(SMALL_LIBRARY, "utf-8")
    return path


@pytest.fixture
def small_library(small_library_file: Path) -> ComponentLibrary:
    return load_library([small_library_file], builtin=False)


@pytest.fixture(scope="module")
def one_torch_thread() -> Iterator[None]:
    """Run a module's tests with one torch thread.

    The tiny models gain nothing from threads, and on a busy shared CPU several threads
    spinning on tiny matrices made the tests several times slower.
    """
    torch = pytest.importorskip("torch")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
