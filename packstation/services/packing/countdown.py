"""The auto-submit countdown: a complete packing is submitted after a few quiet seconds.

Any edit re-evaluates it (`reconsider`), any step that leaves packing stops it; it ticks once a
second so the view can show the seconds left.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from packstation.domain.errors import PackstationError
from packstation.services.packing.values import SleepFn


class Countdown:
    """Counts `seconds` down, then awaits `on_due` (unless stopped meanwhile)."""

    def __init__(
        self,
        seconds: float,
        *,
        sleep: SleepFn,
        on_tick: Callable[[], None],
        on_due: Callable[[], Awaitable[None]],
        name: str = "auto-submit",
    ) -> None:
        self._seconds = seconds
        self._sleep = sleep
        self._on_tick = on_tick
        self._on_due = on_due
        self._name = name
        self._remaining: float | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def remaining(self) -> float | None:
        """Seconds left (None: not counting)."""
        return self._remaining

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    def reconsider(self, due: bool) -> None:
        """After an edit: count down when the packing is `due` for submitting, else stop."""
        if self._seconds > 0 and due:
            self._start()
        else:
            self.stop()

    def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
        self._remaining = None

    def _start(self) -> None:
        if self._task is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (a synchronous caller): auto-submit needs one
        self._remaining = self._seconds
        self._task = loop.create_task(self._count_down(), name=self._name)

    async def _count_down(self) -> None:
        while True:
            remaining = self._remaining
            if remaining is None:
                return
            if remaining <= 0:
                break
            step = min(1.0, remaining)
            await self._sleep(step)
            if self._remaining is not None:
                self._remaining = max(0.0, self._remaining - step)
                self._on_tick()
        self._task = None
        self._remaining = None
        with contextlib.suppress(PackstationError):  # the submit records its failure
            await self._on_due()
