"""Measure complaint filing and case-list queries on a large database.

Fills a fresh database with N complaints built from the real records in
../shared/data/complaints_zh.jsonl (cycled, each with its own reference), then
closes nine in ten of them, and times the queries behind "My complaints" and
the admin review queue.

    .venv/bin/python benchmarks/case_queries.py --complaints 100000
    .venv/bin/python benchmarks/case_queries.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Prints one line per measurement; results are recorded in benchmarks/README.md.
"""

import argparse
import itertools
import json
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from portal.db import make_engine
from portal.migrations import upgrade_database
from portal.models import Role, User
from portal.services import cases
from portal.services.auth import to_actor
from portal.services.complaints import (
    save_complaint,
    today_in_shanghai,
    validate_complaint,
)
from portal.services.importer import _form_fields
from portal.settings import PROJECT_ROOT

RECORDS = PROJECT_ROOT.parent / "shared" / "data" / "complaints_zh.jsonl"
CONSUMERS = 1000
QUERY_ROUNDS = 200
QUEUED_ONE_IN = 10


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _fill(db: Session, count: int) -> tuple[float, list[int]]:
    records = [
        json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()
    ]
    today = today_in_shanghai()
    consumer_ids = []
    for number in range(CONSUMERS):
        user = User(
            phone=f"135{number:08d}",
            display_name=f"c{number}",
            password_hash="x",
            role=Role.CONSUMER,
        )
        db.add(user)
        db.flush()
        consumer_ids.append(user.id)
    db.commit()
    started = time.perf_counter()
    for index, record in zip(range(count), itertools.cycle(records), strict=False):
        data = validate_complaint(_form_fields(record), today)
        save_complaint(
            db,
            consumer_ids[index % CONSUMERS],
            data,
            source="bench",
            source_ref=str(index),
        )
        if index % 1000 == 999:
            db.commit()
    db.commit()
    return time.perf_counter() - started, consumer_ids


def _time_queries(db: Session, consumer_ids: list[int]) -> dict[str, list[float]]:
    admin = User(
        phone="13400000000", display_name="admin", password_hash="x", role=Role.ADMIN
    )
    db.add(admin)
    db.commit()
    admin_actor = to_actor(admin)
    timings: dict[str, list[float]] = {
        "my_complaints": [],
        "my_search": [],
        "queue_page_1": [],
        "queue_page_50": [],
    }
    for round_number in range(QUERY_ROUNDS):
        consumer = db.get(User, consumer_ids[round_number % len(consumer_ids)])
        actor = to_actor(consumer)
        for name, call in (
            ("my_complaints", lambda actor=actor: cases.list_my_cases(db, actor)),
            (
                "my_search",
                lambda actor=actor: cases.list_my_cases(db, actor, search="吉利"),
            ),
            ("queue_page_1", lambda: cases.review_queue(db, admin_actor, page=1)),
            ("queue_page_50", lambda: cases.review_queue(db, admin_actor, page=50)),
        ):
            started = time.perf_counter()
            call()
            timings[name].append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--complaints", type=int, default=20000, help="complaints to create"
    )
    parser.add_argument(
        "--database-url",
        help="empty database to fill (default: a temporary SQLite file)",
    )
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    upgrade_database(url)
    engine = make_engine(url)
    with Session(engine) as db:
        seconds, consumer_ids = _fill(db, args.complaints)
        # Most cases of a year are finished; one in ten stays in the queue.
        db.execute(
            text("UPDATE complaint_case SET status = 'closed' WHERE id % :one_in != 0"),
            {"one_in": QUEUED_ONE_IN},
        )
        db.commit()
        if engine.dialect.name == "postgresql":
            db.execute(text("ANALYZE"))
        print(f"database: {engine.dialect.name}, complaints: {args.complaints}")
        print(f"filing: {args.complaints / seconds:,.0f} complaints/s")
        for name, samples in _time_queries(db, consumer_ids).items():
            print(
                f"{name}: p50 {statistics.median(samples):.1f} ms, "
                f"p95 {_percentile(samples, 0.95):.1f} ms, max {max(samples):.1f} ms"
            )
    engine.dispose()


if __name__ == "__main__":
    main()
