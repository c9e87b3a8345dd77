"""Run the chat benchmark on both set-ups the issue names, at several sizes.

For each set-up the script starts its own backend workers on free loopback
ports, with a database made for the run, and runs ``chat_latency.py`` once
per pair count:

- ``sqlite``: one worker on a new SQLite file, no Redis;
- ``postgres``: two workers sharing a new PostgreSQL database and the local
  Redis; consumers connect to the first and lawyers to the second.

    .venv/bin/python benchmarks/chat_matrix.py --setup sqlite --pairs 50 200 500

Each line of output is the JSON record of one run. Workers and the database
are removed at the end.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.workers import start_worker, stop_worker, wait_healthy  # noqa: E402
from portal.migrations import upgrade_database  # noqa: E402

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_database() -> tuple[str, str]:
    name = f"chat_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _drop_postgres_database(name: str) -> None:
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(setup: str, pair_counts: list[int], extra: list[str], folder: Path) -> None:
    env = {
        **os.environ,
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "0",
        "FANGXIN_STORAGE_DIR": str(folder / "files"),
    }
    env.pop("REDIS_URL", None)
    postgres_name = None
    if setup == "sqlite":
        database_url = f"sqlite:///{folder / 'bench.db'}"
        workers = 1
    else:
        postgres_name, database_url = _postgres_database()
        env["REDIS_URL"] = REDIS_URL
        workers = 2
    env["DATABASE_URL"] = database_url
    processes = []
    try:
        upgrade_database(database_url)
        urls = []
        for index in range(workers):
            port = _free_port()
            log = folder / f"worker-{index}.log"
            processes.append(start_worker(port, env, log))
            urls.append(f"http://localhost:{port}")
            wait_healthy(urls[-1], processes[-1])
        for pairs in pair_counts:
            command = [
                sys.executable,
                str(ROOT / "benchmarks" / "chat_latency.py"),
                *[part for url in urls for part in ("--url", url)],
                *("--database-url", database_url, "--pairs", str(pairs), "--json"),
                *extra,
            ]
            result = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True
            )
            records = [
                line for line in result.stdout.splitlines() if line.startswith("{")
            ]
            if not records:
                print(result.stdout, result.stderr, file=sys.stderr)
                raise SystemExit(f"the run with {pairs} pairs failed")
            # A run that delivered less than everything still reports figures.
            print(json.dumps({"setup": setup, **json.loads(records[-1])}), flush=True)
    finally:
        for process in processes:
            stop_worker(process)
        if postgres_name:
            _drop_postgres_database(postgres_name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", choices=("sqlite", "postgres"), required=True)
    parser.add_argument("--pairs", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument(
        "--keep-logs", action="store_true", help="print the folder of worker logs"
    )
    args, extra = parser.parse_known_args()
    folder = Path(tempfile.mkdtemp(prefix="chat-bench-"))
    run(args.setup, args.pairs, extra, folder)
    if args.keep_logs:
        print(f"worker logs: {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
