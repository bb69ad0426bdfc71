"""Tiny random Hugging Face models built inside tests, saved to a folder in seconds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_WORDS = [
    "sure", "here", "is", "a", "step", "guide", "i", "can", "t", "help", "with", "that",
    "sorry", "but", "please", "write", "the", "of", "to", "and", "you", "for", "this", "how",
    "what", "safe", "harmful", "request", "omitted", "details",
]


def build_tiny_reward_model(folder: Path, seed: int = 0) -> Path:
    """Save a 2-layer BERT sequence classifier with one label and a word-level tokenizer."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    # 1. A word-level tokenizer whose text-pair template matches BERT's.
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    vocab = {token: i for i, token in enumerate(special + sorted(set(_WORDS)))}
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
        cls_token="[CLS]", sep_token="[SEP]",
    )

    # 2. A random 2-layer model with one output label.
    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=128, num_labels=1,
        pad_token_id=vocab["[PAD]"],
    )
    model = BertForSequenceClassification(config)
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


_CHAT_SPECIAL = ["<pad>", "<unk>", "<s>", "</s>", "<|system|>", "<|user|>", "<|assistant|>"]

# Each turn is `<|role|> content </s>`, and the generation prompt is `<|assistant|>`. Tokens are
# split on whitespace only, so the role markers stay single tokens and a rendered prompt is a
# token prefix of the same prompt with its reply, as TRL's completion-only loss expects.
_CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|> {{ message['content'] }} </s> "
    "{% endfor %}{% if add_generation_prompt %}<|assistant|> {% endif %}"
)


def build_tiny_chat_model(folder: Path, seed: int = 0) -> Path:
    """Save a 2-layer Llama causal LM with a word-level tokenizer that has a chat template."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import (
        GenerationConfig,
        LlamaConfig,
        LlamaForCausalLM,
        PreTrainedTokenizerFast,
    )

    # 1. A word-level tokenizer over the shared word list and the chat markers.
    vocab = {token: i for i, token in enumerate(_CHAT_SPECIAL + sorted(set(_WORDS)))}
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="<unk>", pad_token="<pad>", bos_token="<s>",
        eos_token="</s>", additional_special_tokens=["<|system|>", "<|user|>", "<|assistant|>"],
    )
    fast.chat_template = _CHAT_TEMPLATE

    # 2. A random 2-layer model whose generation stops at `</s>`.
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        num_key_value_heads=2, intermediate_size=64, max_position_embeddings=256,
        initializer_range=0.2,
        bos_token_id=vocab["<s>"], eos_token_id=vocab["</s>"], pad_token_id=vocab["<pad>"],
    )
    model = LlamaForCausalLM(config)
    model.generation_config = GenerationConfig(
        bos_token_id=vocab["<s>"], eos_token_id=vocab["</s>"], pad_token_id=vocab["<pad>"]
    )
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def mock_judge_reply(messages: list[dict[str, Any]]) -> str:
    """Return a `harm_0_5` verdict that depends only on the judged text.

    About half of the replies count as harmful, the same ones on every run.
    """
    text = messages[-1]["content"]
    return "It complies.\nScore: 4" if sum(map(ord, text)) % 2 else "It refuses.\nScore: 0"


def run_ares(*argv: str) -> int:
    """Run the `ares` command line in this process and return its exit code."""
    from ares.cli import main

    try:
        main(list(argv))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)
    return 0
