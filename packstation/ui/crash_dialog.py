"""The crash dialog and the `sys.excepthook` that feeds it.

An exception nobody expected (a bug) must neither kill the app nor vanish: the hook logs it with
its traceback (secrets masked by the log filter) and opens this dialog, which says what happened,
that the work done so far is kept, and where the log is. It is opened non-modally (`open()`), so
an error in a slot never blocks the event loop or a running scan.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packstation.logs import mask_secrets
from packstation.ui.format import fill

_log = logging.getLogger("packstation.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashDialog(QDialog):
    """Shows an unexpected error with its (masked) details and the log location."""

    def __init__(
        self, summary: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumWidth(560)
        self.details = mask_secrets(details)
        intro = QLabel(
            self.tr(
                "Something went wrong inside Packstation. Your packing progress is saved; "
                "you can continue working. If it happens again, send the log file to support."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.summary = QLabel(f"<b>{_escape(mask_secrets(summary))}</b>", self)
        self.summary.setWordWrap(True)
        where = str(log_file) if log_file else self.tr("(no log file: logging to the console)")
        self.log_label = QLabel(fill(self.tr("Log file: %1"), where), self)
        self.log_label.setWordWrap(True)
        text = QPlainTextEdit(self.details, self)
        text.setReadOnly(True)
        text.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.summary, self.log_label, text, buttons):
            layout.addWidget(widget)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashReporter:
    """Logs unexpected exceptions and shows them in a `CrashDialog`.

    Args:
        log_file: shown in the dialog so the packer can find the log.
        parent: returns the window to parent dialogs to (the main window once it exists).
    """

    def __init__(self, log_file: Path | None, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._log_file = log_file
        self._parent = parent
        self.dialogs: list[CrashDialog] = []
        self._previous: ExceptHook | None = None

    def report(self, error: BaseException) -> None:
        """Log `error` and show it (called by the task runner and the excepthook)."""
        self.excepthook(type(error), error, error.__traceback__)

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            if self._previous is not None:
                self._previous(kind, error, tb)
            return
        _log.error("unexpected error", exc_info=(kind, error, tb))
        details = "".join(traceback.format_exception(kind, error, tb))
        dialog = CrashDialog(f"{kind.__name__}: {error}", details, self._log_file, self._parent())
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialogs.append(dialog)
        dialog.open()

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def install(self) -> None:
        """Become `sys.excepthook` (qasync's async slots route their exceptions there)."""
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None
