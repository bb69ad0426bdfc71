"""Tests of the `hf` chat backend on a tiny random Llama."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import transformers

from ares.config import ChatModelConfig
from ares.errors import ConfigError
from ares.models import ChatModel, HFChatModel, Message
from tests.models.conftest import make_word_tokenizer, save_tiny_causal_lm


def _chat(path: Path, **fields: object) -> HFChatModel:
    values: dict[str, object] = {"device": "cpu", "max_new_tokens": 6, **fields}
    config = ChatModelConfig(model=str(path), **values)
    return HFChatModel(config, model_path=str(path))


def _user(text: str) -> list[Message]:
    return [{"role": "user", "content": text}]


CONVERSATIONS = [
    _user("hello"),
    _user("please tell me a story about the sky and why it is blue"),
    _user("how are you"),
    _user("help me bake bread"),
    _user("explain why the cat sat on the mat"),
]


def _echo_prompts(model: HFChatModel, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Make `generate` return the rendered prompts; return the batches it was given."""
    batches: list[list[str]] = []

    def echo(prompts: list[str], max_new_tokens: int, temperature: float) -> list[str]:
        batches.append(prompts)
        return prompts

    monkeypatch.setattr(model, "_generate_batch", echo)
    return batches


def test_hf_chat_is_a_chat_model(tiny_chat_path: Path) -> None:
    assert isinstance(_chat(tiny_chat_path), ChatModel)


def test_generate_keeps_input_order(tiny_chat_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _chat(tiny_chat_path, batch_size=2)
    _echo_prompts(model, monkeypatch)

    replies = model.generate(CONVERSATIONS)

    assert len(replies) == len(CONVERSATIONS)
    for reply, conversation in zip(replies, CONVERSATIONS, strict=True):
        assert reply == f"user : {conversation[0]['content']} </s> assistant :"


def test_generate_batches_longest_first(
    tiny_chat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _chat(tiny_chat_path, batch_size=2)
    batches = _echo_prompts(model, monkeypatch)

    model.generate(CONVERSATIONS)

    assert [len(batch) for batch in batches] == [2, 2, 1]
    lengths = [len(prompt.split()) for batch in batches for prompt in batch]
    assert lengths == sorted(lengths, reverse=True)


def test_generate_puts_system_prompt_first(
    tiny_chat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _chat(tiny_chat_path, system_prompt="be brief and kind")
    _echo_prompts(model, monkeypatch)

    [reply] = model.generate([_user("hello")])

    assert reply == "system : be brief and kind </s> user : hello </s> assistant :"


def test_generate_keeps_conversation_system_message(
    tiny_chat_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _chat(tiny_chat_path, system_prompt="be brief and kind")
    _echo_prompts(model, monkeypatch)
    conversation: list[Message] = [
        {"role": "system", "content": "refuse"},
        {"role": "user", "content": "hello"},
    ]

    [reply] = model.generate([conversation])

    assert reply == "system : refuse </s> user : hello </s> assistant :"


def test_generate_returns_only_new_tokens(tiny_chat_path: Path) -> None:
    model = _chat(tiny_chat_path)
    prompt = "please tell me a story about the sky and why it is blue"

    [reply] = model.generate([_user(prompt)], max_new_tokens=4)

    # Each word is one token of the word-level tokenizer, and special tokens are skipped.
    assert 0 < len(reply.split()) <= 4
    assert prompt not in reply
    assert "assistant :" not in reply
    assert reply == reply.strip()


def test_greedy_generation_is_deterministic(tiny_chat_path: Path) -> None:
    model = _chat(tiny_chat_path, temperature=0.0)

    first = model.generate(CONVERSATIONS)
    second = model.generate(CONVERSATIONS)

    assert first == second


def test_batched_generation_matches_single(tiny_chat_path: Path) -> None:
    batched = _chat(tiny_chat_path, batch_size=8).generate(CONVERSATIONS)
    single = _chat(tiny_chat_path, batch_size=1).generate(CONVERSATIONS)

    assert batched == single


def test_sampling_uses_temperature_override(tiny_chat_path: Path) -> None:
    model = _chat(tiny_chat_path, temperature=0.0, top_p=0.9)

    torch.manual_seed(1)
    first = model.generate(CONVERSATIONS, temperature=1.5)
    torch.manual_seed(1)
    second = model.generate(CONVERSATIONS, temperature=1.5)
    greedy = model.generate(CONVERSATIONS)

    assert first == second
    assert first != greedy


def test_checkpoint_sampling_defaults_are_ignored(tmp_path: Path) -> None:
    path = save_tiny_causal_lm(tmp_path / "sampling")
    generation = transformers.GenerationConfig.from_pretrained(path)
    generation.update(do_sample=True, temperature=0.6, top_k=20, top_p=0.8)
    generation.save_pretrained(path)
    model = _chat(path, temperature=0.0)

    first = model.generate(CONVERSATIONS)

    assert first == model.generate(CONVERSATIONS)


def test_missing_pad_token_falls_back_to_eos(tmp_path: Path) -> None:
    path = save_tiny_causal_lm(tmp_path / "no-pad", tokenizer=make_word_tokenizer(pad=False))

    model = _chat(path)

    assert model.tokenizer.pad_token == "</s>"
    assert len(model.generate(CONVERSATIONS[:3])) == 3


def test_empty_input_returns_empty_list(tiny_chat_path: Path) -> None:
    assert _chat(tiny_chat_path).generate([]) == []


def test_identity_names_model_path(tiny_chat_path: Path) -> None:
    assert _chat(tiny_chat_path).identity == f"hf:{tiny_chat_path}"


def test_identity_of_embedded_model_uses_its_name(tiny_chat_path: Path) -> None:
    config = ChatModelConfig(model="ares:smollm2-135m-instruct", device="cpu")

    model = HFChatModel(config, model_path=str(tiny_chat_path))

    assert model.identity == "hf:ares:smollm2-135m-instruct"


def test_auto_dtype_is_float32_on_cpu(tiny_chat_path: Path) -> None:
    model = _chat(tiny_chat_path)

    assert model.model.dtype == torch.float32


def test_explicit_dtype_is_used(tiny_chat_path: Path) -> None:
    model = _chat(tiny_chat_path, dtype="bfloat16")

    assert model.model.dtype == torch.bfloat16
    assert len(model.generate(CONVERSATIONS[:2])) == 2


def test_missing_folder_raises_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"

    with pytest.raises(ConfigError, match="not found") as error:
        _chat(missing)

    assert str(missing) in str(error.value)


def test_file_instead_of_folder_raises_config_error(tmp_path: Path) -> None:
    weights = tmp_path / "model.gguf"
    weights.write_bytes(b"GGUF")

    with pytest.raises(ConfigError, match="gguf_file"):
        _chat(weights)


def test_non_causal_model_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "encoder"
    config = transformers.DistilBertConfig(
        vocab_size=50, dim=16, n_layers=1, n_heads=2, hidden_dim=32
    )
    transformers.DistilBertModel(config).save_pretrained(path)
    make_word_tokenizer().save_pretrained(path)

    with pytest.raises(ConfigError, match="not a causal language model") as error:
        _chat(path)

    assert str(path) in str(error.value)


def test_tokenizer_without_chat_template_raises_config_error(tmp_path: Path) -> None:
    path = save_tiny_causal_lm(tmp_path / "base", tokenizer=make_word_tokenizer(chat_template=None))

    with pytest.raises(ConfigError, match="no chat template"):
        _chat(path)


def test_unknown_device_raises_config_error(tiny_chat_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a device name"):
        _chat(tiny_chat_path, device="tpu9")
