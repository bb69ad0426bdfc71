"""Process roles, whole-weight loading and checkpoint saving for several training processes.

The real multi-process runs (DDP and DeepSpeed ZeRO-3 under `accelerate launch`) are in
tests/loop/test_run_loop.py; these check the pieces in one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ares.errors import BackendError, ConfigError
from ares.models._hf_chat import resolve_device
from ares.repair._distributed import check_saving, full_weights, save_trained

pytest.importorskip("transformers")


@pytest.fixture
def zero3_loading() -> Iterator[None]:
    """Turn on transformers' ZeRO-3 loading, as a trainer with ZeRO-3 does, for one test."""
    from transformers.integrations.deepspeed import (
        HfDeepSpeedConfig,
        is_deepspeed_zero3_enabled,
        unset_hf_deepspeed_config,
    )

    config = HfDeepSpeedConfig({"zero_optimization": {"stage": 3}})
    assert is_deepspeed_zero3_enabled()
    yield
    del config
    unset_hf_deepspeed_config()  # type: ignore[no-untyped-call]


@pytest.mark.usefixtures("zero3_loading")
def test_full_weights_suspends_zero3_loading() -> None:
    from transformers.integrations.deepspeed import is_deepspeed_zero3_enabled

    with full_weights():
        assert not is_deepspeed_zero3_enabled()
    assert is_deepspeed_zero3_enabled()


@pytest.mark.usefixtures("zero3_loading")
def test_full_weights_restores_the_setting_after_an_error() -> None:
    from transformers.integrations.deepspeed import is_deepspeed_zero3_enabled

    with pytest.raises(RuntimeError), full_weights():
        raise RuntimeError("load failed")
    assert is_deepspeed_zero3_enabled()


def _deepspeed_trainer(zero: dict[str, Any]) -> Any:
    plugin = SimpleNamespace(deepspeed_config={"zero_optimization": zero})
    return SimpleNamespace(
        is_deepspeed_enabled=True,
        accelerator=SimpleNamespace(state=SimpleNamespace(deepspeed_plugin=plugin)),
    )


def test_check_saving_refuses_zero3_without_gathering() -> None:
    with pytest.raises(ConfigError, match="zero3_save_16bit_model: true"):
        check_saving(_deepspeed_trainer({"stage": 3}))


@pytest.mark.parametrize(
    "zero",
    [
        {"stage": 3, "stage3_gather_16bit_weights_on_model_save": True},
        {"stage": 2},
    ],
)
def test_check_saving_accepts_settings_that_save_whole_weights(zero: dict[str, Any]) -> None:
    check_saving(_deepspeed_trainer(zero))


def test_check_saving_ignores_trainers_without_deepspeed() -> None:
    check_saving(SimpleNamespace(is_deepspeed_enabled=False))


class _Trainer:
    """A stand-in that writes what `Trainer.save_model` writes: the args, and weights if set."""

    def __init__(self, *, weights: bool) -> None:
        self.weights = weights

    def save_model(self, output_dir: str) -> None:
        folder = Path(output_dir)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "training_args.bin").write_bytes(b"args")
        if self.weights:
            (folder / "model.safetensors").write_bytes(b"weights")


def test_save_trained_replaces_folder(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "stale.txt").write_text("old")

    save_trained(_Trainer(weights=True), folder)

    assert sorted(path.name for path in folder.iterdir()) == ["model.safetensors"]


def test_save_trained_without_weights_raises(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="saved no weights"):
        save_trained(_Trainer(weights=False), tmp_path / "saved")


def test_auto_device_is_the_process_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setenv("LOCAL_RANK", "3")
    assert resolve_device("auto") == torch.device("cuda", 3)
    monkeypatch.delenv("LOCAL_RANK")
    assert resolve_device("auto") == torch.device("cuda", 0)


@pytest.mark.parametrize("name", ["deepspeed_zero2.yaml", "deepspeed_zero3.yaml"])
def test_shipped_accelerate_configs_load(name: str) -> None:
    from accelerate.commands.config.config_args import load_config_from_file

    path = Path(__file__).parents[2] / "examples" / "accelerate" / name
    config = load_config_from_file(str(path))

    assert config.distributed_type == "DEEPSPEED"
    if name == "deepspeed_zero3.yaml":
        assert config.deepspeed_config["zero_stage"] == 3
        assert config.deepspeed_config["zero3_save_16bit_model"] is True
        assert config.deepspeed_config["zero3_init_flag"] is False
