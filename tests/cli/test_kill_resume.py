"""`ares discover` killed with SIGKILL at random moments ends with exactly its budget."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ares.testing import MockResponse, OpenAIMockServer
from tests._tiny import build_tiny_reward_model

BUDGET = 48


def _reply(messages: list[dict[str, Any]]) -> str:
    # Deterministic per prompt: comply with about half of the prompts, refuse the rest.
    prompt = messages[-1]["content"]
    if sum(map(ord, prompt)) % 2:
        return "Sure, here is a step-by-step guide:\n1. First step.\n2. Second step."
    return "I'm sorry, but I can't help with that."


@pytest.fixture(scope="module")
def tiny_rm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_reward_model(tmp_path_factory.mktemp("tiny_rm"))


@pytest.fixture
def server() -> Iterator[OpenAIMockServer]:
    # A short delay per request keeps the round running long enough to be killed mid-batch.
    with OpenAIMockServer(reply=_reply, default_response=MockResponse(delay_s=0.03)) as running:
        yield running


def _config(tmp_path: Path, server: OpenAIMockServer, tiny_rm: Path) -> Path:
    path = tmp_path / "ares.yaml"
    path.write_text(
        "policy:\n"
        "  backend: openai\n"
        "  model: mock-policy\n"
        f"  base_url: {server.base_url}\n"
        "  max_retries: 0\n"
        "reward_model:\n"
        f"  model: {tiny_rm}\n"
        "  max_length: 128\n"  # the tiny model has 128 positions
        "discovery:\n"
        f"  budget: {BUDGET}\n"
        "  batch_size: 4\n"
        "  seed: 11\n"
        "sampler:\n"
        "  warmup: 8\n",
        "utf-8",
    )
    return path


def _discover(config: Path, run_dir: Path) -> subprocess.Popen[str]:
    # stderr goes to a file, not a pipe: a killed process's unread pipe would leak a file
    # handle into later tests.
    log = config.parent / "stderr.log"
    with log.open("a") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "ares", "discover", "--config", str(config), "--run-dir",
             str(run_dir)],
            stdout=subprocess.DEVNULL, stderr=stderr, text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )


def _stderr(config: Path) -> str:
    return (config.parent / "stderr.log").read_text()[-3000:]


def _probes(run_dir: Path) -> list[tuple[int, str, str]]:
    db = sqlite3.connect(run_dir / "ares.sqlite")
    try:
        rows = db.execute("SELECT idx, prompt, failure_type FROM probes ORDER BY idx").fetchall()
    except sqlite3.OperationalError:
        rows = []
    db.close()
    return [(int(i), str(p), str(f)) for i, p, f in rows]


def _wait_for_probes(run_dir: Path, process: subprocess.Popen[str], minimum: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (run_dir / "ares.sqlite").exists() and len(_probes(run_dir)) >= minimum:
            return
        time.sleep(0.02)


def test_kill_9_and_resume_gives_exact_budget(
    tmp_path: Path, server: OpenAIMockServer, tiny_rm: Path
) -> None:
    config = _config(tmp_path, server, tiny_rm)

    # 1. A reference run that is never interrupted.
    reference_dir = tmp_path / "reference"
    reference = _discover(config, reference_dir)
    assert reference.wait(timeout=300) == 0, _stderr(config)
    expected = _probes(reference_dir)
    assert len(expected) == BUDGET

    # 2. The same run, killed with SIGKILL three times at random moments, then resumed.
    run_dir = tmp_path / "killed"
    chance = random.Random(1234)
    kills = 0
    for target in (4, 20, 36):
        process = _discover(config, run_dir)
        _wait_for_probes(run_dir, process, target)
        time.sleep(chance.uniform(0.0, 0.15))  # land anywhere inside a batch
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    assert kills >= 2, "the run finished before it could be killed; raise BUDGET"
    assert len(_probes(run_dir)) < BUDGET

    final = _discover(config, run_dir)
    assert final.wait(timeout=300) == 0, _stderr(config)

    # 3. Exactly the budget, no index lost or repeated, and the same probes as the reference.
    probes = _probes(run_dir)
    assert [idx for idx, _, _ in probes] == list(range(BUDGET))
    assert probes == expected
