"""Measure consultation chat delivery latency over real websockets.

The script arranges N active consultations in the portal's database, opens
each consultation page twice (consumer and lawyer) with the headless client
in ``benchmarks/reflex_client.py``, and has both sides send messages. A
message's latency runs from the moment its sender emits it to the moment the
other side's page state contains it. Afterwards it runs the same exchange
through a bare python-socketio relay on this machine, for comparison.

Against a portal started with ``make run`` (same environment variables):

    .venv/bin/python benchmarks/chat_latency.py --pairs 50

Every run is bounded: ``--messages`` per side per pair, ``--timeout`` seconds
overall, and only loopback URLs are accepted.
"""

import argparse
import asyncio
import json
import logging
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import socketio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.reflex_client import ChatClient  # noqa: E402
from portal.db import make_engine, session_scope  # noqa: E402
from portal.models import (  # noqa: E402
    AuthSession,
    Consultation,
    LawyerDuty,
    LawyerProfile,
    Role,
    User,
)
from portal.models.types import utcnow  # noqa: E402
from portal.services.auth import hash_token, password_context  # noqa: E402
from portal.settings import get_settings  # noqa: E402

logger = logging.getLogger("chat_latency")

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
CONNECT_BATCH = 25
RELAY_SCRIPT = Path(__file__).with_name("socketio_relay.py")


@dataclass
class Tally:
    """Send and receive times of every message of one run, by message text."""

    sent: dict[str, float] = field(default_factory=dict)
    received: dict[str, float] = field(default_factory=dict)

    def record(self, texts) -> None:
        now = time.perf_counter()
        for text in texts:
            if text in self.sent and text not in self.received:
                self.received[text] = now

    def summary(self, expected: int) -> dict[str, float]:
        latencies = sorted(
            (self.received[text] - self.sent[text]) * 1000 for text in self.received
        )
        if not latencies:
            return {"delivered": 0, "expected": expected}
        first = min(self.sent.values())
        last = max(self.received.values())
        return {
            "delivered": len(latencies),
            "expected": expected,
            "p50_ms": _percentile(latencies, 50),
            "p95_ms": _percentile(latencies, 95),
            "p99_ms": _percentile(latencies, 99),
            "mean_ms": statistics.fmean(latencies),
            "messages_per_s": len(latencies) / max(last - first, 1e-9),
        }


def _percentile(sorted_values: list[float], percent: float) -> float:
    index = min(len(sorted_values) - 1, round(percent / 100 * (len(sorted_values) - 1)))
    return sorted_values[index]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK_HOSTS:
        raise SystemExit(f"refusing {url}: the benchmark sends only to loopback")


def arrange(database_url: str, pairs: int) -> list[tuple[int, str, str]]:
    """Create ``pairs`` active consultations; returns (id, consumer, lawyer) tokens.

    Accounts share one password hash, because hashing a thousand passwords
    with argon2 would take minutes and measures nothing about chat.
    """
    run = uuid.uuid4().hex[:8]
    password_hash = password_context.hash(secrets.token_urlsafe(16))
    expires = utcnow() + timedelta(days=1)
    arranged = []
    engine = make_engine(database_url)
    with session_scope(engine) as db:
        for index in range(pairs):
            people = []
            for role in (Role.CONSUMER, Role.LAWYER):
                user = User(
                    email=f"bench-{run}-{index}-{role.value}@example.test",
                    display_name=f"{role.value} {index}",
                    password_hash=password_hash,
                    role=role,
                )
                db.add(user)
                db.flush()
                token = secrets.token_urlsafe(32)
                db.add(
                    AuthSession(
                        user_id=user.id,
                        token_hash=hash_token(token),
                        expires_at=expires,
                    )
                )
                people.append((user, token))
            (asker, asker_token), (lawyer, lawyer_token) = people
            db.add(
                LawyerProfile(
                    user_id=lawyer.id,
                    status="approved",
                    real_name=f"律师 {index}",
                    areas="consumer_disputes",
                )
            )
            db.add(LawyerDuty(user_id=lawyer.id, on_duty=True))
            consultation = Consultation(
                consumer_id=asker.id,
                lawyer_id=lawyer.id,
                topic="consumer_disputes",
                question=f"benchmark question {index}",
                status="active",
                picked_up_at=utcnow(),
            )
            db.add(consultation)
            db.flush()
            arranged.append((consultation.id, asker_token, lawyer_token))
    engine.dispose()
    return arranged


async def _connect_all(clients: list, timeout: float) -> None:
    for start in range(0, len(clients), CONNECT_BATCH):
        batch = clients[start : start + CONNECT_BATCH]
        await asyncio.gather(*(client.connect(timeout=timeout) for client in batch))


async def _exchange(
    senders: list[tuple[object, str]],
    send,
    tally: Tally,
    messages: int,
    interval: float,
    deadline: float,
) -> None:
    """Have every sender send ``messages`` texts, ``interval`` seconds apart."""

    async def one_side(client, label: str) -> None:
        await asyncio.sleep(secrets.randbelow(1000) / 1000 * interval)
        for index in range(messages):
            text = f"{label}:{index}"
            tally.sent[text] = time.perf_counter()
            await send(client, text)
            await asyncio.sleep(interval)

    await asyncio.gather(*(one_side(client, label) for client, label in senders))
    while len(tally.received) < len(tally.sent) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


async def run_portal(args, arranged, deadline: float) -> dict[str, float]:
    """Run the exchange against the portal; consumers use the first URL."""
    tally = Tally()

    def watcher(peer_label: str):
        """Record only the other side's messages as they reach this page."""
        prefix = peer_label + ":"
        return lambda rows: tally.record(
            row["body"] for row in rows if row.get("body", "").startswith(prefix)
        )

    consumer_url, lawyer_url = args.url[0], args.url[-1]
    pairs = []
    for index, (consultation_id, consumer_token, lawyer_token) in enumerate(arranged):
        pairs.append(
            (
                ChatClient(
                    consumer_url, consumer_token, consultation_id, watcher(f"l{index}")
                ),
                ChatClient(
                    lawyer_url, lawyer_token, consultation_id, watcher(f"c{index}")
                ),
            )
        )
    clients = [client for pair in pairs for client in pair]
    await _connect_all(clients, args.connect_timeout)
    senders = []
    for index, (consumer, lawyer) in enumerate(pairs):
        senders += [(consumer, f"c{index}"), (lawyer, f"l{index}")]

    async def send(client, text):
        await client.send(text)

    try:
        await _exchange(senders, send, tally, args.messages, args.interval, deadline)
    finally:
        await asyncio.gather(*(client.close() for client in clients))
    return tally.summary(len(senders) * args.messages)


async def run_relay(args, deadline: float) -> dict[str, float]:
    """Run the same exchange through a bare python-socketio relay process."""
    port = args.relay_port or _free_port()
    relay = subprocess.Popen([sys.executable, str(RELAY_SCRIPT), str(port)])
    tally = Tally()
    clients = []
    try:
        await asyncio.sleep(1.5)
        for index in range(args.pairs):
            for side in ("c", "l"):
                client = socketio.AsyncClient(reconnection=False)
                client.on("msg", lambda text: tally.record([text]))
                clients.append((client, f"{side}{index}", index))
        for start in range(0, len(clients), CONNECT_BATCH):
            await asyncio.gather(
                *(
                    client.connect(
                        f"http://127.0.0.1:{port}?pair={pair}",
                        transports=["websocket"],
                    )
                    for client, _label, pair in clients[start : start + CONNECT_BATCH]
                )
            )

        async def send(client, text):
            await client.emit("msg", text)

        senders = [(client, label) for client, label, _pair in clients]
        await _exchange(senders, send, tally, args.messages, args.interval, deadline)
    finally:
        await asyncio.gather(*(client.disconnect() for client, _l, _p in clients))
        relay.terminate()
        relay.wait(timeout=10)
    return tally.summary(len(clients) * args.messages)


def _print_row(name: str, result: dict[str, float]) -> None:
    if not result.get("delivered"):
        print(f"{name:<8} delivered 0 of {result['expected']}")
        return
    print(
        f"{name:<8} delivered {result['delivered']}/{result['expected']}  "
        f"p50 {result['p50_ms']:.1f} ms  p95 {result['p95_ms']:.1f} ms  "
        f"p99 {result['p99_ms']:.1f} ms  {result['messages_per_s']:.0f} msg/s"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    settings = get_settings()
    parser.add_argument(
        "--url",
        action="append",
        help="portal backend URL (default FANGXIN_PUBLIC_URL); give it twice to "
        "put lawyers on a second worker",
    )
    parser.add_argument(
        "--database-url",
        default=settings.database_url,
        help="the portal's database (default DATABASE_URL)",
    )
    parser.add_argument("--pairs", type=int, default=50, help="consultations (1-500)")
    parser.add_argument(
        "--messages", type=int, default=10, help="messages per side per pair (1-100)"
    )
    parser.add_argument(
        "--interval", type=float, default=1.0, help="seconds between a side's sends"
    )
    parser.add_argument(
        "--timeout", type=float, default=300, help="seconds the whole run may take"
    )
    parser.add_argument(
        "--connect-timeout", type=float, default=60, help="seconds per page load"
    )
    parser.add_argument(
        "--relay-port", type=int, default=0, help="relay port (default: a free one)"
    )
    parser.add_argument("--json", action="store_true", help="print results as JSON")

    args = parser.parse_args(argv)
    args.url = args.url or [settings.public_url]
    if not 1 <= args.pairs <= 500:
        parser.error(f"--pairs {args.pairs} is outside 1 to 500")
    if not 1 <= args.messages <= 100:
        parser.error(f"--messages {args.messages} is outside 1 to 100")
    for url in args.url:
        _require_loopback(url)
    return args


async def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    load_before = os.getloadavg()[0]
    deadline = time.monotonic() + args.timeout
    arranged = arrange(args.database_url, args.pairs)
    portal = await run_portal(args, arranged, deadline)
    relay = await run_relay(args, time.monotonic() + args.timeout)
    workers = len(set(args.url))
    if args.json:
        record = {"pairs": args.pairs, "workers": workers, "load": load_before}
        print(json.dumps({**record, "portal": portal, "relay": relay}))
    print(
        f"{args.pairs} pairs, {args.messages} messages per side every "
        f"{args.interval} s, {workers} worker(s), {os.cpu_count()} CPUs, "
        f"1-minute load average before the run {load_before:.1f}"
    )
    _print_row("portal", portal)
    _print_row("relay", relay)
    if portal.get("p99_ms") and relay.get("p99_ms"):
        print(f"p99 ratio portal/relay: {portal['p99_ms'] / relay['p99_ms']:.1f}x")
    return 0 if portal.get("delivered") == portal["expected"] else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
