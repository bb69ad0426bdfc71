"""Tiny random transformers checkpoints, built in seconds, for the `hf` backend tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
import transformers

# fmt: off
WORDS = [
    "the", "a", "cat", "dog", "sat", "on", "mat", "user", "assistant", "system", ":", "hello",
    "world", "how", "are", "you", "please", "help", "me", "bake", "bread", "tell", "story",
    "about", "sky", "blue", "why", "is", "it", "explain", "harm", "refuse", "sorry", "cannot",
    "sure", "here", "steps", "first", "then", "finally", "be", "brief", "and", "kind", "answer",
]
# fmt: on

# Renders every message as "role : content </s>" and ends with "assistant :" when a reply is
# requested, so a test can read the rendered prompt back as words.
CHAT_TEMPLATE = (
    "{% for m in messages %}{{ m['role'] }} : {{ m['content'] }} </s> {% endfor %}"
    "{% if add_generation_prompt %}assistant :{% endif %}"
)


def make_word_tokenizer(*, chat_template: str | None = CHAT_TEMPLATE, pad: bool = True) -> Any:
    """Return a whitespace word-level tokenizer over `WORDS` with `<s>`, `</s>` and `<pad>`."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    vocab = {token: index for index, token in enumerate(specials + WORDS)}
    backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>" if pad else None,
    )
    tokenizer.chat_template = chat_template
    return tokenizer


def tiny_llama_config(**overrides: Any) -> Any:
    # A large init range spreads the logits, so greedy decoding has no near-ties that
    # padding noise could flip.
    fields: dict[str, Any] = {
        "vocab_size": len(WORDS) + 4,
        "hidden_size": 16,
        "intermediate_size": 32,
        "num_hidden_layers": 2,
        "num_attention_heads": 2,
        "num_key_value_heads": 2,
        "max_position_embeddings": 256,
        "initializer_range": 1.0,
        "pad_token_id": 0,
        "bos_token_id": 1,
        "eos_token_id": 2,
    }
    fields.update(overrides)
    return transformers.LlamaConfig(**fields)


def save_tiny_causal_lm(folder: Path, *, tokenizer: Any | None = None) -> Path:
    """Save a 2-layer random Llama and a word tokenizer with a chat template into `folder`."""
    torch.manual_seed(0)
    model = transformers.LlamaForCausalLM(tiny_llama_config())
    model.save_pretrained(folder)
    (tokenizer or make_word_tokenizer()).save_pretrained(folder)
    return folder


def make_bert_tokenizer() -> Any:
    """Return a BERT tokenizer over `WORDS`, without a chat template."""
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {token: index for index, token in enumerate(specials + WORDS)}
    return transformers.BertTokenizer(vocab=vocab)


def save_tiny_bert_rm(folder: Path, *, num_labels: int = 1) -> Path:
    """Save a 2-layer random BERT sequence classifier and its tokenizer into `folder`."""
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(WORDS) + 5,
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        max_position_embeddings=64,
        num_labels=num_labels,
    )
    transformers.BertForSequenceClassification(config).save_pretrained(folder)
    make_bert_tokenizer().save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_chat_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_causal_lm(tmp_path_factory.mktemp("tiny-chat"))
