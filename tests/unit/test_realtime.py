"""The in-process note broker that serves one worker without Redis."""

import asyncio

from portal.realtime import Broker, consultation_channel
from tests.asyncio_thread import run_coroutine


async def _exchange() -> tuple[dict, bool]:
    broker = Broker()
    async with broker.subscribe(consultation_channel(1)) as inbox:
        async with broker.subscribe(consultation_channel(2)) as other:
            await broker.publish(consultation_channel(1), {"kind": "message"})
            note = await asyncio.wait_for(inbox.get(), 1)
            return note, other.empty()


async def _after_leaving() -> bool:
    broker = Broker()
    async with broker.subscribe(consultation_channel(1)) as inbox:
        pass
    await broker.publish(consultation_channel(1), {"kind": "message"})
    return inbox.empty()


def test_broker_delivers_to_channel_subscribers():
    note, other_empty = run_coroutine(_exchange())
    assert note == {"kind": "message"}
    assert other_empty


def test_broker_forgets_left_subscribers():
    assert run_coroutine(_after_leaving())


async def _in_order() -> list[dict]:
    broker = Broker()
    async with broker.subscribe(consultation_channel(1)) as inbox:
        await broker.publish_all(
            [(consultation_channel(1), {"seq": seq}) for seq in (1, 2, 3)]
        )
        return [inbox.get_nowait() for _ in range(3)]


def test_publish_all_keeps_order():
    assert run_coroutine(_in_order()) == [{"seq": 1}, {"seq": 2}, {"seq": 3}]
