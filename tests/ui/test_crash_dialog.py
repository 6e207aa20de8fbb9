"""Unexpected exceptions: logged, shown in a non-blocking dialog, secrets masked."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.ui.crash_dialog import CrashReporter


def test_excepthook_logs_and_opens_a_masked_dialog(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = CrashReporter(tmp_path / "packstation.log")
    reporter.install()
    try:
        assert sys.excepthook == reporter.excepthook
        try:
            raise KeyError("Api-Key: ACMA:SecretSecret:123")
        except KeyError as err:
            with caplog.at_level(logging.ERROR, logger="packstation.ui"):
                sys.excepthook(type(err), err, err.__traceback__)
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter.excepthook
    (dialog,) = reporter.dialogs
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "SecretSecret" not in dialog.details
    assert "KeyError" in dialog.details
    assert "SecretSecret" not in dialog.summary.text()
    assert str(tmp_path / "packstation.log") in dialog.log_label.text()
    assert any(record.exc_info for record in caplog.records)
    dialog.reject()
    qtbot.waitUntil(lambda: not reporter.dialogs, timeout=1000)


def test_report_from_the_task_runner(qtbot: QtBot) -> None:
    reporter = CrashReporter(None)
    reporter.report(RuntimeError("boom"))
    (dialog,) = reporter.dialogs
    qtbot.addWidget(dialog)
    assert "RuntimeError: boom" in dialog.summary.text()
    assert "console" in dialog.log_label.text()
