"""Run a coroutine to completion from a synchronous test."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run_coroutine(coroutine):
    """Run ``coroutine`` in a thread of its own and return its result.

    A plain ``asyncio.run`` fails once Playwright's session fixtures have left
    an event loop running in the main thread.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
