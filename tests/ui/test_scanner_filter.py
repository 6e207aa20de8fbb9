"""The application-level scanner filter with real key events (QTest) on a focused search field."""

from __future__ import annotations

import ctypes.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from packstation.devices.config import ScannerSettings
from packstation.domain.deadline import DEFAULT_CUTOFF
from packstation.ui.scanner_filter import ScannerFilter, platform_family

DAIRY = "0104601234567893" "21ab+Cd9" "\x1d" "93Zjqw"


class _Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        body = QWidget()
        layout = QVBoxLayout(body)
        self.search = QLineEdit()
        self.other = QLineEdit()
        layout.addWidget(self.search)
        layout.addWidget(self.other)
        self.setCentralWidget(body)


@pytest.fixture
def scanner_filter(qtbot: QtBot) -> Iterator[ScannerFilter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    filt = ScannerFilter(ScannerSettings(max_key_gap_ms=60), platform="")
    filt.install(app)
    yield filt
    filt.uninstall()


@pytest.fixture
def window(qtbot: QtBot) -> _Window:
    win = _Window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    win.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.search)
    return win


def _scan(qtbot: QtBot, widget: QWidget, code: str) -> None:
    """A scanner typing `code` into `widget`: GS as Ctrl+], then Enter, no pauses."""
    for part_index, part in enumerate(code.split("\x1d")):
        if part_index:
            qtbot.keyClick(widget, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(widget, part)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_scan_arrives_as_a_signal_and_the_search_field_stays_empty(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    with qtbot.waitSignal(scanner_filter.scanned, timeout=2000) as blocker:
        _scan(qtbot, window.search, DAIRY)
    assert blocker.args == [DAIRY]
    qtbot.wait(150)
    assert window.search.text() == ""
    assert window.other.text() == ""


def test_human_typing_passes_through_to_the_field(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    seen: list[str] = []
    scanner_filter.scanned.connect(seen.append)
    for ch in "abc":
        qtbot.keyClick(window.search, ch)
        qtbot.wait(120)
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.search, "d")
    qtbot.waitUntil(lambda: window.search.text() == "abd", timeout=2000)
    assert seen == []


def test_typing_then_scanning_then_typing_keeps_them_apart(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    seen: list[str] = []
    scanner_filter.scanned.connect(seen.append)
    qtbot.keyClick(window.search, "x")
    qtbot.wait(150)
    _scan(qtbot, window.search, "4601234567893")
    qtbot.wait(150)
    qtbot.keyClick(window.search, "y")
    qtbot.waitUntil(lambda: window.search.text() == "xy", timeout=2000)
    assert seen == ["4601234567893"]


def test_scan_under_russian_layout_is_restored(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    # What QTest delivers when the OS layout is Russian: Cyrillic text, Shift for capitals.
    with qtbot.waitSignal(scanner_filter.scanned, timeout=2000) as blocker:
        for ch in "ЗЫЖТУЦ_ИЩЧ":
            key = Qt.Key(ord(ch)) if ch == "_" else Qt.Key(ord(ch.upper()))
            shift = Qt.KeyboardModifier.ShiftModifier
            QTest.sendKeyEvent(QTest.KeyAction.Click, window.search, key, ch, shift)
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert blocker.args == ["PS:NEW_BOX"]
    assert window.search.text() == ""


def test_native_scan_codes_win_over_the_layout(qtbot: QtBot, window: _Window) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    filt = ScannerFilter(platform="x11")
    filt.install(app)
    try:
        seen: list[str] = []
        filt.scanned.connect(seen.append)
        keys = [(Qt.Key.Key_Q, "й", 24), (Qt.Key.Key_W, "ц", 25), (Qt.Key.Key_1, "1", 10)]
        keys.append((Qt.Key.Key_2, "2", 11))
        for key, text, code in keys:
            event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, code, 0, 0, text)
            QApplication.sendEvent(window.search, event)
        no_mod = Qt.KeyboardModifier.NoModifier
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, no_mod, 36, 0, 0, "\r")
        QApplication.sendEvent(window.search, enter)
        assert seen == ["qw12"]
        assert window.search.text() == ""
    finally:
        filt.uninstall()


def test_scanner_keys_do_not_fire_single_key_shortcuts(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("F8"), window)
    shortcut.activated.connect(lambda: fired.append(True))
    with qtbot.waitSignal(scanner_filter.scanned, timeout=2000) as blocker:
        qtbot.keyClicks(window.search, "0104601234567893" "21ab+Cd9")
        qtbot.keyClick(window.search, Qt.Key.Key_F8)
        qtbot.keyClicks(window.search, "93Zjqw")
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert blocker.args == [DAIRY]
    assert fired == []


def test_human_space_still_fires_a_shortcut_on_a_widget_without_text(
    qtbot: QtBot, window: _Window, scanner_filter: ScannerFilter
) -> None:
    button = QPushButton("Put item", window.centralWidget())
    button.show()
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("Space"), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert fired == [True]


def test_every_key_press_click_and_wheel_turn_is_reported_as_input(
    qtbot: QtBot, scanner_filter: ScannerFilter, window: _Window
) -> None:
    """The idle-time collector hears of input through this filter, the app's only application-wide
    one (issue 19): keys typed or scanned, mouse clicks and the wheel count; other events do not."""
    seen: list[str] = []
    scanner_filter.on_input = lambda: seen.append("input")
    QTest.keyClicks(window.other, "ab")  # two presses (and their releases)
    assert seen == ["input"] * 2
    QTest.mouseClick(window.other, Qt.MouseButton.LeftButton)
    assert seen == ["input"] * 3
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(window.other, wheel)
    assert seen == ["input"] * 4
    window.other.repaint()
    window.resize(window.width() + 10, window.height())
    qtbot.wait(10)
    assert seen == ["input"] * 4


def test_aside_takes_the_filter_out_of_the_events_of_its_block_and_back(
    qtbot: QtBot, scanner_filter: ScannerFilter, window: _Window
) -> None:
    """An order's page switch runs with the filter aside (issue 19): none of the events sent
    within the block pass through it; after the block it filters again, first among filters."""
    seen: list[str] = []
    scanner_filter.on_input = lambda: seen.append("input")
    with scanner_filter.aside():
        QTest.keyClicks(window.other, "ab")  # sent within the block: not through the filter
        QTest.mouseClick(window.other, Qt.MouseButton.LeftButton)
    assert seen == []
    assert window.other.text() == "ab"
    assert scanner_filter.installed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.other)  # the click's
    with qtbot.waitSignal(scanner_filter.scanned, timeout=2000) as blocker:
        _scan(qtbot, window.other, DAIRY)
    assert blocker.args == [DAIRY]
    assert seen  # its keys went through the filter again
    assert window.other.text() == "ab"


def test_aside_of_a_filter_not_installed_installs_nothing(qtbot: QtBot, window: _Window) -> None:
    filt = ScannerFilter(ScannerSettings(max_key_gap_ms=60), platform="")
    with filt.aside():
        pass
    assert not filt.installed
    seen: list[str] = []
    filt.scanned.connect(seen.append)
    _scan(qtbot, window.search, "4601234567893")
    qtbot.wait(150)
    assert seen == []
    assert window.search.text() == "4601234567893"


def test_platform_family() -> None:
    assert platform_family("xcb") == "x11"
    assert platform_family("wayland") == "x11"
    assert platform_family("windows") == "windows"
    assert platform_family("offscreen") == ""



_XTEST_SCRIPT = r"""
import ctypes, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from packstation.ui.scanner_filter import ScannerFilter

x11 = ctypes.CDLL("libX11.so.6")
xtst = ctypes.CDLL("libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
display = ctypes.c_void_p(x11.XOpenDisplay(None))
app = QApplication([])
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
window.show()
window.activateWindow()
field.setFocus()
scanner = ScannerFilter()
scanner.install(app)
scans = []
scanner.scanned.connect(scans.append)
SHIFT, CTRL, CAPS, ENTER = 50, 37, 66, 36


def tap(code, *mods):
    for mod in mods:
        xtst.XTestFakeKeyEvent(display, mod, True, 0)
    xtst.XTestFakeKeyEvent(display, code, True, 0)
    xtst.XTestFakeKeyEvent(display, code, False, 0)
    for mod in reversed(mods):
        xtst.XTestFakeKeyEvent(display, mod, False, 0)


def scan():
    tap(CAPS)  # Caps Lock on: the scanner's Shift now gives lower case
    # "A", "b", "]", "1", GS (Ctrl+]), "q", "." by X11 keycode, then Enter
    tap(38, SHIFT); tap(56); tap(35); tap(10); tap(35, CTRL); tap(24); tap(60); tap(ENTER)
    x11.XFlush(display)
    QTimer.singleShot(600, human)


def human():
    tap(24)  # a person presses "q" (Caps Lock still on)
    x11.XFlush(display)
    QTimer.singleShot(600, done)


def done():
    print(json.dumps({"platform": app.platformName(), "scans": scans, "field": field.text()}))
    app.quit()


QTimer.singleShot(800, scan)
app.exec()
"""


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or ctypes.util.find_library("Xtst") is None,
    reason="needs xvfb-run and libXtst to inject real X11 key events",
)
def test_real_x11_key_events_with_caps_lock_under_xvfb() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 640x480x24", sys.executable, "-c", _XTEST_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["scans"] == ["Ab]1\x1dq."]
    assert result["field"] == "Q"  # human typing is untouched, Caps Lock included


class _NoOrders:
    cutoff = DEFAULT_CUTOFF

    def orders(self) -> list[object]:
        return []

    def matches(self, order_id: int, flt: object) -> bool:
        return False


def test_scan_into_the_main_window_search_field(qtbot: QtBot, scanner_filter: ScannerFilter) -> None:
    from packstation.ui.main_window import MainWindow
    from packstation.ui.order_list_model import OrderListModel

    source = _NoOrders()
    model = OrderListModel(source)  # type: ignore[arg-type]
    win = MainWindow(model, demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.show_orders()
    search = win.order_list.search
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    activated: list[int] = []
    win.order_activated.connect(activated.append)
    with qtbot.waitSignal(scanner_filter.scanned, timeout=2000) as blocker:
        _scan(qtbot, search, DAIRY)
    assert blocker.args == [DAIRY]
    qtbot.wait(150)
    assert search.text() == ""
    assert activated == []
    qtbot.keyClick(search, "5")
    qtbot.waitUntil(lambda: search.text() == "5", timeout=2000)
