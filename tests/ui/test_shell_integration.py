"""The shell wiring of the finished parts: outbox replay, orders in progress, retention, the print
queue and box-label reprints, order history, the serial scanner and auto-submit."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.app import COMPACT_EVERY_MS
from packstation.devices.config import ScannerSettings
from packstation.devices.serial_reader import SerialScanner
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import CANCELLED, PROCESSING, READY_TO_SHIP
from packstation.logs import shutdown_logging
from packstation.market.errors import ConnectionFailedError
from packstation.market.pictures import PictureFetcher
from packstation.services.intents import IntentKind, status_payload
from packstation.services.label_job import JobKind
from packstation.services.outbox_replay import ReplayReport
from packstation.settings import AppSettings
from packstation.storage.database import DB_FILE_NAME
from packstation.storage.local_store import open_local_store
from packstation.ui import gc_policy
from packstation.ui.gc_policy import IdleCollector
from packstation.ui.order_list_model import IN_PROGRESS_ROLE, Column
from packstation.ui.packing_view import PackingView
from tests.fixtures.qt import until
from tests.services.fakes import FakeMarket, make_order
from tests.ui.packing_support import closing_shell, running_shell, shell_over
from tests.ui.shell_packing import open_order, pack_and_submit

pytestmark = [pytest.mark.asyncio]
RTS = status_payload(PROCESSING, READY_TO_SHIP)


# -- 1. outbox replay ---------------------------------------------------------------------------


async def test_intents_left_by_a_previous_run_are_replayed_at_start_and_reported(
    qtbot: QtBot, tmp_path: Path
) -> None:
    market = FakeMarket()
    market.add(make_order(1), make_order(2, status=CANCELLED, substatus="USER_CHANGED_MIND"))
    previous = open_local_store(tmp_path)
    previous.outbox.add_intent(1, IntentKind.STATUS, RTS)  # the app died before the Market confirmed
    previous.outbox.add_intent(2, IntentKind.STATUS, RTS)  # ... and this order was cancelled meanwhile
    previous.close()
    shell = shell_over(qtbot, tmp_path, market)
    assert shell.packing.store is None  # nothing opened before the window is shown
    main = asyncio.ensure_future(shell.main())
    try:
        await until(lambda: shell.packing.store is not None, "the store")
        store = shell.packing.store
        assert store is not None
        await until(lambda: not store.outbox.pending_intents(), "the replay")
        await until(lambda: "USER_CHANGED_MIND" in shell.window.message_bar.text, "the report")
        assert market.orders[1].substatus == READY_TO_SHIP
        assert market.count("set_status") == 1  # the cancelled order's change was not sent
        assert {r.action for r in store.audit.history(2)} == {"outbox_skipped"}
    finally:
        shell.window.close()
        assert await asyncio.wait_for(main, 5) == 0
        shutdown_logging()
    assert shell.replayer is None  # closed at shutdown ...
    assert shell.packing.store is None  # ... and the store after it


async def test_a_reconnect_replays_what_stayed_pending(qtbot: QtBot, tmp_path: Path) -> None:
    market = FakeMarket()
    market.add(make_order(1))
    previous = open_local_store(tmp_path)
    previous.outbox.add_intent(1, IntentKind.STATUS, RTS)
    previous.close()
    market.fail_next("get_order", ConnectionFailedError())  # offline at start
    shell = shell_over(qtbot, tmp_path, market)
    main = asyncio.ensure_future(shell.main())
    try:
        await until(lambda: shell.queue.running, "the refresh loop")
        store = shell.packing.store
        assert store is not None
        assert len(store.outbox.pending_intents()) == 1
        assert market.orders[1].substatus != READY_TO_SHIP
        market.fail_next("iter_order_pages", ConnectionFailedError())
        with contextlib.suppress(PackstationError):
            await shell.queue.refresh(full=True)  # the link drops ...
        await shell.queue.refresh(full=True)  # ... and comes back: the outbox is flushed
        await until(lambda: not store.outbox.pending_intents(), "the replay after the reconnect")
        assert market.orders[1].substatus == READY_TO_SHIP
    finally:
        shell.window.close()
        assert await asyncio.wait_for(main, 5) == 0
        shutdown_logging()


async def test_a_broken_replay_report_reaches_the_message_bar(qtbot: QtBot, tmp_path: Path) -> None:
    async with closing_shell(shell_over(qtbot, tmp_path, FakeMarket())) as shell:
        broken = PackstationError(QT_TRANSLATE_NOOP("Tests", "The journal is unreadable"))
        shell.show_replay(ReplayReport(error=broken))
        assert shell.window.message_bar.text == "The journal is unreadable"


# -- 2. orders in progress ----------------------------------------------------------------------


async def test_orders_in_progress_are_marked_and_reopen_where_the_packer_left(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    started = sandbox.add_order((("MUG-300", 2),))
    untouched = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, started.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        view.back_requested.emit()  # back on the list: the marker shows at once
        assert shell.model.is_in_progress(started.id)

    # The next start (a crash or a restart): the list says where work was left, and opening the
    # order restores it from the journal.
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        model = shell.model
        row = model.row_of(started.id)
        assert row is not None
        cell = model.index(row, Column.ORDER)
        assert cell.data(IN_PROGRESS_ROLE) is True
        assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
        assert "In progress at this station" in cell.data(Qt.ItemDataRole.ToolTipRole)
        other = model.index(model.row_of(untouched.id) or 0, Column.ORDER)
        assert other.data(IN_PROGRESS_ROLE) is False
        assert other.data(Qt.ItemDataRole.DecorationRole) is None
        view = open_order(shell, started.id)
        assert view.session.snapshot.progress[0].packed == 1


async def test_the_markers_are_refreshed_when_the_list_comes_back_not_when_an_order_opens(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an order stalls the window for as long as it takes (issue 19): the list's
    in-progress markers, a journal query over every listed order, wait until the list shows."""
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        store = shell.packing.store
        assert store is not None
        asked: list[int] = []
        in_progress = store.journal.orders_in_progress
        monkeypatch.setattr(store.journal, "orders_in_progress", lambda: asked.append(1) or in_progress())
        view = open_order(shell, order.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        assert asked == []
        view.back_requested.emit()
        assert asked == [1]
        assert shell.model.is_in_progress(order.id)


async def test_a_damaged_journal_line_is_set_aside_and_the_order_still_reopens(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    """Before: the JSON error escaped the restore, a crash dialog on every attempt to open."""
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, order.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        assert view.session.snapshot.progress[0].packed == 2
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME)
    with conn:
        (last,) = conn.execute("SELECT max(seq) FROM journal WHERE order_id = ?", (order.id,)).fetchone()
        conn.execute("UPDATE journal SET action = '{\"op\": \"put\", \"li' WHERE seq = ?", (last,))
    conn.close()

    async with running_shell(qtbot, tmp_path, sandbox_app, local_store=True) as shell:
        view = open_order(shell, order.id)
        assert view.session.snapshot.progress[0].packed == 1  # the readable work is back
        # "1 damaged line ... was" with the English plural catalogue loaded, the source text without.
        assert f"in the journal of order {order.id}" in shell.window.message_bar.text
        assert "set aside" in shell.window.message_bar.text
        view.history_button.click()
        history = shell.history
        assert history is not None
        shown = [history.model.item(row, 3).text() for row in range(history.model.rowCount())]
        assert "Damaged journal line set aside" in shown


# -- 3. retention -------------------------------------------------------------------------------


def _old_finished_work(data_dir: Path, order_id: int) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=400)
    old = open_local_store(data_dir, clock=lambda: long_ago)
    old.journal.append(order_id, {"op": "note"})
    old.journal.finish(order_id)
    old.close()


async def test_retention_runs_at_start_and_then_daily(qtbot: QtBot, tmp_path: Path) -> None:
    _old_finished_work(tmp_path, 7)
    async with closing_shell(shell_over(qtbot, tmp_path, FakeMarket())) as shell:
        store = shell.start_local_store()
        assert store is not None
        assert store.compaction is not None
        assert store.compaction.journal_rows == 1
        assert store.journal.entries(7) == []
        assert shell._compact_timer.isActive()
        assert shell._compact_timer.interval() == COMPACT_EVERY_MS
        _old_finished_work(tmp_path, 8)  # work that aged past the retention while running
        assert store.journal.entries(8) != []
        shell._compact_timer.timeout.emit()
        assert store.journal.entries(8) == []
    assert not shell._compact_timer.isActive()


# -- 4. print queue and box labels --------------------------------------------------------------


async def test_print_queue_dock_and_scanned_box_labels_reprint(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    packed = sandbox.add_order((("MUG-300", 1),))
    other = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        assert shell.print_queue is None  # built when first needed
        await pack_and_submit(shell, packed.id)
        shell.window.show_orders()

        action = shell.window.print_queue_action
        assert action.isEnabled()
        assert action.shortcut().toString() == "F9"
        action.trigger()
        assert shell.window.print_dock.isVisible()
        panel = shell.print_queue
        assert panel is not None
        assert shell.window.print_dock.widget() is panel
        assert panel.queue.topLevelItemCount() == 1  # the labels printed at submit

        # On the order list, a scanned box label of an order printed here is reprinted.
        shell.packing.scanner.scanned.emit(f"{packed.id}-1")
        await until(lambda: shell.tasks.running == 0, "the reprint")
        kinds = [job.kind for job in shell.packing.labels.jobs()]
        assert kinds == [JobKind.LABELS, JobKind.REPRINT]
        assert shell.window.packing_widget is not None
        assert shell.window.pages.currentWidget() is shell.window.order_list  # nothing opened

        # Inside another order's packing view the scanned label is forwarded to the reprint too.
        view = open_order(shell, other.id)
        shell.packing.scanner.scanned.emit(f"{packed.id}-1")
        await until(lambda: shell.tasks.running == 0, "the second reprint")
        assert [job.kind for job in shell.packing.labels.jobs()].count(JobKind.REPRINT) == 2
        assert shell.window.packing_widget is view  # the packer stays on the order

        # A label this station did not print opens its order, as before.
        shell.window.show_orders()
        shell.packing.scanner.scanned.emit(f"{other.id}-1")
        opened = shell.window.packing_widget
        assert isinstance(opened, PackingView)
        assert opened.session.order.id == other.id
        assert shell.window.pages.currentWidget() is opened


# -- 5. order history ---------------------------------------------------------------------------


async def test_order_history_opens_from_the_list_and_the_packing_view(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = await pack_and_submit(shell, order.id)
        view.history_button.click()
        assert shell.window.history_dock.isVisible()
        history = shell.history
        assert history is not None
        assert history.order_id == order.id
        recorded = history.model.rowCount()
        assert recorded > 0

        shell.window.history_dock.hide()
        shell.window.show_orders()
        order_list = shell.window.order_list
        assert order_list.select_order(order.id)
        rect = order_list.table.visualRect(order_list.table.currentIndex())
        order_list._context_menu(QPoint(rect.center()))
        menu = order_list.context_menu
        assert menu is not None
        assert [a.text() for a in menu.actions()] == ["Open", "Order history…"]
        menu.close()
        order_list.history_action.trigger()
        assert shell.window.history_dock.isVisible()
        assert shell.history is history
        assert history.model.rowCount() == recorded


# -- 6. serial scanner --------------------------------------------------------------------------


async def test_a_configured_serial_scanner_feeds_the_scan_path_and_stops_at_shutdown(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    settings = AppSettings(scanner=ScannerSettings(serial_port="/dev/packstation-no-such-port"))
    async with running_shell(qtbot, tmp_path, sandbox_app, settings, show=False) as shell:
        shell.packing.install(qapp)
        serial = shell.packing.serial
        assert isinstance(serial, SerialScanner)
        # The port does not exist: the packer is told, and the reader keeps retrying.
        assert "serial scanner is not connected" in shell.window.message_bar.text
        # A serial scan is input no key event shows: the idle collector hears of it (issue 19).
        now = [0.0]
        shell.gc_collector = IdleCollector(shell.window, clock=lambda: now[0])
        now[0] = 10_000.0  # long idle: a maintenance pass would be due...
        serial.scanned.emit(str(order.id))
        assert not shell.gc_collector.check()  # ...but the serial scan postponed it
        view = shell.window.packing_widget
        assert isinstance(view, PackingView)
        assert view.session.order.id == order.id
    assert shell.packing.serial is None
    assert not serial.is_open
    assert not serial._retry.isActive()


async def test_the_idle_collector_hears_of_input_through_the_scanner_filter_alone(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One application-wide Python event filter, not two: every event of the app (~1,000 while
    an order opens) passes through each (issue 19)."""
    monkeypatch.setattr(gc_policy, "settle_after_startup", lambda: None)  # no freeze in this process
    async with closing_shell(shell_over(qtbot, tmp_path, FakeMarket())) as shell:
        shell.window.show()
        shell.packing.install(qapp)
        collector = shell._install_gc_policy()
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        collector._last_input = 0.0
        QApplication.sendEvent(shell.window.order_list.search, press)
        assert collector._last_input > 0.0  # heard through the scanner filter
        shell.packing.scanner.on_input = None
        collector._last_input = 0.0
        QApplication.sendEvent(shell.window.order_list.search, press)
        assert collector._last_input == 0.0  # it has no filter of its own


async def test_an_order_opens_with_the_scanner_filter_aside_and_back_after(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, sandbox_app: Starlette
) -> None:
    """The page switch's ~500 show, hide and layout events do not pass through the Python
    filter (issue 19); the key events after it do."""
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 2),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        shell.packing.install(qapp)
        heard: list[str] = []
        shell.packing.scanner.on_input = lambda: heard.append("key")
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        within: list[list[str]] = []

        def press_a_key_while_it_opens(view: object) -> None:
            assert isinstance(view, QWidget)
            QApplication.sendEvent(view, press)
            within.append(list(heard))

        shell.packing.desk.view_opened.connect(press_a_key_while_it_opens)
        open_order(shell, order.id)
        assert within == [[]]  # the key sent within the opening passed the filter by
        QApplication.sendEvent(shell.window.order_list.search, press)
        assert heard == ["key"]


async def test_the_pictures_tls_context_is_built_once_the_orders_are_up_before_any_order_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Built at the first picture, it took the GIL from the first order's opening (issue 19)."""
    shell = shell_over(qtbot, tmp_path, FakeMarket())
    pictures = PictureFetcher()
    shell.services = dataclasses.replace(shell.services, pictures=pictures)  # as a real store's
    main = asyncio.ensure_future(shell.main())
    try:
        await until(lambda: pictures._tls is not None, "the TLS context, built ahead")
        assert shell.window.packing_widget is None  # no order opened, no picture fetched
    finally:
        shell.window.close()
        assert await asyncio.wait_for(main, 5) == 0
        shutdown_logging()


async def test_without_a_serial_port_no_reader_starts(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    async with closing_shell(shell_over(qtbot, tmp_path, FakeMarket())) as shell:
        shell.packing.install(qapp)
        assert shell.packing.serial is None


# -- 7. auto-submit -----------------------------------------------------------------------------


async def test_auto_submit_setting_reaches_the_packing_session(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app, AppSettings(auto_submit_s=30)) as shell:
        view = open_order(shell, order.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        assert view.session.snapshot.countdown is not None
        assert 0 < view.session.snapshot.countdown <= 30


async def test_saved_settings_switch_auto_submit_and_the_serial_scanner_without_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    async with closing_shell(shell_over(qtbot, tmp_path, FakeMarket())) as shell:
        assert shell.packing.serial is None
        shell.window.settings_action.trigger()
        dialog = shell.settings_dialog
        assert dialog is not None
        dialog.auto_submit.setValue(12)
        dialog.serial_port.addItem("ttyTEST", "/dev/packstation-no-such-port")
        dialog.serial_port.setCurrentIndex(dialog.serial_port.count() - 1)
        dialog.accept()
        assert shell.packing.settings.auto_submit_s == 12
        first = shell.packing.serial
        assert isinstance(first, SerialScanner)
        assert first.port_name.endswith("packstation-no-such-port")
        # Back to the keyboard scanner only: the serial reader stops.
        shell.window.settings_action.trigger()
        dialog = shell.settings_dialog
        assert dialog is not None
        dialog.serial_port.setCurrentIndex(0)
        dialog.accept()
        assert shell.packing.serial is None
        assert "Settings saved." in shell.window.message_bar.text
