"""Stage 2 of repair: a supervised warm start, then Dr. GRPO against the repaired RM, or DPO.

Every trainer is TRL's (`SFTTrainer`, `GRPOTrainer`, `DPOTrainer`) with a LoRA adapter from
PEFT. The warm start trains an adapter on the reference responses. GRPO or DPO then keeps
training that same adapter, and TRL copies it into a frozen `ref` adapter, so the KL term and
the DPO reference are the warm-started policy. The result is one adapter over the original
policy, saved merged into a full causal LM folder or as the adapter itself.

torch, transformers, datasets, peft and trl are imported inside the functions that use them,
so importing `ares` stays fast.
"""

from __future__ import annotations

import contextlib
import logging
import math
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ares.config._models import (
    LoraConfig,
    PolicyRepairConfig,
    RewardModelConfig,
    WarmStartConfig,
)
from ares.errors import ConfigError, DataError
from ares.repair._compat import ignore_checkpointing_deprecation
from ares.repair._data import PreferencePair, PromptItem
from ares.repair._distributed import (
    check_saving,
    full_weights,
    is_main_process,
    save_trained,
    training_device,
    wait_for_everyone,
)

logger = logging.getLogger(__name__)

# Receives one line per optimiser step and per phase, for a progress display.
ProgressCallback = Callable[[str], None]

# A TRL reward function: called with `prompts` and `completions` (message lists, as TRL
# passes conversational data) and extra keywords, returns one reward per completion.
RewardFunction = Callable[..., list[float]]


@dataclass(frozen=True)
class WarmStartResult:
    """Outcome of the supervised warm start.

    `loss_first` and `loss_last` are the mean training loss over the first and the last
    tenth of the steps (at least one step each). `adapter_path` is the folder of the
    trained LoRA adapter (PEFT format) for the policy the warm start started from.
    """

    steps: int
    loss_first: float | None
    loss_last: float | None
    seconds: float
    adapter_path: Path


@dataclass(frozen=True)
class PolicyTrainingResult:
    """Outcome of one GRPO or DPO run.

    `mean_reward_before` and `mean_reward_after` are the mean reward-model scores of the
    policy's greedy replies to a fixed sample of the training prompts, before and after
    training. They are None when no reward model was given. `kl` is the last KL to the
    reference policy that TRL logged, or None. `log_history` contains the numeric fields of
    each TRL log record, in order.
    """

    method: Literal["grpo", "dpo"]
    steps: int
    mean_reward_before: float | None
    mean_reward_after: float | None
    kl: float | None
    seconds: float
    model_path: Path
    log_history: tuple[dict[str, float], ...] = field(default=())


@dataclass(frozen=True)
class PolicyRepairResult:
    """Outcome of stage 2: the optional warm start, then GRPO or DPO.

    `steps`, the rewards and `kl` are those of the GRPO or DPO run (`training`); `seconds`
    covers both phases, and `model_path` is the final policy.
    """

    method: Literal["grpo", "dpo"]
    steps: int
    mean_reward_before: float | None
    mean_reward_after: float | None
    kl: float | None
    seconds: float
    model_path: Path
    warm_start: WarmStartResult | None
    training: PolicyTrainingResult


# The mean reward before and after training is measured on at most this many training prompts.
# Each measurement generates greedily for all of them, so a larger sample costs CPU minutes.
REWARD_SAMPLE_SIZE = 16


def repair_policy(
    policy_path: str,
    reward_model_path: str | None,
    prompts: Sequence[PromptItem],
    warm_start_examples: Sequence[PromptItem],
    dpo_pairs: Sequence[PreferencePair],
    out_dir: Path,
    config: PolicyRepairConfig,
    *,
    seed: int,
    reward_config: RewardModelConfig | None = None,
    progress: ProgressCallback | None = None,
) -> PolicyRepairResult:
    """Run stage 2 as configured: the warm start if enabled, then GRPO or DPO.

    The warm-start adapter is written to `out_dir / "warm_start"` and the final policy to
    `out_dir / "model"`: a full causal LM folder when `config.merge` is set, otherwise a
    LoRA adapter folder that names `policy_path` as its base (transformers with PEFT loads
    it through `AutoModelForCausalLM.from_pretrained`).

    Args:
        policy_path: Folder or hub id of the policy, a transformers causal LM with a chat
            template.
        reward_model_path: Folder of the repaired reward model. GRPO needs it; DPO uses it
            only to measure the mean reward before and after.
        prompts: GRPO training prompts (finding, general and over-refusal prompts).
        warm_start_examples: Prompts with reference responses for the warm start.
        dpo_pairs: DPO preference pairs.
        out_dir: Folder for the warm-start adapter and the final policy.
        config: The stage 2 section of the config.
        seed: Seed of sampling and training.
        reward_config: How to load the reward model (dtype, device, batch size, max length);
            its `model` field is ignored. Unset uses the defaults.
        progress: Called at each optimiser step and at the start of each phase.

    Raises:
        ConfigError: A setting cannot work, for example a batch size that is not a multiple
            of the group size, or GRPO without a reward model.
        DataError: A training set is empty.
    """
    started = time.perf_counter()

    # 0. Check the settings of the second phase before the warm start spends minutes.
    if config.method == "grpo":
        if reward_model_path is None:
            raise ConfigError(
                "repair.policy.method is `grpo`, but no reward model path was given. GRPO "
                "needs the repaired reward model as its reward; set method: dpo to train "
                "without one"
            )
        _check_grpo_settings(config, prompts)
    else:
        _check_dpo_pairs(dpo_pairs)
    if config.warm_start.enabled:
        _check_warm_start_examples(warm_start_examples)
    out_dir.mkdir(parents=True, exist_ok=True)

    # 1. Mean reward of the policy as it was, then the warm start on the reference responses.
    warm: WarmStartResult | None = None
    reward_start: float | None = None
    if config.warm_start.enabled and reward_model_path is not None:
        reward_start = _starting_reward(
            policy_path, reward_model_path, reward_config, prompts, dpo_pairs, config, seed,
            progress,
        )
    if config.warm_start.enabled:
        warm = warm_start(
            policy_path, list(warm_start_examples), out_dir / "warm_start", config.warm_start,
            config.lora, seed=seed, max_length=config.max_length, progress=progress,
        )
    init_adapter = warm.adapter_path if warm is not None else None

    # 2. GRPO against the reward model, or DPO on the pairs, continuing the warm-start adapter.
    if config.method == "grpo":
        assert reward_model_path is not None  # checked above
        training = grpo(
            policy_path, reward_model_path, list(prompts), out_dir / "model", config,
            seed=seed, reward_config=reward_config, progress=progress, init_adapter=init_adapter,
            measure_before=warm is None,
        )
    else:
        training = dpo(
            policy_path, list(dpo_pairs), out_dir / "model", config, seed=seed,
            reward_model_path=reward_model_path, reward_config=reward_config,
            progress=progress, init_adapter=init_adapter, measure_before=warm is None,
        )
    if warm is not None:
        # The reward before is that of the policy before the warm start, not after it.
        training = replace(training, mean_reward_before=reward_start)

    return PolicyRepairResult(
        method=training.method,
        steps=training.steps,
        mean_reward_before=training.mean_reward_before,
        mean_reward_after=training.mean_reward_after,
        kl=training.kl,
        seconds=time.perf_counter() - started,
        model_path=training.model_path,
        warm_start=warm,
        training=training,
    )


def _starting_reward(
    policy_path: str,
    reward_model_path: str,
    reward_config: RewardModelConfig | None,
    prompts: Sequence[PromptItem],
    dpo_pairs: Sequence[PreferencePair],
    config: PolicyRepairConfig,
    seed: int,
    progress: ProgressCallback | None,
) -> float | None:
    """Return the mean reward of the untrained policy on the sample GRPO or DPO measures."""
    texts = (
        [item.prompt for item in prompts]
        if config.method == "grpo"
        else sorted({pair.prompt for pair in dpo_pairs})
    )
    sample = _reward_sample(texts, seed)
    reward_fn = RewardModelReward(reward_model_path, reward_config or RewardModelConfig())
    model, tokenizer = _load_policy(policy_path)
    try:
        return _mean_reward(
            model, tokenizer, sample, reward_fn, config.max_new_tokens, progress, "starting"
        )
    finally:
        del model, reward_fn


def warm_start(
    policy_path: str,
    examples: list[PromptItem],
    out_dir: Path,
    config: WarmStartConfig,
    lora: LoraConfig,
    *,
    seed: int,
    max_length: int = 512,
    progress: ProgressCallback | None = None,
) -> WarmStartResult:
    """Fine-tune a LoRA adapter on (prompt, reference) pairs with TRL's `SFTTrainer`.

    Each example is a one-turn conversation rendered with the policy's chat template; the
    loss covers the reply tokens only (TRL's completion-only loss on prompt-completion
    data). The adapter, not a merged model, is written to `out_dir`.

    Args:
        policy_path: Folder or hub id of the policy.
        examples: Prompts with a `reference` response; items without one are skipped.
        out_dir: Folder for the adapter; replaced if it exists.
        config: Epochs, learning rate and batch size.
        lora: Adapter rank, alpha, dropout and target modules.
        seed: Seed of shuffling, dropout and adapter initialisation.
        max_length: Token limit per rendered example; longer ones lose their end.
        progress: Called at each optimiser step.

    Raises:
        DataError: No example has a reference response.
    """
    from datasets import Dataset
    from trl.trainer.sft_config import SFTConfig
    from trl.trainer.sft_trainer import SFTTrainer

    started = time.perf_counter()

    # 1. Data: one-turn conversations, prompt and completion apart so the loss skips the prompt.
    _check_warm_start_examples(examples)
    rows = [
        {
            "prompt": _conversation(item.prompt),
            "completion": [{"role": "assistant", "content": item.reference}],
        }
        for item in examples
        if item.reference
    ]
    steps = math.ceil(config.epochs * math.ceil(len(rows) / config.batch_size))
    if config.max_steps > 0:
        steps = min(steps, config.max_steps)

    # 2. Model, tokenizer and trainer.
    model, tokenizer = _load_policy(policy_path)
    with _training_context(out_dir) as scratch:
        args = SFTConfig(
            **_common_args(scratch, seed),
            learning_rate=config.learning_rate,
            per_device_train_batch_size=config.batch_size,
            max_steps=steps,
            max_length=max_length,
            completion_only_loss=True,
            shuffle_dataset=True,
        )
        trainer = SFTTrainer(
            model=model,
            args=args,
            train_dataset=Dataset.from_list(rows),
            processing_class=tokenizer,
            peft_config=_peft_config(lora, model),
        )
        _prepare_callbacks(trainer, "warm start", progress)
        check_saving(trainer)

        # 3. Train and save the adapter.
        trainer.train()
        staging = _staging_folder(out_dir)
        save_trained(trainer, staging)
        if is_main_process():
            with _atomic_folder(out_dir) as folder:
                _move_contents(staging, folder)
        wait_for_everyone()

    losses = [entry["loss"] for entry in _numeric_log(trainer.state.log_history) if "loss" in entry]
    result = WarmStartResult(
        steps=trainer.state.global_step,
        loss_first=_window_mean(losses, first=True),
        loss_last=_window_mean(losses, first=False),
        seconds=time.perf_counter() - started,
        adapter_path=out_dir,
    )
    logger.info(
        "warm start: %d steps on %d examples, loss %s -> %s, %.0f s",
        result.steps, len(rows), result.loss_first, result.loss_last, result.seconds,
    )
    return result


def grpo(
    policy_path: str,
    reward_model_path: str,
    prompts: list[PromptItem],
    out_dir: Path,
    config: PolicyRepairConfig,
    *,
    seed: int,
    reward_config: RewardModelConfig | None = None,
    progress: ProgressCallback | None = None,
    init_adapter: Path | None = None,
    reward_fn: RewardFunction | None = None,
    measure_before: bool = True,
) -> PolicyTrainingResult:
    """Optimise the policy with TRL's `GRPOTrainer` in its Dr. GRPO form.

    In the Dr. GRPO form, as TRL 1.16's `GRPOConfig` documents it, the token losses are
    divided by a constant (`max_completion_length`) instead of each completion's length
    (`loss_type="dr_grpo"`), and advantages are not divided by the group's reward standard
    deviation (`scale_rewards="none"`). This removes GRPO's length bias and its bias towards
    questions whose rewards vary little. Each step samples `config.batch_size` completions,
    `config.group_size` per prompt, scores them with the reward model and takes one
    optimiser step with KL coefficient `config.kl` towards the starting policy.

    Args:
        policy_path: Folder or hub id of the policy.
        reward_model_path: Folder of the reward model, a sequence classifier with one label.
        prompts: Training prompts; only `prompt` is used.
        out_dir: Folder for the trained policy; replaced if it exists.
        config: The stage 2 section of the config.
        seed: Seed of sampling and training.
        reward_config: How to load the reward model; its `model` field is ignored. Unset
            uses the defaults.
        progress: Called at each optimiser step and at the start of each phase.
        init_adapter: A LoRA adapter for `policy_path` (the warm start) to keep training.
            Without one, a fresh adapter is trained.
        reward_fn: A reward to use in place of the reward model (for tests and custom
            rewards); `reward_model_path` is then ignored.
        measure_before: Measure the mean reward of the starting policy; without it,
            `mean_reward_before` is None.

    Raises:
        ConfigError: `config.batch_size` is not a multiple of `config.group_size`.
        DataError: `prompts` is empty.
    """
    from datasets import Dataset
    from trl.trainer.grpo_config import GRPOConfig
    from trl.trainer.grpo_trainer import GRPOTrainer

    started = time.perf_counter()
    _check_grpo_settings(config, prompts)

    # 1. Data and reward.
    dataset = Dataset.from_list([{"prompt": _conversation(item.prompt)} for item in prompts])
    if reward_fn is None:
        reward_fn = RewardModelReward(reward_model_path, reward_config or RewardModelConfig())
    sample = _reward_sample([item.prompt for item in prompts], seed)

    # 2. Train: batch_size completions per step, group_size per prompt.
    def build_trainer(model: Any, tokenizer: Any, scratch: Path) -> Any:
        args = GRPOConfig(
            **_common_args(scratch, seed),
            learning_rate=config.learning_rate,
            per_device_train_batch_size=config.batch_size,
            max_steps=config.steps,
            num_generations=config.group_size,
            max_completion_length=config.max_new_tokens,
            temperature=config.temperature,
            beta=config.kl,
            loss_type="dr_grpo",
            scale_rewards="none",
            **_vllm_args(config),
        )
        return GRPOTrainer(
            model=model,
            reward_funcs=_as_trl_reward(reward_fn),
            args=args,
            train_dataset=dataset,
            processing_class=tokenizer,
            peft_config=_new_adapter_config(config, model, init_adapter),
        )

    return _train(
        "grpo", build_trainer, policy_path, init_adapter, out_dir, config, started, progress,
        reward_fn if measure_before else None, reward_fn, sample,
    )


def _vllm_args(config: PolicyRepairConfig) -> dict[str, Any]:
    """Return GRPOConfig's vLLM arguments; none unless `repair.policy.vllm.enabled`."""
    vllm = config.vllm
    if not vllm.enabled:
        return {}
    args: dict[str, Any] = {"use_vllm": True, "vllm_mode": vllm.mode}
    if vllm.mode == "server":
        if vllm.server_base_url is None:
            raise ConfigError(
                "repair.policy.vllm.mode is `server`, but server_base_url is unset. Start "
                "`trl vllm-serve --model POLICY` and set server_base_url to its URL"
            )
        args["vllm_server_base_url"] = vllm.server_base_url
    else:
        args["vllm_gpu_memory_utilization"] = vllm.gpu_memory_utilization
    return args


def dpo(
    policy_path: str,
    pairs: list[PreferencePair],
    out_dir: Path,
    config: PolicyRepairConfig,
    *,
    seed: int,
    reward_model_path: str | None = None,
    reward_config: RewardModelConfig | None = None,
    progress: ProgressCallback | None = None,
    init_adapter: Path | None = None,
    measure_before: bool = True,
) -> PolicyTrainingResult:
    """Optimise the policy with TRL's `DPOTrainer` on preference pairs.

    The sigmoid DPO loss with `config.dpo_beta` pushes the policy's log-probability margin
    of `chosen` over `rejected` above the reference policy's (the starting policy). Each step
    takes `config.batch_size` pairs. With a reward model path, the mean reward of greedy
    replies to a sample of the pairs' prompts is measured before and after.

    Args:
        policy_path: Folder or hub id of the policy.
        pairs: Preference pairs; `source` is not used.
        out_dir: Folder for the trained policy; replaced if it exists.
        config: The stage 2 section of the config.
        seed: Seed of shuffling and training.
        reward_model_path: Folder of the reward model used to measure the mean reward, or
            None to skip that measurement.
        reward_config: How to load the reward model; its `model` field is ignored.
        progress: Called at each optimiser step and at the start of each phase.
        init_adapter: A LoRA adapter for `policy_path` (the warm start) to keep training.
        measure_before: Measure the mean reward of the starting policy; without it,
            `mean_reward_before` is None.

    Raises:
        DataError: `pairs` is empty.
    """
    from datasets import Dataset
    from trl.trainer.dpo_config import DPOConfig
    from trl.trainer.dpo_trainer import DPOTrainer

    started = time.perf_counter()
    _check_dpo_pairs(pairs)

    # 1. Data and the optional reward measurement.
    rows = [
        {
            "prompt": _conversation(pair.prompt),
            "chosen": [{"role": "assistant", "content": pair.chosen}],
            "rejected": [{"role": "assistant", "content": pair.rejected}],
        }
        for pair in pairs
    ]
    reward_fn = None
    if reward_model_path is not None:
        reward_fn = RewardModelReward(reward_model_path, reward_config or RewardModelConfig())
    sample = _reward_sample(sorted({pair.prompt for pair in pairs}), seed)

    # 2. Train: batch_size pairs per step.
    def build_trainer(model: Any, tokenizer: Any, scratch: Path) -> Any:
        args = DPOConfig(
            **_common_args(scratch, seed),
            learning_rate=config.learning_rate,
            per_device_train_batch_size=config.batch_size,
            max_steps=config.steps,
            max_length=config.max_length,
            beta=config.dpo_beta,
        )
        return DPOTrainer(
            model=model,
            args=args,
            train_dataset=Dataset.from_list(rows),
            processing_class=tokenizer,
            peft_config=_new_adapter_config(config, model, init_adapter),
        )

    return _train(
        "dpo", build_trainer, policy_path, init_adapter, out_dir, config, started, progress,
        reward_fn if measure_before else None, reward_fn, sample,
    )


def _train(
    method: Literal["grpo", "dpo"],
    build_trainer: Callable[[Any, Any, Path], Any],
    policy_path: str,
    init_adapter: Path | None,
    out_dir: Path,
    config: PolicyRepairConfig,
    started: float,
    progress: ProgressCallback | None,
    reward_before_fn: RewardFunction | None,
    reward_after_fn: RewardFunction | None,
    sample: list[str],
) -> PolicyTrainingResult:
    """Load the policy, measure it, train it with the trainer `build_trainer` returns, save it.

    `build_trainer(model, tokenizer, scratch)` builds the TRL trainer around the loaded
    policy, with `scratch` as its output folder. The mean reward on `sample` is measured
    before training with `reward_before_fn` and after with `reward_after_fn`, each skipped
    when None.
    """
    model, tokenizer = _load_policy(policy_path, init_adapter)
    reward_before = _mean_reward(
        model, tokenizer, sample, reward_before_fn, config.max_new_tokens, progress, "starting"
    )
    with _training_context(out_dir) as scratch:
        trainer = build_trainer(model, tokenizer, scratch)
        _prepare_callbacks(trainer, method, progress)
        check_saving(trainer)
        trainer.train()
    return _finish(
        method, trainer, policy_path, out_dir, config, started, progress, reward_before,
        reward_after_fn, sample,
    )


def _new_adapter_config(
    config: PolicyRepairConfig, model: Any, init_adapter: Path | None
) -> Any:
    """Return the LoRA config of a fresh adapter, or None to keep training `init_adapter`."""
    return None if init_adapter is not None else _peft_config(config.lora, model)


class RewardModelReward:
    """A TRL reward function that scores (prompt, completion) with an `HFRewardModel`.

    TRL can take a sequence classifier as a reward directly, but it then renders prompt and
    completion with the reward tokenizer's chat template or concatenates them as one text.
    ares's reward models read a pair through `encode_reward_pair` (a text pair for a BERT
    tokenizer without a chat template), so the reward goes through `HFRewardModel.score`,
    which makes the scores during training equal to the scores in discovery.

    Args:
        model_path: Folder or hub id of the reward model.
        config: How to load it; its `model` field is ignored.
    """

    def __init__(self, model_path: str, config: RewardModelConfig) -> None:
        from ares.models._hf_reward import HFRewardModel

        with _quiet_loading(), full_weights():
            self.reward_model = HFRewardModel(config, model_path=model_path)

    def __call__(
        self, prompts: list[Any], completions: list[Any], **kwargs: Any
    ) -> list[float]:
        """Return one reward per (prompt, completion); both may be message lists or text."""
        pairs = [
            (_message_text(prompt, "user"), _message_text(completion, "assistant"))
            for prompt, completion in zip(prompts, completions, strict=True)
        ]
        return self.reward_model.score(pairs)


def _as_trl_reward(reward_fn: RewardFunction) -> Any:
    # TRL types a reward as returning list[float | None]. A list[float] is valid at run time,
    # but mypy rejects it because list is invariant.
    return reward_fn


def _message_text(value: Any, role: str) -> str:
    # TRL passes conversational prompts and completions as message lists. The reward model
    # reads the text of the last message with the given role.
    if isinstance(value, str):
        return value
    for message in reversed(value):
        if message.get("role") == role:
            return str(message.get("content") or "")
    return ""


def _conversation(prompt: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": prompt}]


def _check_grpo_settings(config: PolicyRepairConfig, prompts: Sequence[PromptItem]) -> None:
    if config.batch_size % config.group_size != 0:
        raise ConfigError(
            f"repair.policy.batch_size is {config.batch_size}, which is not a multiple of "
            f"repair.policy.group_size ({config.group_size}). GRPO samples group_size "
            "completions per prompt and needs whole groups in each batch; set batch_size to a "
            "multiple of group_size"
        )
    if not prompts:
        raise DataError(
            "GRPO got no training prompts. Stage 2 needs type B or C findings, or general and "
            "over-refusal prompts; run discovery first"
        )


def _check_warm_start_examples(examples: Sequence[PromptItem]) -> None:
    if not any(item.reference for item in examples):
        raise DataError(
            f"the warm start got {len(examples)} examples but none has a reference response, "
            "so there is nothing to imitate. Pass prompts with the mentor's safe response or a "
            "helpful answer as `reference`, or set repair.policy.warm_start.enabled: false"
        )


def _check_dpo_pairs(pairs: Sequence[PreferencePair]) -> None:
    if not pairs:
        raise DataError(
            "DPO got no preference pairs. Stage 2 needs type B or C findings, or general and "
            "over-refusal pairs; run discovery first or set repair.policy.method: grpo"
        )


def _common_args(scratch: Path, seed: int) -> dict[str, Any]:
    """Return the TrainingArguments shared by the three trainers."""
    import torch

    cuda = torch.cuda.is_available()
    return {
        # save_strategy "no" keeps checkpoints out, but the Trainer still needs a folder.
        "output_dir": str(scratch),
        "save_strategy": "no",
        "report_to": [],
        "logging_steps": 1,
        "disable_tqdm": True,
        "seed": seed,
        "data_seed": seed,
        "use_cpu": not cuda,
        # NOTE: CPU training stays in float32. On a 2-core AVX2 CPU without native bfloat16
        # (torch 2.13), SmolLM2-135M generated 4.5 times slower in bfloat16 than in float32,
        # and GRPO spends most of its time generating. CPUs with AMX may differ.
        "bf16": cuda and torch.cuda.is_bf16_supported(),
        # Activation checkpointing (on by default in TRL) saves memory that small policies
        # do not need and costs a second forward pass.
        "activation_checkpointing": False,
        "dataloader_pin_memory": cuda,
        "gradient_accumulation_steps": 1,
    }


def _peft_config(lora: LoraConfig, model: Any) -> Any:
    from peft import LoraConfig as PeftLoraConfig

    layers = None
    if lora.top_layers is not None:
        total = int(model.config.num_hidden_layers)
        if lora.top_layers > total:
            raise ConfigError(
                f"repair.policy.lora.top_layers is {lora.top_layers}, but the policy has only "
                f"{total} layers. Set it to {total} or less, or unset it"
            )
        layers = list(range(total - lora.top_layers, total))
    targets = lora.target_modules
    if layers is not None and isinstance(targets, str):
        # PEFT takes a layer selection only with a list of module names.
        targets = _linear_module_names(model) if targets == "all-linear" else [targets]
    return PeftLoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        target_modules=targets,
        layers_to_transform=layers,
        task_type="CAUSAL_LM",
    )


def _linear_module_names(model: Any) -> list[str]:
    """Return the distinct names of the linear layers that `all-linear` adapts (not the LM head)."""
    import torch

    output = model.get_output_embeddings()
    return sorted(
        {
            name.rsplit(".", 1)[-1]
            for name, module in model.named_modules()
            if isinstance(module, torch.nn.Linear) and module is not output
        }
    )


def _load_policy(policy_path: str, adapter: Path | None = None) -> tuple[Any, Any]:
    """Load the policy and its tokenizer, with `adapter` attached as the trainable adapter."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ares.models._hf_chat import check_model_path

    check_model_path(policy_path)
    try:
        tokenizer = AutoTokenizer.from_pretrained(policy_path)
        with _quiet_loading(), full_weights():
            model: Any = AutoModelForCausalLM.from_pretrained(
                policy_path, dtype=torch.bfloat16 if torch.cuda.is_available() else torch.float32
            )
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"could not load policy {policy_path!r} for training: {exc}. Stage 2 needs a "
            "transformers causal LM folder with its tokenizer (a GGUF file must be converted "
            "to safetensors first)"
        ) from exc
    if not tokenizer.chat_template:
        raise ConfigError(
            f"the tokenizer of policy {policy_path!r} has no chat template, so prompts cannot "
            "be rendered as conversations. Use an instruction-tuned (chat) checkpoint"
        )
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    # A local folder is recorded as an absolute path, so a saved adapter names a base that
    # loads from any working directory.
    model.config.name_or_path = _absolute_if_local(policy_path)

    if adapter is not None:
        from peft import PeftModel

        with ignore_checkpointing_deprecation(), full_weights():
            model = PeftModel.from_pretrained(model, str(adapter), is_trainable=True)
    return model, tokenizer


def _absolute_if_local(path: str) -> str:
    local = Path(path).expanduser()
    return str(local.resolve()) if local.exists() else path


def _reward_sample(prompts: Sequence[str], seed: int) -> list[str]:
    unique = list(dict.fromkeys(prompts))
    if len(unique) <= REWARD_SAMPLE_SIZE:
        return unique
    return random.Random(seed).sample(unique, REWARD_SAMPLE_SIZE)


def _mean_reward(
    model: Any,
    tokenizer: Any,
    prompts: list[str],
    reward_fn: RewardFunction | None,
    max_new_tokens: int,
    progress: ProgressCallback | None,
    which: str,
) -> float | None:
    """Return the mean reward of the model's greedy replies to `prompts`, or None."""
    if reward_fn is None or not prompts:
        return None
    _report(progress, f"policy: mean reward of the {which} policy on {len(prompts)} prompts")
    # On a GPU the policy is still on the CPU before training; the trainer would move it anyway.
    replies = _greedy_replies(model.to(training_device()), tokenizer, prompts, max_new_tokens)
    # The same message-list shapes as TRL passes during training.
    rewards = reward_fn(
        prompts=[_conversation(prompt) for prompt in prompts],
        completions=[[{"role": "assistant", "content": reply}] for reply in replies],
    )
    return sum(rewards) / len(rewards)


def _greedy_replies(
    model: Any, tokenizer: Any, prompts: list[str], max_new_tokens: int, batch_size: int = 16
) -> list[str]:
    import torch
    from transformers import GenerationConfig

    # Left padding puts every prompt's end in the same column, so new tokens start after it.
    padding_side = tokenizer.padding_side
    tokenizer.padding_side = "left"
    generation_config = GenerationConfig(  # type: ignore[no-untyped-call]
        max_new_tokens=max_new_tokens,
        do_sample=False,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    was_training = model.training
    model.eval()
    replies: list[str] = []
    try:
        with torch.inference_mode():
            for start in range(0, len(prompts), batch_size):
                texts = [
                    tokenizer.apply_chat_template(
                        _conversation(p), tokenize=False, add_generation_prompt=True
                    )
                    for p in prompts[start : start + batch_size]
                ]
                encoded = tokenizer(
                    texts, return_tensors="pt", padding=True, add_special_tokens=False
                ).to(model.device)
                # The model is whole in this process, so no step waits for the others.
                # Under ZeRO-3, transformers would otherwise sync every step.
                output = model.generate(
                    **encoded, generation_config=generation_config, synced_gpus=False
                )
                new_tokens = output[:, encoded["input_ids"].shape[1] :]  # (batch, new_len)
                replies += [
                    text.strip()
                    for text in tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
                ]
    finally:
        tokenizer.padding_side = padding_side
        model.train(was_training)
    return replies


def _finish(
    method: Literal["grpo", "dpo"],
    trainer: Any,
    policy_path: str,
    out_dir: Path,
    config: PolicyRepairConfig,
    started: float,
    progress: ProgressCallback | None,
    reward_before: float | None,
    reward_fn: RewardFunction | None,
    sample: list[str],
) -> PolicyTrainingResult:
    """Save the trained policy, measure its mean reward and collect the result.

    Every process saves, because under ZeRO-3 each has only a shard of the adapter. The main
    process then loads the adapter from disk onto the base policy, writes `out_dir` and
    measures the reward of what it wrote. The other processes return None as the reward.
    """
    steps = trainer.state.global_step
    _report(progress, f"policy: saving to {out_dir}")
    staging = _staging_folder(out_dir)
    save_trained(trainer, staging)
    reward_after: float | None = None
    if is_main_process():
        model, tokenizer = _load_policy(policy_path, staging)
        saved = save_policy(model, tokenizer, out_dir, merge=config.merge)
        shutil.rmtree(staging, ignore_errors=True)
        reward_after = _mean_reward(
            saved, tokenizer, sample, reward_fn, config.max_new_tokens,
            progress, "trained",
        )

    history = _numeric_log(trainer.state.log_history)
    kls = [entry["kl"] for entry in history if "kl" in entry]
    result = PolicyTrainingResult(
        method=method,
        steps=steps,
        mean_reward_before=reward_before,
        mean_reward_after=reward_after,
        kl=kls[-1] if kls else None,
        seconds=time.perf_counter() - started,
        model_path=out_dir,
        log_history=tuple(history),
    )
    logger.info(
        "%s: %d steps, mean reward %s -> %s, kl %s, %.0f s",
        method, steps, reward_before, reward_after, result.kl, result.seconds,
    )
    return result


def _staging_folder(out_dir: Path) -> Path:
    """Return the folder, the same on every process, that the trainer saves into first."""
    return out_dir.parent / f".{out_dir.name}.trained"


def _move_contents(source: Path, target: Path) -> None:
    """Move every entry of `source` into the existing folder `target`, then remove `source`."""
    for entry in source.iterdir():
        entry.rename(target / entry.name)
    source.rmdir()


def save_policy(model: Any, tokenizer: Any, out_dir: Path, *, merge: bool) -> Any:
    """Write a policy with a LoRA adapter to `out_dir`, replacing it atomically.

    With `merge`, the adapter is merged into the weights and the folder is a full causal LM
    (safetensors, config, generation config and tokenizer). Without it, the folder holds the
    adapter (PEFT format, naming the base policy) and the tokenizer; transformers loads it
    as a causal LM when peft is installed. The frozen `ref` adapter that TRL adds when it
    continues a trained adapter is deleted from `model` first, and merging changes `model`
    in place, so the caller should not train it further.

    Returns:
        The model as written: the merged model with `merge`, else `model`.
    """
    from peft import PeftModel

    if isinstance(model, PeftModel) and "ref" in model.peft_config:
        model.delete_adapter("ref")
    with _atomic_folder(out_dir) as folder, _quiet_loading():
        if merge and isinstance(model, PeftModel):
            model = model.merge_and_unload()
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
    return model


@contextlib.contextmanager
def _atomic_folder(out_dir: Path) -> Iterator[Path]:
    """Yield a temporary folder that replaces `out_dir` once the block succeeds."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        yield temporary
        if out_dir.exists():
            # Two renames instead of a delete first, so a crash never leaves no folder at all.
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old)
            temporary.rename(out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            temporary.rename(out_dir)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _numeric_log(history: list[dict[str, Any]]) -> list[dict[str, float]]:
    return [
        {
            key: float(value)
            for key, value in entry.items()
            if isinstance(value, int | float) and not isinstance(value, bool)
        }
        for entry in history
    ]


def _window_mean(losses: Sequence[float], *, first: bool) -> float | None:
    """Return the mean of the first or last tenth of `losses` (at least one value)."""
    if not losses:
        return None
    size = max(1, round(len(losses) * 0.1))
    window = losses[:size] if first else losses[-size:]
    return sum(window) / len(window)


def _report(progress: ProgressCallback | None, message: str) -> None:
    if progress is not None:
        progress(message)


def _prepare_callbacks(trainer: Any, phase: str, progress: ProgressCallback | None) -> None:
    """Replace the Trainer's printing of each log with `progress`."""
    from transformers import PrinterCallback, TrainerCallback

    # With disable_tqdm the Trainer prints every log record to stdout. ares reports through
    # `progress` and its own logger instead.
    trainer.remove_callback(PrinterCallback)
    if progress is None:
        return

    report = progress

    class _Progress(TrainerCallback):
        def on_log(
            self, args: Any, state: Any, control: Any, logs: Any = None, **kwargs: Any
        ) -> None:
            loss = (logs or {}).get("loss")
            if loss is None:  # the summary record at the end of training
                return
            report(f"policy {phase}: step {state.global_step}/{state.max_steps}, loss {loss:.4f}")

    trainer.add_callback(_Progress())


@contextlib.contextmanager
def _quiet_loading() -> Iterator[None]:
    """Hide transformers' progress bars while loading or saving weights, then restore them."""
    from transformers.utils import logging as hf_logging

    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        if enabled:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


@contextlib.contextmanager
def _training_context(out_dir: Path) -> Iterator[Path]:
    """Yield a scratch folder for the Trainer, with progress bars and known warnings hidden.

    The folder sits next to `out_dir` and is removed afterwards. The progress bars of
    datasets' `map` and of weight loading are restored on exit.
    """
    import datasets

    bars_enabled = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            tempfile.TemporaryDirectory(prefix=f".{out_dir.name}.trainer.", dir=out_dir.parent)
            as scratch,
            _quiet_loading(),
            ignore_checkpointing_deprecation(),
        ):
            yield Path(scratch)
    finally:
        if bars_enabled:
            datasets.enable_progress_bars()
