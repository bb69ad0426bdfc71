"""Stage 1 of repair: Bradley-Terry fine-tuning of the reward model with TRL's RewardTrainer.

Training pairs are tokenized here by `encode_reward_pair`, the function the `hf` reward
backend scores with, and handed to `RewardTrainer` as `chosen_ids`/`rejected_ids`. TRL 1.16
would otherwise encode a text pair as the single string `prompt + response + eos_token`, so
a BERT-style RM would train on `[CLS] prompt response [SEP]` and be scored on
`[CLS] prompt [SEP] response [SEP]`, and a chat RM would train without its chat template.
torch, transformers, TRL, PEFT and datasets are imported inside the functions that use them.
"""

from __future__ import annotations

import logging
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ares.config import RewardModelConfig
from ares.config._models import RewardRepairConfig
from ares.errors import BackendError, ConfigError, DataError
from ares.models import RewardModel
from ares.models._hf_chat import check_model_path
from ares.models._hf_reward import HFRewardModel, encode_reward_pair, fit_max_length
from ares.repair._compat import ignore_checkpointing_deprecation
from ares.repair._data import PreferencePair, draw, finding_pairs, load_pairs, shipped_pairs
from ares.repair._distributed import (
    check_saving,
    full_weights,
    is_main_process,
    save_trained,
    wait_for_everyone,
)
from ares.store import ProbeRecord

if TYPE_CHECKING:
    from datasets import Dataset

logger = logging.getLogger(__name__)

# Share of the steps at each end whose mean loss is reported as `loss_first` / `loss_last`.
_LOSS_WINDOW = 0.1


@dataclass(frozen=True)
class RewardTrainingResult:
    """The outcome of one stage-1 training run.

    `loss_first` and `loss_last` are the mean training loss of the first and the last tenth
    of the steps (at least one step each), because a single step's loss is noisy at small
    batch sizes. `losses` has one entry per optimizer step. `seconds` is the wall time of
    the whole call: loading, encoding, training and saving.
    """

    path: Path
    method: Literal["full", "lora"]
    merged: bool
    pairs: int
    steps: int
    loss_first: float | None
    loss_last: float | None
    losses: tuple[float, ...]
    seconds: float


# --------------------------------------------------------------------------- accuracy


def pairwise_accuracy(model: RewardModel, pairs: Sequence[PreferencePair]) -> float:
    """Return the share of pairs whose chosen response the model scores strictly higher.

    A tie counts as wrong. All responses go to `model.score` in one call, which batches them.

    Raises:
        ValueError: `pairs` is empty.
    """
    if not pairs:
        raise ValueError("pairwise_accuracy needs at least one pair")
    chosen = [(pair.prompt, pair.chosen) for pair in pairs]
    rejected = [(pair.prompt, pair.rejected) for pair in pairs]
    scores = model.score(chosen + rejected)
    chosen_scores, rejected_scores = scores[: len(pairs)], scores[len(pairs) :]
    wins = sum(1 for good, bad in zip(chosen_scores, rejected_scores, strict=True) if good > bad)
    return wins / len(pairs)


def measure_reward_repair(
    before_path: str,
    after_path: str,
    heldout_findings: Sequence[ProbeRecord],
    general_eval_pairs: Sequence[PreferencePair],
    over_refusal_eval_pairs: Sequence[PreferencePair],
    *,
    reward_config: RewardModelConfig,
) -> dict[str, float | int | None]:
    """Compare the reward model before and after stage 1 on pairs it was not trained on.

    The two checkpoints are loaded one after the other through `HFRewardModel` with
    `reward_config`, so only one is in memory at a time.

    Returns:
        `heldout_accuracy_*`: held-out type A and C pairs (safe over the mentor's harmful
        response). `heldout_policy_accuracy_*`: held-out type B and C pairs (safe over the
        policy's own reply). `general_accuracy_*` and `over_refusal_accuracy_*`: the eval
        pairs given. Each has a `_before` and an `_after` key, and is None when its pair set
        is empty. `heldout_pairs`, `heldout_policy_pairs`, `general_pairs` and
        `over_refusal_pairs` are the pair counts.
    """
    heldout = finding_pairs(heldout_findings)
    pair_sets = {
        "heldout": [pair for pair in heldout if pair.source == "mentor"],
        "heldout_policy": [pair for pair in heldout if pair.source == "policy"],
        "general": list(general_eval_pairs),
        "over_refusal": list(over_refusal_eval_pairs),
    }

    metrics: dict[str, float | int | None] = {
        f"{name}_pairs": len(pairs) for name, pairs in pair_sets.items()
    }
    for label, path in (("before", before_path), ("after", after_path)):
        with full_weights():
            model = HFRewardModel(reward_config, model_path=path)
        for name, pairs in pair_sets.items():
            accuracy = pairwise_accuracy(model, pairs) if pairs else None
            metrics[f"{name}_accuracy_{label}"] = accuracy
        del model
    return metrics


# --------------------------------------------------------------------------- training mix


def build_reward_mix(
    train_findings: Sequence[ProbeRecord], config: RewardRepairConfig, seed: int
) -> list[PreferencePair]:
    """Return the shuffled stage-1 training set: finding pairs plus general and over-refusal pairs.

    With N finding pairs, `round(config.mix.general * N)` general pairs and
    `round(config.mix.over_refusal * N)` over-refusal pairs join them. They are drawn from
    `config.mix.general_data` / `config.mix.over_refusal_data` when set (see `load_pairs`),
    else from the train split of the sets shipped with ares. A draw takes distinct rows while
    the set has enough, and repeats rows only for the excess. The result is empty when the
    findings give no pairs.
    """
    rng = random.Random(seed)
    findings = finding_pairs(train_findings)
    if not findings:
        return []

    mix = config.mix
    general = draw(_mix_pool("general", mix.general_data), round(mix.general * len(findings)), rng)
    over_refusal = draw(
        _mix_pool("over_refusal", mix.over_refusal_data),
        round(mix.over_refusal * len(findings)),
        rng,
    )
    pairs = findings + general + over_refusal
    rng.shuffle(pairs)
    logger.info(
        "stage-1 mix: %d finding, %d general and %d over-refusal pairs",
        len(findings), len(general), len(over_refusal),
    )
    return pairs


def _mix_pool(
    kind: Literal["general", "over_refusal"], source: str | None
) -> list[PreferencePair]:
    if source is None:
        return shipped_pairs(kind, "train")
    # A user's rows take the label of the set they replace, so the mix can be counted by source.
    return [replace(pair, source=kind) for pair in load_pairs(source)]


# --------------------------------------------------------------------------- training


def repair_reward_model(
    model_path: str,
    train: Sequence[PreferencePair],
    out_dir: Path,
    config: RewardRepairConfig,
    *,
    seed: int,
    max_length: int,
    progress: Callable[[str], None] | None = None,
) -> RewardTrainingResult:
    """Fine-tune a one-label reward model on preference pairs and save it to `out_dir`.

    The loss is TRL's Bradley-Terry loss, -log sigmoid(r(chosen) - r(rejected)). Weights
    train in float32 on the CPU, and with bf16 autocast on a GPU that supports it.
    `method: lora` trains a PEFT adapter, and the classification head in full. With `merge`
    the adapter is merged into the weights. Without it, `out_dir` contains only the adapter
    and the tokenizer, and the adapter names the absolute `model_path` as its base, so the
    base folder must stay where it is.

    The checkpoint (safetensors and tokenizer) is written to a temporary folder next to
    `out_dir` and renamed to `out_dir` at the end, so a crash never leaves a partial
    checkpoint there. An existing `out_dir` is replaced.

    Args:
        model_path: A local folder or hub id of a sequence classifier with one label, or a
            folder with an adapter saved by an earlier `merge: false` run.
        train: The training pairs, for example from `build_reward_mix`.
        out_dir: Where the repaired checkpoint goes.
        config: The `repair.reward` section of the config.
        seed: Seed of the data order, dropout and LoRA initialisation.
        max_length: Token limit per (prompt, response). Use the reward model's scoring
            limit, so that training and scoring truncate a long pair the same way.
        progress: Called with a one-line status when training starts and after each
            optimizer step.

    Raises:
        DataError: `train` is empty.
        ConfigError: The checkpoint cannot be loaded or does not have exactly one label.
        BackendError: Training failed, for example because the device ran out of memory.
    """
    import torch

    started = time.perf_counter()
    if not train:
        raise DataError(
            "stage 1 has no training pairs: the training findings contain no type A, B or C "
            "probe. Run a discovery round that finds some, or skip the reward repair"
        )

    if config.method == "lora" and not config.merge and _is_adapter_folder(model_path):
        raise ConfigError(
            f"reward model {model_path!r} is a LoRA adapter, and `repair.reward.merge: false` "
            "would save a second adapter on top of it, which cannot be loaded. Set "
            "`repair.reward.merge: true` or `repair.reward.method: full`"
        )

    # 1. Model and tokenizer, in float32 for training.
    tokenizer, model = _load_for_training(model_path)

    if config.method == "full" and config.frozen_layers:
        freeze_lower_layers(model, config.frozen_layers, model_path)

    # 2. Encode each side exactly as `HFRewardModel` will score it.
    max_length = fit_max_length(model, max_length, model_path)
    dataset = _encode_pairs(tokenizer, train, max_length)

    # 3. The trainer, working in a temporary folder next to `out_dir`.
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work_dir = out_dir.parent / f".{out_dir.name}.partial"
    if is_main_process():
        shutil.rmtree(work_dir, ignore_errors=True)
    on_gpu = torch.cuda.is_available()
    trainer = _build_trainer(model, tokenizer, dataset, config, seed, work_dir, on_gpu, progress)

    # 4. Train.
    check_saving(trainer)
    if progress is not None:
        progress(f"reward model: training on {len(train)} pairs ({config.method})")
    try:
        trainer.train()
    except RuntimeError as exc:  # torch.OutOfMemoryError is a RuntimeError
        raise BackendError(
            f"reward model training of {model_path!r} failed: {exc}. Lower "
            "`repair.reward.batch_size` or `repair.reward.max_length`"
        ) from exc
    losses = tuple(float(entry["loss"]) for entry in trainer.state.log_history if "loss" in entry)

    # 5. Every process saves what it trained. The main process merges a LoRA adapter from
    # the saved files and moves the checkpoint into place.
    merged = config.method == "lora" and config.merge
    save_trained(trainer, work_dir / "trained")
    if is_main_process():
        if config.method == "lora":
            _save_adapter_checkpoint(
                model_path, work_dir / "trained", work_dir / "model", merge=merged
            )
        else:
            (work_dir / "trained").rename(work_dir / "model")
        _replace_folder(work_dir / "model", out_dir)
        shutil.rmtree(work_dir, ignore_errors=True)
    wait_for_everyone()

    result = RewardTrainingResult(
        path=out_dir,
        method=config.method,
        merged=merged,
        pairs=len(train),
        steps=trainer.state.global_step,
        loss_first=_window_mean(losses, first=True),
        loss_last=_window_mean(losses, first=False),
        losses=losses,
        seconds=time.perf_counter() - started,
    )
    logger.info(
        "reward model repaired: %d steps on %d pairs in %.0f s, loss %s -> %s, saved to %s",
        result.steps, result.pairs, result.seconds, result.loss_first, result.loss_last, out_dir,
    )
    return result


def _load_for_training(model_path: str) -> tuple[Any, Any]:
    """Load the tokenizer and a float32 one-label classifier, merging a saved adapter."""
    from transformers import AutoTokenizer

    check_model_path(model_path)
    local = Path(model_path).expanduser()
    # An absolute path makes a saved adapter's `base_model_name_or_path` usable from anywhere.
    source = str(local.resolve()) if local.is_dir() else model_path
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = _load_classifier(model_path, source)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"could not load reward model {model_path!r} for training: {exc}. Check that the "
            "folder holds the tokenizer and the weights of a sequence classification model"
        ) from exc
    if model.config.num_labels != 1:
        raise ConfigError(
            f"reward model {model_path!r} has num_labels={model.config.num_labels}, but "
            "Bradley-Terry training needs a sequence classifier with exactly one output"
        )

    # BERT-style tokenizers have no EOS token. TRL's text path appends one to every
    # response, so set it to SEP: the saved tokenizer then also works with plain TRL.
    if tokenizer.eos_token is None and tokenizer.sep_token is not None:
        tokenizer.eos_token = tokenizer.sep_token
    # The Trainer copies a tokenizer's EOS id into a config without one and logs that it did.
    if getattr(model.config, "eos_token_id", None) is None:
        model.config.eos_token_id = tokenizer.eos_token_id
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tokenizer.pad_token_id
    return tokenizer, model


def _load_classifier(model_path: str, source: str) -> Any:
    """Load the classifier at `source` in float32, whole, with a saved adapter merged in."""
    import torch
    from transformers import AutoModelForSequenceClassification

    with full_weights():
        if _is_adapter_folder(model_path):
            from peft import AutoPeftModelForSequenceClassification

            adapted = AutoPeftModelForSequenceClassification.from_pretrained(
                source, dtype=torch.float32
            )
            return adapted.merge_and_unload()
        return AutoModelForSequenceClassification.from_pretrained(source, dtype=torch.float32)


def freeze_lower_layers(model: Any, count: int, model_path: str) -> None:
    """Keep the embeddings and the lowest `count` transformer layers of `model` fixed.

    Finds the layer stack of encoder models (BERT's `encoder.layer`) and of decoder models
    (Llama's and Qwen's `layers`).

    Raises:
        ConfigError: The layer stack is not found, or `count` is not below its length.
    """
    base = model.base_model
    encoder = getattr(base, "encoder", None)
    layers = getattr(encoder, "layer", None) if encoder is not None else None
    if layers is None:
        layers = getattr(base, "layers", None)
    embeddings = getattr(base, "embeddings", None) or getattr(base, "embed_tokens", None)
    if layers is None or embeddings is None:
        raise ConfigError(
            f"repair.reward.frozen_layers is {count}, but the layers of reward model "
            f"{model_path!r} ({type(model).__name__}) were not found. Set frozen_layers: 0"
        )
    if count >= len(layers):
        raise ConfigError(
            f"repair.reward.frozen_layers is {count}, but reward model {model_path!r} has "
            f"only {len(layers)} layers. Set it below {len(layers)}"
        )
    for parameter in embeddings.parameters():
        parameter.requires_grad = False
    for layer in layers[:count]:
        for parameter in layer.parameters():
            parameter.requires_grad = False


def _is_adapter_folder(model_path: str) -> bool:
    """Return whether `model_path` is a folder with a PEFT adapter and no full model."""
    folder = Path(model_path).expanduser()
    return (folder / "adapter_config.json").is_file() and not (folder / "config.json").is_file()


def _encode_pairs(tokenizer: Any, pairs: Sequence[PreferencePair], max_length: int) -> Dataset:
    from datasets import Dataset

    return Dataset.from_dict(
        {
            "chosen_ids": [
                encode_reward_pair(tokenizer, pair.prompt, pair.chosen, max_length)
                for pair in pairs
            ],
            "rejected_ids": [
                encode_reward_pair(tokenizer, pair.prompt, pair.rejected, max_length)
                for pair in pairs
            ],
        }
    )


def _build_trainer(
    model: Any,
    tokenizer: Any,
    dataset: Dataset,
    config: RewardRepairConfig,
    seed: int,
    work_dir: Path,
    on_gpu: bool,
    progress: Callable[[str], None] | None,
) -> Any:
    from transformers import PrinterCallback
    from trl.trainer.reward_config import RewardConfig
    from trl.trainer.reward_trainer import RewardTrainer

    args = RewardConfig(
        output_dir=str(work_dir / "trainer"),
        learning_rate=config.learning_rate,
        num_train_epochs=config.epochs,
        max_steps=config.max_steps,
        per_device_train_batch_size=config.batch_size,
        # The ids are already truncated to the scoring limit. TRL's `max_length` would drop
        # longer pairs instead of truncating them.
        max_length=None,
        seed=seed,
        data_seed=seed,
        use_cpu=not on_gpu,
        # Mixed precision keeps float32 master weights. CPU autocast to bf16 is slow and
        # loses precision, so the CPU trains in plain float32.
        bf16=on_gpu and _gpu_supports_bf16(),
        # Checkpointing trades about 20% more compute for activation memory, which only a
        # large model on a GPU needs.
        activation_checkpointing=on_gpu,
        logging_steps=1,
        save_strategy="no",
        report_to=[],
        push_to_hub=False,
        disable_tqdm=True,
    )
    with ignore_checkpointing_deprecation():
        trainer = RewardTrainer(
            model=model,
            args=args,
            train_dataset=dataset,
            processing_class=tokenizer,
            peft_config=_peft_config(config) if config.method == "lora" else None,
        )
    # With tqdm off, the Trainer prints every log line to stdout; ares logs instead.
    trainer.remove_callback(PrinterCallback)
    if progress is not None:
        trainer.add_callback(_progress_callback(progress))
    return trainer


def _gpu_supports_bf16() -> bool:
    import torch

    return bool(torch.cuda.is_bf16_supported())


def _peft_config(config: RewardRepairConfig) -> Any:
    from peft import LoraConfig, TaskType

    # task_type SEQ_CLS also trains and saves the classification head in full.
    return LoraConfig(
        task_type=TaskType.SEQ_CLS,
        r=config.lora.r,
        lora_alpha=config.lora.alpha,
        lora_dropout=config.lora.dropout,
        target_modules=config.lora.target_modules,
    )


def _progress_callback(progress: Callable[[str], None]) -> Any:
    from transformers import TrainerCallback

    class _Progress(TrainerCallback):
        def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **_: Any) -> None:
            if logs and "loss" in logs:
                progress(
                    f"reward model: step {state.global_step}/{state.max_steps}, "
                    f"loss {float(logs['loss']):.4f}"
                )

    return _Progress()


def _save_adapter_checkpoint(
    model_path: str, adapter_dir: Path, folder: Path, *, merge: bool
) -> None:
    """Load the saved adapter onto its base and write it to `folder`, merged or as an adapter.

    The base is loaded as training loaded it, so a saved adapter names the same absolute base
    path and the same token settings.
    """
    from peft import PeftModel

    tokenizer, base = _load_for_training(model_path)
    with full_weights(), ignore_checkpointing_deprecation():
        model: Any = PeftModel.from_pretrained(base, str(adapter_dir))
    if merge:
        model = model.merge_and_unload()
    # A PEFT model saves only its adapter (with the trained head); a plain model saves all.
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)


def _replace_folder(source: Path, target: Path) -> None:
    """Move `source` to `target`, replacing a folder already there."""
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    source.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _window_mean(losses: Sequence[float], *, first: bool) -> float | None:
    if not losses:
        return None
    size = max(1, round(len(losses) * _LOSS_WINDOW))
    window = losses[:size] if first else losses[-size:]
    return sum(window) / len(window)
