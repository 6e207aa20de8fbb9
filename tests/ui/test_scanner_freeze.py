"""A frozen GUI thread in mid-scan does not split the scan.

Keys keep arriving while the thread is busy; when it wakes, the gap timer (already overdue) and
the queued keys compete. The scan must come out whole: keys are timed by when they were pressed
(the event's timestamp) and the gap is judged only after the queued keys have been taken.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from packstation.devices.config import ScannerSettings
from packstation.ui.scanner_filter import ScannerFilter

MARKING = "010460123456789321ab+Cd9\x1d93Zjqw"
KEY_INTERVAL_MS = 8  # a scanner's pace
FREEZE_S = 0.3  # far longer than the 60 ms key gap


class _Freezer(QObject):
    """Lives in the GUI thread; `freeze` emitted from another thread blocks the GUI thread."""

    freeze = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.freeze.connect(self._sleep)

    def _sleep(self) -> None:
        self.started.set()
        time.sleep(FREEZE_S)  # a slow slot: the GUI thread handles nothing meanwhile


def _key_events(code: str) -> list[QKeyEvent]:
    """What a scanner types for `code`: GS as Ctrl+], capitals with Shift, then Enter."""
    events = []
    for ch in code:
        if ch == "\x1d":
            ctrl = Qt.KeyboardModifier.ControlModifier
            events.append(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, ctrl, "\x1d"))
            continue
        shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        key = Qt.Key.Key_Plus if ch == "+" else Qt.Key(ord(ch.upper()))
        events.append(QKeyEvent(QEvent.Type.KeyPress, key, shift, ch))
    events.append(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
    return events


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


@pytest.fixture
def scanner(qtbot: QtBot) -> Iterator[ScannerFilter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    filt = ScannerFilter(ScannerSettings(max_key_gap_ms=60), platform="")
    filt.install(app)
    yield filt
    filt.uninstall()


def test_a_freeze_mid_scan_while_keys_keep_arriving_gives_one_scan(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    freezer = _Freezer()
    events = _key_events(MARKING)
    pressed_at = 5_000_000  # the window system's clock, in ms

    def scanner_device() -> None:
        for index, event in enumerate(events):
            event.setTimestamp(pressed_at + index * KEY_INTERVAL_MS)
            QCoreApplication.postEvent(field, event)
            if index == 6:  # mid-scan: the GUI thread freezes while the rest is typed
                freezer.freeze.emit()
                assert freezer.started.wait(5)
            time.sleep(KEY_INTERVAL_MS / 1000)

    device = threading.Thread(target=scanner_device)
    device.start()
    qtbot.waitUntil(lambda: bool(scans), timeout=5000)
    device.join(5)
    qtbot.wait(200)  # nothing else comes out
    assert freezer.started.is_set()
    assert scans == [MARKING]
    assert field.text() == ""


def test_a_person_typing_slowly_is_still_a_person_after_a_freeze(
    qtbot: QtBot, field: QLineEdit, scanner: ScannerFilter
) -> None:
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    freezer = _Freezer()
    pressed_at = 7_000_000
    for index, ch in enumerate("12345"):  # 150 ms apart: a person, even when seen all at once
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key(ord(ch)), Qt.KeyboardModifier.NoModifier, ch)
        event.setTimestamp(pressed_at + index * 150)
        QCoreApplication.postEvent(field, event)
    freezer.freeze.emit()  # the GUI thread is busy before it reads any of them
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    enter.setTimestamp(pressed_at + 5 * 150)
    QCoreApplication.postEvent(field, enter)
    qtbot.waitUntil(lambda: field.text() == "12345", timeout=3000)
    assert scans == []


_XDOTOOL_SCRIPT = r"""
import json, subprocess, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from packstation.devices.config import ScannerSettings
from packstation.ui.scanner_filter import ScannerFilter

app = QApplication([])
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
window.show()
window.activateWindow()
field.setFocus()
scanner = ScannerFilter(ScannerSettings(max_key_gap_ms=int(sys.argv[1])))
scanner.install(app)
scans = []
scanner.scanned.connect(scans.append)
seen = {"keys": 0, "frozen_at": None}


class FreezeMidScan(QObject):
    # Installed after the scanner, so it sees each key first; after the 8th, the GUI thread
    # sleeps in a slot while xdotool keeps typing into the real X server.
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.KeyPress and obj is field:
            seen["keys"] += 1
            if seen["keys"] == 8:
                seen["frozen_at"] = 8
                QTimer.singleShot(0, lambda: time.sleep(float(sys.argv[2])))
        return False


freeze = FreezeMidScan()
app.installEventFilter(freeze)


def scan():
    script = (
        "xdotool type --delay 8 0104601234567893215Cd9; xdotool key ctrl+bracketright; "
        "xdotool type --delay 8 93Zjqw; xdotool key Return"
    )
    subprocess.Popen(["sh", "-c", script])
    QTimer.singleShot(2000, done)


def done():
    print(json.dumps({"platform": app.platformName(), "scans": scans, "field": field.text(), **seen}))
    app.quit()


QTimer.singleShot(800, scan)
app.exec()
"""


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
    reason="needs xvfb-run and xdotool to type into a real X server",
)
def test_real_x11_keys_typed_during_a_freeze_give_one_scan() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 640x480x24", sys.executable, "-c", _XDOTOOL_SCRIPT, "100", "0.4"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["frozen_at"] == 8
    assert result["scans"] == ["0104601234567893215Cd9\x1d93Zjqw"]
    assert result["field"] == ""


def test_typing_is_not_held_forever_when_every_timer_fires_late(qtbot: QtBot, field: QLineEdit) -> None:
    # A loaded machine: each reading of the clock is 20 ms later than the last, so every gap
    # timer looks late. The filter waits a few times for queued keys, then hands the typing back.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    drift = iter(range(0, 10**9, 20))
    filt = ScannerFilter(
        ScannerSettings(max_key_gap_ms=60), platform="", clock=lambda: time.monotonic() * 1000 + next(drift)
    )
    filt.install(app)
    try:
        qtbot.keyClick(field, "a")
        qtbot.waitUntil(lambda: field.text() == "a", timeout=2000)
    finally:
        filt.uninstall()
