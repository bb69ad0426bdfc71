"""Tests of building chat and reward models from config sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from ares.config import ChatModelConfig, RewardModelConfig
from ares.errors import ConfigError
from ares.models import HFChatModel, HFRewardModel, _factory, build_chat_model, build_reward_model
from ares.models._openai import OpenAIChatModel
from tests.models.conftest import save_tiny_bert_rm

SERVER = "http://127.0.0.1:9/v1"  # never contacted: building a model sends no request


def test_hf_backend_builds_hf_chat_model(tiny_chat_path: Path) -> None:
    config = ChatModelConfig(model=str(tiny_chat_path), device="cpu")

    model = build_chat_model(config)

    assert isinstance(model, HFChatModel)
    assert model.identity == f"hf:{tiny_chat_path}"


def test_embedded_chat_name_is_resolved(
    tiny_chat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved: list[str] = []

    def fake_resolve(name: str, *, progress: object = None) -> Path:
        resolved.append(name)
        return tiny_chat_path

    monkeypatch.setattr(_factory, "resolve_embedded", fake_resolve)

    model = build_chat_model(ChatModelConfig(device="cpu"))

    assert resolved == ["ares:smollm2-135m-instruct"]
    assert model.identity == "hf:ares:smollm2-135m-instruct"


def test_embedded_reward_name_is_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = save_tiny_bert_rm(tmp_path / "rm")
    monkeypatch.setattr(_factory, "resolve_embedded", lambda name, progress=None: folder)

    model = build_reward_model(RewardModelConfig(device="cpu"))

    assert isinstance(model, HFRewardModel)
    assert model.identity == "hf:ares:minilm-rm"


def test_unknown_embedded_name_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown embedded model"):
        build_reward_model(RewardModelConfig(model="ares:no-such-rm"))


def test_openai_backend_reads_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARES_TEST_KEY", "sk-test-secret")
    config = ChatModelConfig(
        backend="openai", model="served", base_url=SERVER, api_key_env="ARES_TEST_KEY"
    )

    model = build_chat_model(config, default_concurrency=3)

    assert isinstance(model, OpenAIChatModel)
    assert model._api_key == "sk-test-secret"
    assert model._concurrency == 3


def test_openai_concurrency_from_config_wins() -> None:
    config = ChatModelConfig(backend="openai", model="served", base_url=SERVER, concurrency=5)

    model = build_chat_model(config, default_concurrency=3)

    assert isinstance(model, OpenAIChatModel)
    assert model._concurrency == 5
    assert model._api_key is None


def test_missing_key_variable_raises_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARES_TEST_MISSING_KEY", raising=False)
    config = ChatModelConfig(
        backend="openai", model="served", base_url=SERVER, api_key_env="ARES_TEST_MISSING_KEY"
    )

    with pytest.raises(ConfigError, match="ARES_TEST_MISSING_KEY"):
        build_chat_model(config)


def test_import_of_ares_models_skips_torch() -> None:
    import subprocess
    import sys

    code = "import sys, ares.models; print('torch' in sys.modules, 'transformers' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.split() == ["False", "False"]


def test_models_all_is_sorted_and_public() -> None:
    import ares.models

    public = {name for name in vars(ares.models) if not name.startswith("_")}
    public -= {"annotations"}

    assert sorted(ares.models.__all__) == ares.models.__all__
    assert set(ares.models.__all__) <= public
    for name in ("HFChatModel", "HFRewardModel", "build_chat_model", "resolve_embedded"):
        assert name in ares.models.__all__
