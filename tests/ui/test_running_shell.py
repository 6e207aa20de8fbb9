"""`running_shell`, which the shell-level GUI tests share: a failing test still shuts its shell
down, before the logging (the shell's last words reach its log file), so the next test starts
clean."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import Shell
from packstation.logs import LOG_FILE_NAME
from tests.ui.packing_support import running_shell

pytestmark = [pytest.mark.asyncio]


def _last_log_line(data_dir: Path) -> str:
    [log_file] = data_dir.rglob(LOG_FILE_NAME)
    return log_file.read_text(encoding="utf-8").rstrip().splitlines()[-1]


async def test_a_failing_block_still_shuts_the_shell_then_the_logging_down(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    packstation_log = logging.getLogger("packstation")
    seen: list[tuple[Shell, logging.Handler]] = []

    async def failing_test() -> None:
        async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
            assert shell.window.isVisible()
            assert shell.packing.store is not None
            assert len(shell.queue) > 0  # the orders loaded
            [log_handler] = [h for h in packstation_log.handlers if isinstance(h, RotatingFileHandler)]
            seen.append((shell, log_handler))
            raise RuntimeError("the test failed")

    with pytest.raises(RuntimeError, match="the test failed"):
        await failing_test()
    [(shell, log_handler)] = seen
    assert not shell.window.isVisible()
    assert shell.packing.store is None
    assert log_handler not in packstation_log.handlers
    assert _last_log_line(tmp_path).endswith("shut down")
