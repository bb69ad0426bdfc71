"""Evaluation tables of the run store: policy replies, their verdicts and RM scores.

Each row is keyed by the system (`original` or `repaired`), the identity of the model that
produced it and the item, so a rerun of `ares evaluate` skips what is stored and a newer
repair is evaluated afresh.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

EVALUATION_SCHEMA = """
CREATE TABLE IF NOT EXISTS eval_answers (
    id INTEGER PRIMARY KEY,
    system TEXT NOT NULL,             -- original | repaired
    model TEXT NOT NULL,              -- identity of the policy that replied
    benchmark TEXT NOT NULL,
    item_id TEXT NOT NULL,
    prompt_sha1 TEXT NOT NULL,        -- a changed prompt under the same id is a new item
    category TEXT NOT NULL,
    harmful INTEGER NOT NULL,         -- 1: a safe policy declines; 0: it should answer
    prompt TEXT NOT NULL,
    reply TEXT NOT NULL,
    seconds REAL NOT NULL,            -- this reply's share of its batch's generation time
    created_at REAL NOT NULL,
    UNIQUE (system, model, benchmark, item_id, prompt_sha1)
);
CREATE TABLE IF NOT EXISTS eval_verdicts (
    answer_id INTEGER NOT NULL REFERENCES eval_answers(id),
    judge TEXT NOT NULL,              -- judge identity
    score INTEGER,                    -- NULL: unscored
    raw TEXT NOT NULL,
    PRIMARY KEY (answer_id, judge)
);
CREATE TABLE IF NOT EXISTS eval_rm_scores (
    system TEXT NOT NULL,
    model TEXT NOT NULL,              -- identity of the reward model
    dataset TEXT NOT NULL,
    pair_sha1 TEXT NOT NULL,          -- SHA-1 of the (prompt, chosen, rejected) triple
    chosen REAL NOT NULL,
    rejected REAL NOT NULL,
    PRIMARY KEY (system, model, dataset, pair_sha1)
);
"""


def text_sha1(*texts: str) -> str:
    """Return the SHA-1 of `texts` joined by NUL characters, as hex."""
    return hashlib.sha1("\0".join(texts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EvalAnswer:
    """One policy reply to an evaluation prompt, as stored."""

    system: str
    model: str
    benchmark: str
    item_id: str
    category: str
    harmful: bool
    prompt: str
    reply: str
    seconds: float = 0.0
    id: int | None = None


class EvaluationTables:
    """Methods of `RunStore` for the evaluation tables; mixed into `RunStore`."""

    _db: sqlite3.Connection

    def add_eval_answers(self, answers: Sequence[EvalAnswer]) -> None:
        """Insert replies in one transaction; a reply already stored is kept as it was."""
        now = time.time()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for answer in answers:
                self._db.execute(
                    "INSERT OR IGNORE INTO eval_answers (system, model, benchmark, item_id, "
                    "prompt_sha1, category, harmful, prompt, reply, seconds, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        answer.system, answer.model, answer.benchmark, answer.item_id,
                        text_sha1(answer.prompt), answer.category, int(answer.harmful),
                        answer.prompt, answer.reply, answer.seconds, now,
                    ),
                )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def answered_items(self, system: str, model: str, benchmark: str) -> set[tuple[str, str]]:
        """Return the (item id, prompt SHA-1) keys already answered by `model` for `system`."""
        rows = self._db.execute(
            "SELECT item_id, prompt_sha1 FROM eval_answers "
            "WHERE system = ? AND model = ? AND benchmark = ?",
            (system, model, benchmark),
        ).fetchall()
        return {(row["item_id"], row["prompt_sha1"]) for row in rows}

    def eval_answers(
        self, system: str, model: str, benchmark: str | None = None
    ) -> list[EvalAnswer]:
        """Return stored replies of one system's model, of one benchmark or all, in id order."""
        query = "SELECT * FROM eval_answers WHERE system = ? AND model = ?"
        params: tuple[Any, ...] = (system, model)
        if benchmark is not None:
            query += " AND benchmark = ?"
            params += (benchmark,)
        rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        return [_answer(row) for row in rows]

    def add_eval_verdicts(
        self, judge: str, verdicts: Sequence[tuple[int, int | None, str]]
    ) -> None:
        """Store (answer id, score, raw) verdicts of `judge` in one transaction."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO eval_verdicts (answer_id, judge, score, raw) "
                "VALUES (?, ?, ?, ?)",
                [(answer_id, judge, score, raw) for answer_id, score, raw in verdicts],
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def eval_verdicts(self, judge: str, answer_ids: Sequence[int]) -> dict[int, int | None]:
        """Return `judge`'s stored scores of the given answers; unjudged answers are absent."""
        wanted = set(answer_ids)
        rows = self._db.execute(
            "SELECT answer_id, score FROM eval_verdicts WHERE judge = ?", (judge,)
        ).fetchall()
        return {row["answer_id"]: row["score"] for row in rows if row["answer_id"] in wanted}

    def add_rm_scores(
        self, system: str, model: str, dataset: str,
        scores: Sequence[tuple[str, float, float]],
    ) -> None:
        """Store (pair SHA-1, chosen score, rejected score) rows of one RM on one dataset."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO eval_rm_scores VALUES (?, ?, ?, ?, ?, ?)",
                [(system, model, dataset, *row) for row in scores],
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def rm_scores(self, system: str, model: str, dataset: str) -> dict[str, tuple[float, float]]:
        """Return {pair SHA-1: (chosen score, rejected score)} of one RM on one dataset."""
        rows = self._db.execute(
            "SELECT pair_sha1, chosen, rejected FROM eval_rm_scores "
            "WHERE system = ? AND model = ? AND dataset = ?",
            (system, model, dataset),
        ).fetchall()
        return {row["pair_sha1"]: (row["chosen"], row["rejected"]) for row in rows}


def _answer(row: sqlite3.Row) -> EvalAnswer:
    return EvalAnswer(
        system=row["system"], model=row["model"], benchmark=row["benchmark"],
        item_id=row["item_id"], category=row["category"], harmful=bool(row["harmful"]),
        prompt=row["prompt"], reply=row["reply"], seconds=row["seconds"], id=row["id"],
    )
