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
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.migrations import upgrade_database  # noqa: E402

GRANIAN = ROOT / ".venv" / "bin" / "granian"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/0"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_worker(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [
        str(GRANIAN),
        *("--interface", "asgi", "--factory", "--workers", "1"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        "portal.app:app",
    ]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**env, "FANGXIN_PORT": str(port)},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the worker at {url} exited; see its log")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the worker at {url} did not answer within 120 s")


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
        "REFLEX_ENV_MODE": "prod",
        "REFLEX_SKIP_COMPILE": "true",
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
            processes.append(_start_worker(port, env, log))
            urls.append(f"http://localhost:{port}")
            _wait_healthy(urls[-1], processes[-1])
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
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
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
