"""The whole loop: discover, repair the reward model, repair the policy, discover again."""

from __future__ import annotations

from ares.loop._loop import LoopCallbacks, discover_round, run_loop

__all__ = ["LoopCallbacks", "discover_round", "run_loop"]
