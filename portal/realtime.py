"""Notifications between backend workers: "consultation 7 has a new message".

A message note carries the stored message with its sequence number. A reader
that expects that number shows the message without a database read. A reader
that finds a gap, because a note was lost, loads what it missed from the
database, so a lost note delays an update but loses no message.

Without ``REDIS_URL`` notes travel through in-process queues, which suffices
for the single-process SQLite set-up. With it, every note goes through Redis
pub/sub, and each worker keeps one pattern subscription that fans notes out to
its local subscribers, so a note published on one worker reaches the other.
"""

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from portal.settings import get_settings

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "fangxin:"
QUEUE_CHANNEL = "queue"
MAX_PENDING_NOTES = 100


def consultation_channel(consultation_id: int) -> str:
    """Return the channel of one consultation's notes."""
    return f"consultation:{consultation_id}"


def user_channel(user_id: int) -> str:
    """Return the channel of notes for one account, such as unread counts."""
    return f"user:{user_id}"


class Broker:
    """Fans notes out to the subscribers of this process."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[asyncio.Queue]] = defaultdict(set)

    def _deliver(self, channel: str, note: dict[str, Any]) -> None:
        for inbox in list(self._subscribers.get(channel, ())):
            if inbox.qsize() >= MAX_PENDING_NOTES:
                logger.warning("dropped a note on %s: subscriber is behind", channel)
                continue
            inbox.put_nowait(note)

    async def publish(self, channel: str, note: dict[str, Any]) -> None:
        """Send ``note`` to every subscriber of ``channel``."""
        await self.publish_all([(channel, note)])

    async def publish_all(self, notes: list[tuple[str, dict[str, Any]]]) -> None:
        """Send each ``(channel, note)`` pair, in order."""
        for channel, note in notes:
            self._deliver(channel, note)

    async def _started(self) -> None:
        """Start whatever the broker needs before the first subscription."""

    @contextlib.asynccontextmanager
    async def subscribe(self, *channels: str) -> AsyncIterator[asyncio.Queue]:
        """Yield one queue that receives the notes of every channel given."""
        await self._started()
        inbox: asyncio.Queue = asyncio.Queue()
        for channel in channels:
            self._subscribers[channel].add(inbox)
        try:
            yield inbox
        finally:
            for channel in channels:
                self._subscribers[channel].discard(inbox)
                if not self._subscribers[channel]:
                    del self._subscribers[channel]


class RedisBroker(Broker):
    """Publishes through Redis; one pattern subscription per worker delivers."""

    def __init__(self, url: str) -> None:
        super().__init__()
        from redis import asyncio as redis

        self._redis = redis.from_url(url)
        self._listener: asyncio.Task | None = None
        self._ready = asyncio.Event()

    async def publish_all(self, notes: list[tuple[str, dict[str, Any]]]) -> None:
        """Send the notes in one round trip to Redis."""
        from redis.exceptions import RedisError

        pipeline = self._redis.pipeline(transaction=False)
        for channel, note in notes:
            pipeline.publish(CHANNEL_PREFIX + channel, json.dumps(note))
        try:
            await pipeline.execute()
        except RedisError as error:
            # The data is already stored; only the other page's update waits
            # until its next note or reload.
            logger.error(
                "publishing %s note(s) on %s failed: %s",
                len(notes),
                ", ".join(channel for channel, _ in notes),
                error,
            )

    async def _started(self) -> None:
        if self._listener is None or self._listener.done():
            self._ready.clear()
            self._listener = asyncio.create_task(self._listen())
        await self._ready.wait()

    async def _listen(self) -> None:
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.psubscribe(CHANNEL_PREFIX + "*")
                    self._ready.set()
                    logger.info("listening for notes on Redis")
                    async for message in pubsub.listen():
                        self._dispatch(message)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001  (reconnect after any Redis failure)
                logger.exception("Redis note listener failed; retrying in 1 s")
                self._ready.set()
                await asyncio.sleep(1)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if message.get("type") != "pmessage":
            return
        channel = message["channel"]
        if isinstance(channel, bytes):
            channel = channel.decode()
        try:
            note = json.loads(message["data"])
        except (TypeError, ValueError):
            logger.error("ignored a malformed note on %s", channel)
            return
        self._deliver(channel.removeprefix(CHANNEL_PREFIX), note)


_broker: Broker | None = None


def broker() -> Broker:
    """Return this process's broker, Redis-backed when ``REDIS_URL`` is set."""
    global _broker
    if _broker is None:
        url = get_settings().redis_url
        _broker = RedisBroker(url) if url else Broker()
    return _broker
