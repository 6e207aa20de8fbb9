"""The main window shell: banner, message bar, pages for the packing view, status bar states."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from packstation.services.order_queue import ConnectionState
from packstation.ui.main_window import RETIRE_AFTER_MS, MainWindow
from packstation.ui.message_bar import Level
from packstation.ui.order_list_model import OrderListModel
from tests.ui.order_fixtures import NOW, filled_queue


def _window(qtbot: QtBot, *, demo: bool) -> MainWindow:
    window = MainWindow(OrderListModel(filled_queue(), now=lambda: NOW), demo=demo, station="Стол 1")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_demo_window_says_so_in_banner_title_and_status(qtbot: QtBot) -> None:
    window = _window(qtbot, demo=True)
    assert window.demo_banner.isVisible()
    assert "Demo mode" in window.demo_banner.text()
    assert window.windowTitle() == "Packstation — Стол 1 (demo)"
    assert window.status.connection.text() == "Demo"
    window.set_connection(ConnectionState.ONLINE)  # the sandbox answering is still demo
    assert window.status.connection.state is ConnectionState.DEMO
    window.set_connection(ConnectionState.OFFLINE)
    assert window.status.connection.text() == "Offline"


def test_real_store_window_shows_connection_states(qtbot: QtBot) -> None:
    window = _window(qtbot, demo=False)
    assert not window.demo_banner.isVisible()
    for state, text in [(ConnectionState.ONLINE, "Online"), (ConnectionState.RATE_LIMITED, "Rate-limited")]:
        window.set_connection(state)
        assert window.status.connection.text() == text
    assert window.status.counts.text() == "Orders: 5"


def test_packing_page_plugs_in_and_back(qtbot: QtBot) -> None:
    window = _window(qtbot, demo=True)
    first = QLabel("packing 1")
    window.show_packing(first)
    assert window.pages.currentWidget() is first
    assert window.packing_widget is first
    second = QLabel("packing 2")
    window.show_packing(second)
    assert window.pages.count() == 2
    assert window.pages.indexOf(first) < 0
    window.show_orders()
    assert window.pages.currentWidget() is window.order_list
    window.orders_action.trigger()
    assert window.pages.currentWidget() is window.order_list


def test_the_next_packing_page_replaces_the_one_shown_without_showing_another_on_the_way(
    qtbot: QtBot,
) -> None:
    """Taking the shown page out of the stack first would show the list (or the page built
    ahead) in between: their show and layout in the opening's frame (issue 19)."""
    window = _window(qtbot, demo=True)
    first = QLabel("packing 1")
    window.show_packing(first)
    spare = QLabel("built ahead")
    window.stage_packing(spare)
    shown: list[str] = []
    recorder = _Shown(shown)
    for page in (window.order_list, spare):
        page.installEventFilter(recorder)
    second = QLabel("packing 2")
    window.show_packing(second)
    assert window.pages.currentWidget() is second
    assert window.pages.indexOf(first) < 0
    assert shown == []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert shiboken6.isValid(first)  # not deleted in the new page's first frame...
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=RETIRE_AFTER_MS + 2000)  # ...but soon after


class _Shown(QObject):
    def __init__(self, shown: list[str]) -> None:
        super().__init__()
        self.shown = shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown.append(watched.objectName() or type(watched).__name__)
        return False


def test_message_bar_levels_repeats_and_dismiss(qtbot: QtBot) -> None:
    window = _window(qtbot, demo=True)
    bar = window.message_bar
    bar.show_error("Принтер не отвечает")
    bar.show_error("Принтер не отвечает")
    assert bar.isVisible()
    assert bar.level is Level.ERROR
    assert bar.text == "Принтер не отвечает"
    assert "×2" in bar._label.text()
    with qtbot.waitSignal(bar.dismissed, timeout=1000):
        bar._close.click()
    assert not bar.isVisible()
    assert bar.text == ""


def test_activation_and_close_signals_reach_the_window(qtbot: QtBot) -> None:
    window = _window(qtbot, demo=True)
    with qtbot.waitSignal(window.order_activated, timeout=1000) as opened:
        window.order_list.order_activated.emit(102)
    assert opened.args == [102]
    with qtbot.waitSignal(window.refresh_requested, timeout=1000):
        window.refresh_action.trigger()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.close()
