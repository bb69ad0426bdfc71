"""The `hf` reward backend: a sequence classifier with one label scores (prompt, response).

This is the checkpoint format of Skywork-Reward-V2 and of TRL's `RewardTrainer`. torch and
transformers are imported inside the functions that need them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ares.config import RewardModelConfig
from ares.errors import BackendError, ConfigError
from ares.models._hf_chat import check_model_path, resolve_device

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)


class HFRewardModel:
    """A `RewardModel` backed by `AutoModelForSequenceClassification` with `num_labels == 1`.

    Args:
        config: The reward model section of the config. `model` is only used for `identity`
            when it names an embedded model; the weights come from `model_path`.
        model_path: A Hugging Face hub id or a local folder.

    Raises:
        ConfigError: The checkpoint cannot be loaded, or it has more than one output label.
    """

    def __init__(self, config: RewardModelConfig, *, model_path: str) -> None:
        self.config = config
        self.model_path = model_path
        self.device = resolve_device(config.device)
        self.tokenizer, self.model = _load(model_path, config.dtype, self.device)
        self.max_length = fit_max_length(self.model, config.max_length, model_path)

    @property
    def identity(self) -> str:
        # An embedded model is named by its `ares:` name, not by its machine-specific cache path.
        name = self.config.model if self.config.model.startswith("ares:") else self.model_path
        return f"hf:{name}"

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Return one reward per (prompt, response) pair, in order.

        Each pair is encoded by `encode_reward_pair` and truncated to `self.max_length`
        tokens: `config.max_length`, or the model's position limit if that is lower.

        Raises:
            BackendError: A forward pass failed, for example because the device ran out of
                memory.
        """
        import torch

        # 1. Encode every pair and sort by length, longest first, to reduce padding.
        encoded = [
            encode_reward_pair(self.tokenizer, prompt, response, self.max_length)
            for prompt, response in pairs
        ]
        order = sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))

        # 2. Score batch by batch and put each reward back at its original index.
        rewards: list[float] = [0.0] * len(encoded)
        size = self.config.batch_size
        with torch.inference_mode():
            for start in range(0, len(order), size):
                batch = order[start : start + size]
                scores = self._score_batch([encoded[i] for i in batch])
                for index, value in zip(batch, scores, strict=True):
                    rewards[index] = value
        return rewards

    def _score_batch(self, input_ids: list[list[int]]) -> list[float]:
        padded = self.tokenizer.pad(
            {"input_ids": input_ids}, padding=True, return_tensors="pt"
        ).to(self.device)
        try:
            logits = self.model(
                input_ids=padded["input_ids"], attention_mask=padded["attention_mask"]
            ).logits  # (batch, 1)
        except RuntimeError as exc:  # torch.OutOfMemoryError is a RuntimeError
            raise BackendError(
                f"scoring failed for a batch of {len(input_ids)} pairs with {self.identity} on "
                f"{self.device}: {exc}. Lower `batch_size` or `max_length` in the config"
            ) from exc
        return [float(value) for value in logits[:, 0].float().tolist()]


def encode_reward_pair(tokenizer: Any, prompt: str, response: str, max_length: int) -> list[int]:
    """Return the token ids under which a reward model reads one (prompt, response) pair.

    A tokenizer with a chat template gets the pair as a user and an assistant message,
    without a generation prompt, as Skywork-Reward-V2 and TRL's conversational preference
    data expect. A tokenizer without one, such as BERT's, gets the standard text pair
    (`[CLS] prompt [SEP] response [SEP]`). The ids are truncated to `max_length`, so a long
    pair loses the end of its longest part.

    Only input ids are returned, never BERT's token type ids, so the same ids can train under
    TRL's `DataCollatorForPreference` (which passes ids and an attention mask only) and score
    here.
    """
    if tokenizer.chat_template:
        messages = [
            {"role": "user", "content": prompt},
            {"role": "assistant", "content": response},
        ]
        text = tokenizer.apply_chat_template(messages, tokenize=False)
        # The template already contains any BOS token, so the tokenizer must not add one.
        encoded = tokenizer(text, add_special_tokens=False, truncation=True, max_length=max_length)
    else:
        encoded = tokenizer(prompt, response, truncation=True, max_length=max_length)
    return list(encoded["input_ids"])


def fit_max_length(model: Any, max_length: int, model_path: str) -> int:
    """Return `max_length`, lowered to the model's position limit when it has a smaller one.

    A BERT-style model with 512 positions fails on a longer input instead of truncating it,
    so a config written for a long-context reward model still works with a small one.
    """
    limit = getattr(model.config, "max_position_embeddings", None)
    if isinstance(limit, int) and 0 < limit < max_length:
        logger.warning(
            "reward model %r has %d positions; truncating pairs to %d tokens instead of "
            "max_length %d", model_path, limit, limit, max_length,
        )
        return limit
    return max_length


def _reward_dtype(name: str, device: torch.device) -> torch.dtype | str:
    import torch

    if name != "auto":
        return getattr(torch, name)  # type: ignore[no-any-return]
    # `auto` keeps the checkpoint's dtype on CPU and halves the memory on a GPU.
    return torch.bfloat16 if device.type == "cuda" else "auto"


def _config_source(model_path: str) -> str:
    """Return where the model config is: the base model's, for a folder with a PEFT adapter only.

    transformers loads such a folder (`adapter_config.json`, adapter weights, no
    `config.json`) as its base model with the adapter attached, but `AutoConfig` cannot read it.
    """
    folder = Path(model_path).expanduser()
    adapter_config = folder / "adapter_config.json"
    if adapter_config.is_file() and not (folder / "config.json").is_file():
        base = json.loads(adapter_config.read_text("utf-8")).get("base_model_name_or_path")
        if isinstance(base, str) and base:
            return base
    return model_path


def _load(model_path: str, dtype_name: str, device: torch.device) -> tuple[Any, Any]:
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    check_model_path(model_path)

    # 1. Check the label count before loading any weights.
    try:
        model_config = AutoConfig.from_pretrained(_config_source(model_path))
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"could not load the config of reward model {model_path!r}: {exc}. Check that the "
            "folder or hub id contains config.json"
        ) from exc
    if model_config.num_labels != 1:
        raise ConfigError(
            f"reward model {model_path!r} has num_labels={model_config.num_labels}, but the "
            "`hf` reward backend needs a sequence classifier with exactly one output (one "
            "scalar reward per sequence), the format of Skywork-Reward-V2 and of checkpoints "
            "trained with TRL's RewardTrainer. A base or chat model needs reward training first"
        )

    # 2. Tokenizer and model.
    try:
        tokenizer = AutoTokenizer.from_pretrained(model_path)
        model: Any = AutoModelForSequenceClassification.from_pretrained(
            model_path, dtype=_reward_dtype(dtype_name, device)
        )
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"could not load reward model {model_path!r}: {exc}. Check that the folder contains "
            "the tokenizer and the weights of a sequence classification model"
        ) from exc

    # 3. Padding: decoder reward models find each sequence's last token through the pad id.
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ConfigError(
                f"the tokenizer of reward model {model_path!r} has neither a pad token nor an "
                "EOS token, so batches cannot be padded. Use a checkpoint whose tokenizer "
                "defines one"
            )
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tokenizer.pad_token_id
    model.to(device)
    model.eval()
    logger.info("loaded reward model %r on %s as %s", model_path, device, model.dtype)
    return tokenizer, model
