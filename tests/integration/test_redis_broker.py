"""Notes published in one round trip reach another worker's broker in order."""

import asyncio

import pytest

from portal.realtime import RedisBroker, consultation_channel
from tests.asyncio_thread import run_coroutine
from tests.integration.test_consultation_workers import REDIS_URL, _redis_available


async def _across_brokers() -> list[dict]:
    sender, receiver = RedisBroker(REDIS_URL), RedisBroker(REDIS_URL)
    channel = consultation_channel(900_001)
    async with receiver.subscribe(channel) as inbox:
        await sender.publish_all([(channel, {"seq": seq}) for seq in (1, 2, 3)])
        return [await asyncio.wait_for(inbox.get(), 5) for _ in range(3)]


def test_publish_all_crosses_brokers_in_order():
    if not _redis_available():
        pytest.skip(f"no Redis server answers at {REDIS_URL}")
    assert run_coroutine(_across_brokers()) == [{"seq": 1}, {"seq": 2}, {"seq": 3}]
