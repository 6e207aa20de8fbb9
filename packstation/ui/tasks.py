"""Run a coroutine from a Qt slot, the one way the UI starts async work.

`TaskRunner.run(coro, trigger=button)` creates a tracked asyncio task on the running (qasync)
loop, disables the triggering control until the task ends, and routes its outcome:
`PackstationError` -> the message bar in the UI language, cancellation -> nothing, anything
else -> the crash reporter. `shutdown()` cancels every task still running (window close, SIGTERM).

Example::

    self.refresh_button.clicked.connect(lambda: tasks.run(queue.refresh(), trigger=self.refresh_button))
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from packstation.domain.errors import PackstationError
from packstation.ui.i18n import say

T = TypeVar("T")
_log = logging.getLogger("packstation.ui")


class Enablable(Protocol):
    """Anything with `setEnabled` (QWidget, QAction)."""

    def setEnabled(self, enabled: bool, /) -> None: ...


class TaskRunner(QObject):
    """Tracks the UI's background tasks and reports their failures.

    Args:
        show_error: shows an expected error's text (the message bar's `show_error`).
        report_crash: handles an unexpected exception (the crash reporter's `report`).

    Signals:
        busy_changed(bool): True while at least one task runs.
        failed(object): a task ended with an exception (after it was routed).
    """

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(
        self,
        show_error: Callable[[str], None],
        report_crash: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._show_error = show_error
        self._report_crash = report_crash
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    @property
    def running(self) -> int:
        """How many tracked tasks have not finished yet."""
        return len(self._tasks)

    def run(
        self, coro: Coroutine[Any, Any, T], *, trigger: Enablable | None = None, name: str | None = None
    ) -> asyncio.Task[T]:
        """Start `coro` as a tracked task; `trigger` stays disabled until it ends.

        Must be called while the event loop runs (from a slot, or a coroutine).
        """
        if self._closed:
            coro.close()
            raise RuntimeError("TaskRunner is shut down")
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        if trigger is not None:
            trigger.setEnabled(False)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        task.add_done_callback(lambda done: self._finished(done, trigger))
        return task

    def _finished(self, task: asyncio.Task[Any], trigger: Enablable | None) -> None:
        self._tasks.discard(task)
        if trigger is not None and not self._closed:
            with contextlib.suppress(RuntimeError):  # the control was deleted while the task ran
                trigger.setEnabled(True)
        if not self._tasks:
            self.busy_changed.emit(False)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if isinstance(error, PackstationError):
            _log.warning("%s failed: %s", task.get_name(), error)
            self._show_error(say(error))
        else:
            self._report_crash(error)
        self.failed.emit(error)

    async def shutdown(self, grace_s: float = 5.0) -> None:
        """Cancel every tracked task and wait (up to `grace_s` seconds) for them to unwind."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            _done, pending = await asyncio.wait(tasks, timeout=grace_s)
            if pending:
                _log.warning("%d task(s) did not stop within %.1f s", len(pending), grace_s)
