"""The run store: one SQLite database per run directory.

Every batch of probes is written in one transaction together with the sampler state after
that batch, so the store is always at a batch boundary: after a crash, the round resumes
from the last committed batch and neither loses nor repeats a probe.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ares.errors import RunDirError
from ares.store._evaluation import EVALUATION_SCHEMA, EvaluationTables

STORE_FILE = "ares.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rounds (
    round INTEGER PRIMARY KEY,
    seed INTEGER NOT NULL,
    budget INTEGER NOT NULL,
    status TEXT NOT NULL,             -- running | finished
    policy_model TEXT NOT NULL,
    reward_model TEXT NOT NULL,
    judge TEXT NOT NULL,
    mentor TEXT NOT NULL,
    sampler TEXT NOT NULL,
    started_at REAL NOT NULL,
    finished_at REAL
);
CREATE TABLE IF NOT EXISTS probes (
    id INTEGER PRIMARY KEY,
    round INTEGER NOT NULL REFERENCES rounds(round),
    idx INTEGER NOT NULL,             -- position within the round, from 0
    seed INTEGER NOT NULL,            -- the mentor's seed for this probe
    topic_category TEXT NOT NULL,
    topic TEXT NOT NULL,
    persona TEXT NOT NULL,
    tactic TEXT NOT NULL,
    goal TEXT NOT NULL,
    prompt TEXT NOT NULL,
    harmful_response TEXT NOT NULL,
    safe_response TEXT NOT NULL,
    policy_response TEXT NOT NULL,
    judge_score INTEGER,              -- NULL: unscored
    judge_raw TEXT NOT NULL,
    rm_harmful REAL NOT NULL,
    rm_safe REAL NOT NULL,
    rm_policy REAL NOT NULL,
    failure_type TEXT NOT NULL CHECK (failure_type IN ('A', 'B', 'C', 'none', 'unscored')),
    status TEXT NOT NULL,             -- ok
    sampled_uniform INTEGER NOT NULL, -- 1 when drawn during warm-up or by the uniform sampler
    seconds_mentor REAL NOT NULL,     -- this probe's share of the batch's time in each stage
    seconds_policy REAL NOT NULL,
    seconds_judge REAL NOT NULL,
    seconds_reward REAL NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (round, idx)
);
CREATE TABLE IF NOT EXISTS sampler_states (
    round INTEGER NOT NULL,
    step INTEGER NOT NULL,            -- probes committed in the round when this state was saved
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (round, step)
);
CREATE TABLE IF NOT EXISTS rejections (
    id INTEGER PRIMARY KEY,
    round INTEGER NOT NULL,
    topic_category TEXT NOT NULL,
    topic TEXT NOT NULL,
    persona TEXT NOT NULL,
    tactic TEXT NOT NULL,
    goal TEXT NOT NULL,
    reason TEXT NOT NULL,             -- mentor_invalid | filtered_benign | filter_unscored
    prompt TEXT,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS stages (
    name TEXT PRIMARY KEY,            -- for example "reward@1": the RM repair after round 1
    kind TEXT NOT NULL,               -- reward | policy
    round INTEGER NOT NULL,           -- the last round whose findings the stage trained on
    status TEXT NOT NULL,             -- running | finished
    checkpoint TEXT,                  -- the repaired model's folder, relative to the run dir
    result TEXT,                      -- JSON: metrics and timings
    started_at REAL NOT NULL,
    finished_at REAL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    round INTEGER,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    data TEXT,
    created_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class ProbeRecord:
    """One classified probe, as stored."""

    round: int
    idx: int
    seed: int
    topic_category: str
    topic: str
    persona: str
    tactic: str
    goal: str
    prompt: str
    harmful_response: str
    safe_response: str
    policy_response: str
    judge_score: int | None
    judge_raw: str
    rm_harmful: float
    rm_safe: float
    rm_policy: float
    failure_type: str
    sampled_uniform: bool
    seconds_mentor: float
    seconds_policy: float
    seconds_judge: float
    seconds_reward: float
    status: str = "ok"
    id: int | None = None
    created_at: float = field(default=0.0)


@dataclass(frozen=True)
class Rejection:
    """An attack spec whose composed prompt did not become a probe, and why."""

    round: int
    topic_category: str
    topic: str
    persona: str
    tactic: str
    goal: str
    reason: str
    prompt: str | None


@dataclass(frozen=True)
class RoundInfo:
    """One round's row in the store."""

    round: int
    seed: int
    budget: int
    status: str
    policy_model: str
    reward_model: str
    judge: str
    mentor: str
    sampler: str
    started_at: float
    finished_at: float | None


@dataclass(frozen=True)
class StageInfo:
    """One repair stage's row in the store."""

    name: str
    kind: str
    round: int
    status: str
    checkpoint: str | None
    result: dict[str, Any] | None
    started_at: float
    finished_at: float | None


def _stage_info(row: sqlite3.Row) -> StageInfo:
    values = dict(row)
    values["result"] = None if values["result"] is None else json.loads(values["result"])
    return StageInfo(**values)


class RunStore(EvaluationTables):
    """Access to a run directory's SQLite store. Use as a context manager, or call `close()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise RunDirError(f"cannot open the run store {path}: {exc}") from None
        self._db.row_factory = sqlite3.Row
        # WAL keeps committed batches safe across a kill -9 and lets readers (ares export)
        # run while discovery writes.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA + EVALUATION_SCHEMA)
        self._check_schema_version()

    @classmethod
    def open(cls, run_dir: Path, *, create: bool = True) -> RunStore:
        """Open the store of `run_dir`, creating the folder and database when `create`."""
        path = run_dir / STORE_FILE
        if not create and not path.is_file():
            raise RunDirError(
                f"no ares run store in {run_dir} (expected {path}). Run "
                f"`ares discover --run-dir {run_dir}` first."
            )
        if run_dir.exists() and not run_dir.is_dir():
            raise RunDirError(f"--run-dir {run_dir} exists and is not a folder")
        run_dir.mkdir(parents=True, exist_ok=True)
        return cls(path)

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- meta -----------------------------------------------------------------------------

    def get_meta(self, key: str) -> Any | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row["value"])

    def set_meta(self, key: str, value: Any) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, sort_keys=True)),
        )

    # -- rounds ---------------------------------------------------------------------------

    def start_round(self, info: RoundInfo) -> None:
        """Insert the round's row, unless it exists."""
        self._db.execute(
            "INSERT OR IGNORE INTO rounds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                info.round, info.seed, info.budget, info.status, info.policy_model,
                info.reward_model, info.judge, info.mentor, info.sampler, info.started_at,
                info.finished_at,
            ),
        )

    def get_round(self, number: int) -> RoundInfo | None:
        row = self._db.execute("SELECT * FROM rounds WHERE round = ?", (number,)).fetchone()
        return None if row is None else RoundInfo(**dict(row))

    def rounds(self) -> list[RoundInfo]:
        rows = self._db.execute("SELECT * FROM rounds ORDER BY round").fetchall()
        return [RoundInfo(**dict(row)) for row in rows]

    def finish_round(self, number: int) -> None:
        self._db.execute(
            "UPDATE rounds SET status = 'finished', finished_at = ? WHERE round = ?",
            (time.time(), number),
        )

    def set_round_budget(self, number: int, budget: int) -> None:
        self._db.execute(
            "UPDATE rounds SET budget = ?, status = CASE WHEN status = 'finished' "
            "AND ? > (SELECT COUNT(*) FROM probes WHERE round = ?) THEN 'running' "
            "ELSE status END WHERE round = ?",
            (budget, budget, number, number),
        )

    # -- probes ---------------------------------------------------------------------------

    def commit_batch(
        self,
        round_number: int,
        probes: Sequence[ProbeRecord],
        rejections: Sequence[Rejection],
        sampler_state: dict[str, Any],
    ) -> None:
        """Write a batch of probes, its rejections and the sampler state in one transaction."""
        now = time.time()
        with self._transaction():
            for probe in probes:
                row = asdict(probe)
                row.pop("id")
                row["created_at"] = now
                row["sampled_uniform"] = int(probe.sampled_uniform)
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                self._db.execute(
                    f"INSERT INTO probes ({columns}) VALUES ({marks})", tuple(row.values())
                )
            for rejection in rejections:
                row = asdict(rejection)
                row["created_at"] = now
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                self._db.execute(
                    f"INSERT INTO rejections ({columns}) VALUES ({marks})", tuple(row.values())
                )
            step = self.count_probes(round_number)
            self._db.execute(
                "INSERT OR REPLACE INTO sampler_states VALUES (?, ?, ?, ?)",
                (round_number, step, json.dumps(sampler_state), now),
            )

    def count_probes(self, round_number: int | None = None) -> int:
        if round_number is None:
            row = self._db.execute("SELECT COUNT(*) FROM probes").fetchone()
        else:
            row = self._db.execute(
                "SELECT COUNT(*) FROM probes WHERE round = ?", (round_number,)
            ).fetchone()
        return int(row[0])

    def probes(self, round_number: int | None = None) -> Iterator[ProbeRecord]:
        """Yield stored probes in order, of one round or of all rounds."""
        if round_number is None:
            cursor = self._db.execute("SELECT * FROM probes ORDER BY round, idx")
        else:
            cursor = self._db.execute(
                "SELECT * FROM probes WHERE round = ? ORDER BY idx", (round_number,)
            )
        for row in cursor:
            values = dict(row)
            values["sampled_uniform"] = bool(values["sampled_uniform"])
            yield ProbeRecord(**values)

    def failure_counts(self, round_number: int) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT failure_type, COUNT(*) AS n FROM probes WHERE round = ? GROUP BY failure_type",
            (round_number,),
        ).fetchall()
        return {row["failure_type"]: int(row["n"]) for row in rows}

    def rejection_counts(self, round_number: int) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT reason, COUNT(*) AS n FROM rejections WHERE round = ? GROUP BY reason",
            (round_number,),
        ).fetchall()
        return {row["reason"]: int(row["n"]) for row in rows}

    def stage_seconds(self, round_number: int) -> dict[str, float]:
        row = self._db.execute(
            "SELECT SUM(seconds_mentor), SUM(seconds_policy), SUM(seconds_judge), "
            "SUM(seconds_reward) FROM probes WHERE round = ?",
            (round_number,),
        ).fetchone()
        return {
            stage: float(value or 0.0)
            for stage, value in zip(("mentor", "policy", "judge", "reward"), row, strict=True)
        }

    def rewarded_harmful_replies(self, round_number: int) -> tuple[int, int]:
        """Return (rewarded, failed): of the probes where the policy failed (B or C), how
        many got a higher RM score for the policy's own reply than for the safe response."""
        row = self._db.execute(
            "SELECT SUM(rm_policy > rm_safe), COUNT(*) FROM probes "
            "WHERE round = ? AND failure_type IN ('B', 'C')",
            (round_number,),
        ).fetchone()
        return int(row[0] or 0), int(row[1])

    # -- sampler states -------------------------------------------------------------------

    def latest_sampler_state(self, round_number: int) -> tuple[int, dict[str, Any]] | None:
        """Return (step, state) of the round's newest sampler state, if any."""
        row = self._db.execute(
            "SELECT step, state FROM sampler_states WHERE round = ? ORDER BY step DESC LIMIT 1",
            (round_number,),
        ).fetchone()
        return None if row is None else (int(row["step"]), json.loads(row["state"]))

    def sampler_states(self, round_number: int) -> list[tuple[int, dict[str, Any]]]:
        rows = self._db.execute(
            "SELECT step, state FROM sampler_states WHERE round = ? ORDER BY step",
            (round_number,),
        ).fetchall()
        return [(int(row["step"]), json.loads(row["state"])) for row in rows]

    # -- repair stages --------------------------------------------------------------------

    def start_stage(self, name: str, kind: str, round_number: int) -> None:
        """Record that a repair stage started; a rerun of a running stage starts it over."""
        self._db.execute(
            "INSERT INTO stages (name, kind, round, status, started_at) "
            "VALUES (?, ?, ?, 'running', ?) ON CONFLICT(name) DO UPDATE SET "
            "status = 'running', started_at = excluded.started_at",
            (name, kind, round_number, time.time()),
        )

    def finish_stage(self, name: str, checkpoint: str, result: dict[str, Any]) -> None:
        self._db.execute(
            "UPDATE stages SET status = 'finished', checkpoint = ?, result = ?, "
            "finished_at = ? WHERE name = ?",
            (checkpoint, json.dumps(result), time.time(), name),
        )

    def get_stage(self, name: str) -> StageInfo | None:
        row = self._db.execute("SELECT * FROM stages WHERE name = ?", (name,)).fetchone()
        return None if row is None else _stage_info(row)

    def stages(self, kind: str | None = None) -> list[StageInfo]:
        if kind is None:
            rows = self._db.execute("SELECT * FROM stages ORDER BY round, started_at").fetchall()
        else:
            rows = self._db.execute(
                "SELECT * FROM stages WHERE kind = ? ORDER BY round, started_at", (kind,)
            ).fetchall()
        return [_stage_info(row) for row in rows]

    # -- events ---------------------------------------------------------------------------

    def add_event(
        self, kind: str, message: str, *, round_number: int | None = None, data: Any = None
    ) -> None:
        self._db.execute(
            "INSERT INTO events (round, kind, message, data, created_at) VALUES (?, ?, ?, ?, ?)",
            (round_number, kind, message, None if data is None else json.dumps(data), time.time()),
        )

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        if kind is None:
            rows = self._db.execute("SELECT * FROM events ORDER BY id").fetchall()
        else:
            rows = self._db.execute(
                "SELECT * FROM events WHERE kind = ? ORDER BY id", (kind,)
            ).fetchall()
        return [dict(row) for row in rows]

    # -- internals ------------------------------------------------------------------------

    def _check_schema_version(self) -> None:
        version = self.get_meta("schema_version")
        if version is None:
            self.set_meta("schema_version", SCHEMA_VERSION)
        elif version != SCHEMA_VERSION:
            raise RunDirError(
                f"the run store {self.path} has schema version {version}, but this ares "
                f"reads version {SCHEMA_VERSION}; use a new --run-dir"
            )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
