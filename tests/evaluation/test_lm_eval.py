"""lm-evaluation-harness: the arguments ares passes, the results it keeps, and its errors."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from ares.config import ChatModelConfig, LmEvalConfig, RewardModelConfig
from ares.errors import ConfigError
from ares.evaluation import EvalSystem
from ares.evaluation._lm_eval import run_lm_eval
from ares.store import RunStore


def _system(tmp_path: Path, backend: str = "hf") -> EvalSystem:
    policy = (
        ChatModelConfig(model=str(tmp_path / "policy"))
        if backend == "hf"
        else ChatModelConfig(backend="openai", model="served", base_url="http://127.0.0.1:9/v1")
    )
    return EvalSystem(
        name="repaired", policy=policy, reward_model=RewardModelConfig(),
        policy_key=f"{backend}:policy", reward_key="hf:rm", after_round=1,
    )


@pytest.fixture
def fake_harness(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def simple_evaluate(**kwargs: Any) -> dict[str, Any]:
        calls.append(kwargs)
        return {"results": {"gsm8k": {
            "alias": "gsm8k", "exact_match,strict-match": 0.25,
            "exact_match_stderr,strict-match": 0.05,
        }}}

    module = types.ModuleType("lm_eval")
    module.simple_evaluate = simple_evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "lm_eval", module)
    return calls


def test_lm_eval_passes_tasks_and_keeps_results(
    tmp_path: Path, fake_harness: list[dict[str, Any]]
) -> None:
    config = LmEvalConfig(enabled=True, tasks=["gsm8k"], limit=5, batch_size=2)
    with RunStore.open(tmp_path / "run") as store:
        first = run_lm_eval(store, _system(tmp_path), config, progress=lambda _: None)
        again = run_lm_eval(store, _system(tmp_path), config, progress=lambda _: None)

    assert first == {"gsm8k": {"exact_match": 0.25}}
    assert again == first
    (call,) = fake_harness  # the second call reads the store
    assert call["model"] == "hf"
    assert call["model_args"] == f"pretrained={tmp_path / 'policy'}"
    assert call["tasks"] == ["gsm8k"]
    assert call["limit"] == 5
    assert call["batch_size"] == 2


def test_lm_eval_needs_a_local_policy(tmp_path: Path, fake_harness: list[Any]) -> None:
    with RunStore.open(tmp_path / "run") as store, pytest.raises(ConfigError, match="hf"):
        run_lm_eval(store, _system(tmp_path, "openai"), LmEvalConfig(enabled=True),
                    progress=lambda _: None)


def test_lm_eval_missing_package_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "lm_eval", None)  # import raises ImportError
    with RunStore.open(tmp_path / "run") as store, pytest.raises(ConfigError, match="lm-eval"):
        run_lm_eval(store, _system(tmp_path), LmEvalConfig(enabled=True),
                    progress=lambda _: None)
