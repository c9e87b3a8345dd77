"""Backend workers for the benchmarks and the two-worker test.

Each worker is the portal's ASGI app served by granian with one worker
process, which is what ``reflex run --env prod --backend-only`` starts.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GRANIAN = ROOT / ".venv" / "bin" / "granian"
HEALTHY_WITHIN_SECONDS = 120


def start_worker(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start one worker on 127.0.0.1:``port``, writing its output to ``log``."""
    command = [
        str(GRANIAN),
        *("--interface", "asgi", "--factory", "--workers", "1"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        "portal.app:app",
    ]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={
            **env,
            "FANGXIN_PORT": str(port),
            "REFLEX_ENV_MODE": "prod",
            "REFLEX_SKIP_COMPILE": "true",
        },
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_healthy(url: str, process: subprocess.Popen) -> None:
    """Wait until the worker at ``url`` responds to ``/healthz``.

    Raises:
        RuntimeError: the worker exited first.
        TimeoutError: it did not respond within 120 s.
    """
    deadline = time.monotonic() + HEALTHY_WITHIN_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the worker at {url} exited; see its log")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(
        f"the worker at {url} did not respond within {HEALTHY_WITHIN_SECONDS} s"
    )


def stop_worker(process: subprocess.Popen) -> None:
    """Stop a worker and its children; kill them if they outlast 20 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
