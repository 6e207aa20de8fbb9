"""The packing workspace inside the real shell: open by activation or scan, follow the queue."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import respx
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.domain.order import Order
from packstation.domain.scan import ScanResult
from packstation.market.pictures import PictureFetcher
from packstation.services.packing import PackingSession, Phase
from packstation.ui import packing_view
from packstation.ui.i18n import Translations
from packstation.ui.packing_view import PackingDesk, PackingView, picture_image
from packstation.ui.row_delegate import LOOK_ROLE
from packstation.ui.tasks import TaskRunner
from tests.ui.packing_support import open_desk, running_shell
from tests.ui.shell_packing import open_order

pytestmark = [pytest.mark.asyncio]


async def test_open_by_activation_pack_by_scanner_and_follow_the_queue(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2),))
    second = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = open_order(shell, first.id)
        assert shell.window.pages.currentWidget() is view
        assert view.session.order.id == first.id

        barcode = view.session.order.lines[0].barcodes[0]
        shell.packing.scanner.scanned.emit(barcode)  # what the scanner filter emits
        assert view.session.snapshot.progress[0].packed == 1
        assert shell.packing.store is not None
        assert shell.packing.store.journal.entries(first.id)  # journaled to the local store

        # The buyer cancels; the queue's next refresh interrupts the packer.
        sandbox.cancel_by_buyer(first.id)
        await shell.queue.refresh()
        assert view.session.phase is Phase.INTERRUPTED
        assert view.pages.currentWidget() is view.interrupt_page

        # Back to the list; scanning another order's number opens it.
        view.back_requested.emit()
        assert shell.window.pages.currentWidget() is shell.window.order_list
        shell.packing.scanner.scanned.emit(str(second.id))
        other = shell.window.packing_widget
        assert isinstance(other, PackingView)
        assert other.session.order.id == second.id
        assert other is view  # the last order's page, rebound: nothing of that order left on it
        assert other.pages.currentWidget() is other.workspace

        # Packed and submitted: the labels go to the (default, virtual) label printer.
        shell.packing.scanner.scanned.emit(other.session.order.lines[0].barcodes[0])
        shell.packing.scanner.scanned.emit("PS:SUBMIT")
        await other.session.wait_idle()
        assert other.session.phase is Phase.DONE
        assert other.session.snapshot.print_error is None
        assert list((tmp_path / "labels").rglob("*.pdf"))
        assert sandbox.find(second.id).substatus == "READY_TO_SHIP"

        # Scanning another order's number inside a packing view opens that order.
        third = sandbox.add_order((("MUG-300", 1),))
        await shell.queue.refresh()
        shell.packing.scanner.scanned.emit(str(third.id))
        opened = shell.window.packing_widget
        assert isinstance(opened, PackingView)
        assert opened.session.order.id == third.id
    assert shell.packing.store is None  # closed after the open session stopped
    assert shell.packing.desk.view is None


async def test_unknown_order_gives_a_message_not_a_crash(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    async with running_shell(qtbot, tmp_path, sandbox_app, show=False) as shell:
        shell.window.order_activated.emit(12345)
        assert shell.window.packing_widget is None
        assert "12345" in shell.window.message_bar.text
        # On the list, an item barcode that several listed orders hold opens none of them.
        sandbox = sandbox_app.state.sandbox
        sandbox.add_order((("MUG-300", 1),))
        sandbox.add_order((("MUG-300", 2),))
        await shell.queue.refresh()
        shell.packing.scanner.scanned.emit(sandbox.catalogue["MUG-300"].ean13)
        assert shell.window.packing_widget is None
        assert "several orders" in shell.window.message_bar.text
        shell.packing.scanner.scanned.emit("garbage-scan")
        assert shell.window.packing_widget is None
        assert "garbage-scan" in shell.window.message_bar.text


async def test_packing_view_speaks_russian(qapp: QApplication, sandbox_app: Starlette) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        desk = await open_desk(sandbox_app, (("SHOE-RUN-43", 2),))
        try:
            assert desk.view.new_box_button.text().startswith("Новая коробка")
            assert desk.view.state_banner.text() == "Сборка: в коробках 0 из 2 единиц"
            lines = desk.view.lines_model
            text = lines.data(lines.index(0, 0))
            assert "Честный знак" in text
            assert "упаковано 0 из 2" in text
            boxes = desk.view.boxes_model
            assert boxes.data(boxes.new_box_index()).startswith("+ Перетащите")
        finally:
            await desk.close()
    finally:
        translations.apply("en")


def _png() -> bytes:
    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


async def test_product_pictures_are_fetched_cached_and_shown(
    sandbox_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded_in: list[int] = []

    def decoding(data: bytes) -> QImage | None:
        decoded_in.append(threading.get_ident())
        return picture_image(data)

    # The photo is decoded and scaled off the GUI thread (issue 19).
    monkeypatch.setattr(packing_view, "picture_image", decoding)
    png = _png()
    with respx.mock(assert_all_called=False) as router:
        ok = httpx.Response(200, content=png)
        good = router.get("https://img.example/mug.png").mock(return_value=ok)
        router.get("https://img.example/gone.png").mock(return_value=httpx.Response(404))
        pictures = PictureFetcher()  # the demo's URLs are fake: the shell wires none there
        assert await pictures.fetch("https://img.example/mug.png") == png
        assert await pictures.fetch("https://img.example/mug.png") == png
        assert good.call_count == 1  # cached
        assert await pictures.fetch("https://img.example/gone.png") is None

    desk = await open_desk(sandbox_app, (("MUG-300", 1), ("BOOK-WP", 1)))
    try:
        mug_url = desk.order.lines[0].picture_url
        assert mug_url is not None

        async def load(url: str) -> bytes | None:
            return png if url == mug_url else None

        view = PackingView(desk.session, desk.tasks, load_picture=load)
        lines = view.lines_model
        assert lines.data(lines.index(0, 0), LOOK_ROLE).picture is None  # as painted before it came
        await desk.settle()
        picture = lines.data(lines.index(0, 0), Qt.ItemDataRole.DecorationRole)
        assert isinstance(picture, QPixmap)
        assert picture.width() == 64  # scaled to the list's icon size
        assert lines.data(lines.index(0, 0), LOOK_ROLE).picture is picture  # what the row paints
        assert lines.data(lines.index(1, 0), Qt.ItemDataRole.DecorationRole) is None
        assert decoded_in
        assert threading.get_ident() not in decoded_in
        view.detach()
        view.deleteLater()
    finally:
        await desk.close()


class _Pages:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def show_packing(self, widget: QWidget) -> None:
        self.shown.append("packing")

    def show_orders(self) -> None:
        self.shown.append("orders")


class _NoOrders:
    def get(self, order_id: int) -> Order | None:
        return None

    def subscribe_order(self, order_id: int, callback: Callable[[Order], None]) -> Callable[[], None]:
        return lambda: None

    def find_by_scan(self, scan: ScanResult) -> Order | None:
        return None


def _no_session(order: Order) -> PackingSession:
    raise AssertionError(f"no order should open, got {order.id}")


async def test_the_desk_carries_out_reprints_and_their_fallback(qapp: QApplication) -> None:
    asked: list[tuple[int, int]] = []
    taken = False
    errors: list[str] = []
    crashes: list[BaseException] = []

    def box_label(order_id: int, box: int) -> bool:
        asked.append((order_id, box))
        return taken

    desk = PackingDesk(
        _Pages(), _NoOrders(), _no_session, TaskRunner(errors.append, crashes.append),
        show_error=errors.append, box_label=box_label,
    )
    desk.handle_scan("123456-1")  # the print side declines: the router's fallback is shown
    assert asked == [(123456, 1)]
    assert errors == ["No listed order matches the scan 123456-1."]

    taken = True
    desk.handle_scan("123456-2")
    assert asked[-1] == (123456, 2)
    assert len(errors) == 1  # reprinted, nothing else happens

    desk.can_reprint = lambda order_id, box: False  # not printed here: the print side is not asked
    desk.handle_scan("123456-3")
    assert len(asked) == 2
    assert errors[-1] == "No listed order matches the scan 123456-3."
    assert not crashes


async def test_next_order_inside_a_packing_view_goes_back_to_the_list(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    order = sandbox_app.state.sandbox.add_order((("MUG-300", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = open_order(shell, order.id)
        assert shell.window.pages.currentWidget() is view
        shell.packing.scanner.scanned.emit("PS:NEXT_ORDER")
        assert shell.window.pages.currentWidget() is shell.window.order_list
        assert shell.packing.desk.view is view  # the session stays open to come back to
