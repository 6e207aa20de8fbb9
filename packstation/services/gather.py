"""Run awaitables concurrently, all or nothing, without leaving any of them running."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def gather_all(awaitables: Iterable[Awaitable[T]]) -> list[T]:
    """The results in the awaitables' order. When one fails (or the caller is cancelled), the
    rest are cancelled and awaited, then that first error is raised as it is, not wrapped in an
    ExceptionGroup as a TaskGroup would, so callers keep catching `PackstationError`."""
    tasks = [asyncio.ensure_future(a) for a in awaitables]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
