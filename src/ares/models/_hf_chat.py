"""The `hf` chat backend: batched generation with transformers and the model's chat template.

torch and transformers are imported inside the functions that need them, so importing this
module (and `ares`) stays fast.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ares.config import ChatModelConfig
from ares.errors import BackendError, ConfigError
from ares.models._protocols import Message

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)


class HFChatModel:
    """A `ChatModel` that runs a causal language model with transformers.

    Prompts are rendered with the tokenizer's chat template (with the generation prompt
    added), left-padded and generated in batches of `config.batch_size`. Within one call the
    prompts are sorted by length so that each batch needs little padding. Replies come back
    in the caller's order.

    Args:
        config: The chat model section of the config. `model` is only used for `identity`
            when it names an embedded model; the weights come from `model_path`.
        model_path: A Hugging Face hub id or a local folder. With `config.gguf_file` set, the
            GGUF file of that name inside it is loaded and dequantized.

    Raises:
        ConfigError: The model or tokenizer cannot be loaded, the model is not a causal
            language model, or the tokenizer has no chat template.
    """

    def __init__(self, config: ChatModelConfig, *, model_path: str) -> None:
        self.config = config
        self.model_path = model_path
        self.device = resolve_device(config.device)
        self.dtype = _chat_dtype(config.dtype, self.device)
        self.tokenizer, self.model = _load(model_path, config.gguf_file, self.device, self.dtype)

    @property
    def identity(self) -> str:
        # An embedded model is named by its `ares:` name, not by its machine-specific cache path.
        name = self.config.model if self.config.model.startswith("ares:") else self.model_path
        suffix = f"#{self.config.gguf_file}" if self.config.gguf_file else ""
        return f"hf:{name}{suffix}"

    def generate(
        self,
        conversations: Sequence[Sequence[Message]],
        *,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
    ) -> list[str]:
        """Return one reply per conversation, in order.

        A conversation that starts with its own system message keeps it; every other one gets
        `config.system_prompt` (if set) put in front. Temperature 0 decodes greedily; a higher
        temperature samples with `config.top_p`.

        Raises:
            BackendError: A forward pass failed, for example because the device ran out of
                memory.
        """
        import torch

        max_new = max_new_tokens if max_new_tokens is not None else self.config.max_new_tokens
        temp = temperature if temperature is not None else self.config.temperature

        # 1. Render every conversation and sort by length, longest first, to reduce padding.
        prompts = [self._render(conversation) for conversation in conversations]
        lengths = [len(self.tokenizer(p, add_special_tokens=False)["input_ids"]) for p in prompts]
        order = sorted(range(len(prompts)), key=lambda i: -lengths[i])

        # 2. Generate batch by batch and put each reply back at its original index.
        replies: list[str] = [""] * len(prompts)
        size = self.config.batch_size
        with torch.inference_mode():
            for start in range(0, len(order), size):
                batch = order[start : start + size]
                texts = self._generate_batch([prompts[i] for i in batch], max_new, temp)
                for index, text in zip(batch, texts, strict=True):
                    replies[index] = text
        return replies

    def _render(self, conversation: Sequence[Message]) -> str:
        messages = [dict(m) for m in conversation]
        if self.config.system_prompt and not (messages and messages[0]["role"] == "system"):
            messages.insert(0, {"role": "system", "content": self.config.system_prompt})
        text = self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True
        )
        return str(text)

    def _generate_batch(
        self, prompts: list[str], max_new_tokens: int, temperature: float
    ) -> list[str]:
        # The chat template already contains the special tokens (BOS and role markers), so the
        # tokenizer must not add another BOS.
        encoded = self.tokenizer(
            prompts, return_tensors="pt", padding=True, add_special_tokens=False
        ).to(self.device)
        generation_config = self._generation_config(max_new_tokens, temperature)
        try:
            output = self.model.generate(**encoded, generation_config=generation_config)
        except RuntimeError as exc:  # torch.OutOfMemoryError is a RuntimeError
            raise BackendError(
                f"generation failed for a batch of {len(prompts)} prompts with {self.identity} on "
                f"{self.device}: {exc}. Lower `batch_size` or `max_new_tokens` in the config"
            ) from exc

        # Left padding puts every prompt's end at the same column, so the new tokens start
        # right after it: (batch, prompt_len + new_len) -> (batch, new_len).
        new_tokens = output[:, encoded["input_ids"].shape[1] :]
        texts = self.tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
        return [text.strip() for text in texts]

    def _generation_config(self, max_new_tokens: int, temperature: float) -> Any:
        from transformers import GenerationConfig

        # A fresh config rather than the checkpoint's: hub checkpoints often ship sampling
        # defaults (top_k, temperature) that would override the ares config, and transformers
        # warns when greedy decoding meets sampling flags.
        eos = self.model.generation_config.eos_token_id
        if eos is None:
            eos = self.tokenizer.eos_token_id
        fields: dict[str, Any] = {
            "max_new_tokens": max_new_tokens,
            "pad_token_id": self.tokenizer.pad_token_id,
            "eos_token_id": eos,
            "bos_token_id": self.model.generation_config.bos_token_id,
        }
        if temperature > 0:
            fields.update(do_sample=True, temperature=temperature, top_p=self.config.top_p, top_k=0)
        else:
            fields.update(do_sample=False)
        return GenerationConfig(**fields)  # type: ignore[no-untyped-call]


def resolve_device(name: str) -> torch.device:
    """Return the torch device that a config's `device` names; `auto` prefers CUDA.

    Under `accelerate launch` or torchrun, `auto` is the process's own GPU (`LOCAL_RANK`), so
    the models that each training process loads for itself do not all land on the first one.

    Raises:
        ConfigError: The name is not a device, or it names CUDA on a machine without it.
    """
    import torch

    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except RuntimeError as exc:
        raise ConfigError(
            f"device {name!r} is not a device name: {exc}. Use auto, cpu, cuda or cuda:N"
        ) from exc
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ConfigError(
            f"device {name!r} needs CUDA, but torch finds no CUDA device here. Use device: cpu "
            "or device: auto"
        )
    return device


def _chat_dtype(name: str, device: torch.device) -> torch.dtype:
    import torch

    if name != "auto":
        return getattr(torch, name)  # type: ignore[no-any-return]
    # On CPU `auto` means float32. On the 2-core AVX2 CPU this backend was developed on,
    # SmolLM2-135M generated about 26 tokens/s in float32 and 19 tokens/s in bfloat16 (batch
    # of 8 chat prompts, 64 greedy tokens each). CPUs with native bfloat16 arithmetic may
    # differ, so set `dtype: bfloat16` there.
    return torch.bfloat16 if device.type == "cuda" else torch.float32


def check_model_path(model_path: str) -> None:
    """Raise `ConfigError` when `model_path` is meant as a local folder and does not exist.

    A path that starts with `/`, `.` or `~`, or has more than one separator, cannot be a hub
    id, so it is checked here instead of sending a failing request to the hub.
    """
    path = Path(model_path).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ConfigError(
                f"model path {model_path!r} is a file, not a folder. Give the folder that "
                "contains config.json and the weights (for a GGUF file, set `gguf_file` to the "
                "file name and `model` to its folder)"
            )
        return
    looks_local = model_path.startswith(("/", ".", "~")) or model_path.count("/") > 1
    looks_local = looks_local or (os.sep != "/" and os.sep in model_path)
    if looks_local:
        raise ConfigError(
            f"model folder {model_path!r} not found. Check the path, or give a Hugging Face "
            "hub id such as HuggingFaceTB/SmolLM2-135M-Instruct"
        )


def _load(
    model_path: str, gguf_file: str | None, device: torch.device, dtype: torch.dtype
) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    check_model_path(model_path)
    gguf = {"gguf_file": gguf_file} if gguf_file else {}
    what = f"{model_path!r}" + (f" (GGUF file {gguf_file!r})" if gguf_file else "")

    # 1. Tokenizer: left padding so that every prompt ends where generation starts.
    try:
        tokenizer = AutoTokenizer.from_pretrained(model_path, **gguf)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"could not load the tokenizer of chat model {what}: {exc}. Check that the folder "
            "or hub id contains a tokenizer (tokenizer.json or tokenizer_config.json)"
        ) from exc
    if not tokenizer.chat_template:
        raise ConfigError(
            f"the tokenizer of chat model {what} has no chat template, so ares cannot turn a "
            "conversation into a prompt. Use an instruction-tuned (chat) checkpoint"
        )
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ConfigError(
                f"the tokenizer of chat model {what} has neither a pad token nor an EOS token, "
                "so batches cannot be padded. Use a checkpoint whose tokenizer defines one"
            )
        tokenizer.pad_token = tokenizer.eos_token

    # 2. Model.
    try:
        model: Any = AutoModelForCausalLM.from_pretrained(model_path, dtype=dtype, **gguf)
    except ValueError as exc:
        raise ConfigError(
            f"chat model {what} is not a causal language model that transformers can load: "
            f"{exc}. The `hf` chat backend needs a checkpoint for AutoModelForCausalLM"
        ) from exc
    except OSError as exc:
        raise ConfigError(
            f"could not load chat model {what}: {exc}. Check that the folder contains config.json "
            "and the weights (model.safetensors), or that `gguf_file` names a file in it"
        ) from exc
    model.to(device)
    model.eval()
    logger.info("loaded chat model %s on %s as %s", what, device, dtype)
    return tokenizer, model
