"""Running coroutines from slots: tracking, disabled triggers, error routing, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from packstation.domain.errors import DomainError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.ui.tasks import TaskRunner


class Sink:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.crashes: list[BaseException] = []


def _runner(sink: Sink) -> TaskRunner:
    return TaskRunner(sink.errors.append, sink.crashes.append)


@pytest.mark.asyncio
async def test_trigger_is_disabled_while_the_task_runs(qtbot: QtBot) -> None:
    sink = Sink()
    runner = _runner(sink)
    button = QPushButton("go")
    qtbot.addWidget(button)
    gate = asyncio.Event()

    async def work() -> int:
        await gate.wait()
        return 7

    task = runner.run(work(), trigger=button)
    await asyncio.sleep(0)
    assert not button.isEnabled()
    assert runner.running == 1
    gate.set()
    assert await task == 7
    await asyncio.sleep(0)
    assert button.isEnabled()
    assert runner.running == 0
    assert sink.errors == []
    assert sink.crashes == []


@pytest.mark.asyncio
async def test_expected_errors_go_to_the_message_bar_in_the_ui_language(qtbot: QtBot) -> None:
    sink = Sink()
    runner = _runner(sink)

    async def refuse() -> None:
        raise DomainError(
            QT_TRANSLATE_NOOP("Tests", "Not allowed"), hint=QT_TRANSLATE_NOOP("Tests", "Scan the box first.")
        )

    task = runner.run(refuse())
    with pytest.raises(DomainError):
        await task
    await asyncio.sleep(0)
    assert sink.errors == ["Not allowed Scan the box first."]
    assert sink.crashes == []


@pytest.mark.asyncio
async def test_bugs_go_to_the_crash_reporter(qtbot: QtBot) -> None:
    sink = Sink()
    runner = _runner(sink)
    failed: list[object] = []
    runner.failed.connect(failed.append)

    async def bug() -> None:
        raise ZeroDivisionError("oops")

    task = runner.run(bug())
    with pytest.raises(ZeroDivisionError):
        await task
    await asyncio.sleep(0)
    assert [type(e) for e in sink.crashes] == [ZeroDivisionError]
    assert sink.errors == []
    assert len(failed) == 1


@pytest.mark.asyncio
async def test_shutdown_cancels_running_tasks_silently_and_refuses_new_ones(qtbot: QtBot) -> None:
    sink = Sink()
    runner = _runner(sink)
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    task = runner.run(asyncio.sleep(3600))
    await asyncio.sleep(0)
    await runner.shutdown(grace_s=2)
    assert task.cancelled()
    assert busy == [True, False]
    assert sink.errors == []
    assert sink.crashes == []
    coro = asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="shut down"):
        runner.run(coro)
