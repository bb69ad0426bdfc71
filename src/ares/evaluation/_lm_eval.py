"""Capability retention with lm-evaluation-harness, an optional extra.

Install it with `pip install 'ares-rlhf[lm-eval]'`. The harness loads the policy itself
(its `hf` model type), so it works only for a local `hf` policy. Tasks whose data the
harness cannot find offline fail inside the harness; the error names the task.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ares.config import LmEvalConfig
from ares.errors import ConfigError
from ares.evaluation._systems import EvalSystem
from ares.store import RunStore

logger = logging.getLogger(__name__)


def run_lm_eval(
    store: RunStore, system: EvalSystem, config: LmEvalConfig, *,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    """Return {task: {metric: value}} for one system's policy, from the store if measured.

    Raises:
        ConfigError: lm-evaluation-harness is not installed, or the policy is not local.
    """
    key = f"lm_eval:{system.name}:{system.policy_key}:{','.join(config.tasks)}:{config.limit}"
    stored = store.get_meta(key)
    if isinstance(stored, dict):
        return stored
    if system.policy.backend != "hf":
        raise ConfigError(
            "evaluation.lm_eval runs the policy inside lm-evaluation-harness and needs a local "
            f"`hf` policy, but the {system.name} policy uses backend "
            f"{system.policy.backend!r}. Set evaluation.lm_eval.enabled: false"
        )
    try:
        import lm_eval
    except ImportError:
        raise ConfigError(
            "evaluation.lm_eval.enabled is true, but lm-evaluation-harness is not installed. "
            "Install it with `pip install 'ares-rlhf[lm-eval]'` or set enabled: false"
        ) from None
    from ares.models import resolve_model_path

    path = resolve_model_path(system.policy.model, progress)
    progress(f"{system.name} policy: lm-evaluation-harness on {', '.join(config.tasks)}")
    output = lm_eval.simple_evaluate(
        model="hf",
        model_args=f"pretrained={path}",
        tasks=list(config.tasks),
        limit=config.limit,
        batch_size=config.batch_size,
    )
    results = {
        task: {
            metric.split(",")[0]: round(float(value), 4)
            for metric, value in metrics.items()
            if isinstance(value, (int, float)) and not metric.startswith("alias")
            and "stderr" not in metric
        }
        for task, metrics in (output or {}).get("results", {}).items()
    }
    store.set_meta(key, results)
    return results
