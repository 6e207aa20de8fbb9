"""The print queue panel: statuses, retry after a failure, reprint from the recent-labels drawer."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from packstation.domain.labels import LabelFormat
from packstation.services.label_job import LabelJob
from packstation.ui.i18n import Translations
from packstation.ui.print_queue_panel import PrintQueuePanel
from packstation.ui.tasks import TaskRunner
from tests.printing.fakes import OUT_OF_PAPER, FakeMarket, FakePrinter, FixedClock, make_boxes, make_order
from tests.printing.samples import decode, market_like_pdf, order_labels


class Harness:
    def __init__(self, qtbot: QtBot, printer: FakePrinter) -> None:
        self.errors: list[str] = []
        self.crashes: list[BaseException] = []
        self.printer = printer
        self.market = FakeMarket()
        self.labels = LabelJob(self.market, printer, fmt=LabelFormat.A9_HORIZONTALLY, clock=FixedClock())
        self.tasks = TaskRunner(self.errors.append, self.crashes.append)
        self.panel = PrintQueuePanel(self.labels, tasks=self.tasks)
        qtbot.addWidget(self.panel)

    async def settle(self) -> None:
        for _ in range(200):
            if not self.tasks.running:
                return
            await asyncio.sleep(0.01)
        raise AssertionError("background tasks did not finish")


@pytest.mark.asyncio
async def test_a_failed_job_shows_the_error_and_retry_prints_it(qtbot: QtBot) -> None:
    h = Harness(qtbot, FakePrinter(failures=[OUT_OF_PAPER]))
    await h.labels.print_order_labels(make_order(7), make_boxes(11, 12))

    row = h.panel.queue.topLevelItem(0)
    assert row.text(0) == "Labels of order 7"
    assert row.text(1) == "11, 12"
    assert row.text(2) == "failed"
    assert row.text(3) == "Out of labels. Load roll."
    assert not h.panel.retry_button.isEnabled()
    h.panel.queue.setCurrentItem(row)
    assert h.panel.retry_button.isEnabled()

    h.panel.retry_button.click()
    await h.settle()
    assert row.text(2) == "done"
    assert row.text(3) == ""
    assert len(h.printer.printed) == 1
    assert not h.panel.retry_button.isEnabled()
    assert h.errors == []
    assert h.crashes == []


@pytest.mark.asyncio
async def test_reprint_a_box_from_the_drawer(qtbot: QtBot) -> None:
    h = Harness(qtbot, FakePrinter())
    await h.labels.print_order_labels(make_order(7), make_boxes(11, 12))
    await h.labels.print_order_labels(make_order(8), make_boxes(21))

    assert h.panel.recent.topLevelItemCount() == 2
    newest = h.panel.recent.topLevelItem(0)
    assert newest.text(0) == "Order 8"
    older = h.panel.recent.topLevelItem(1)
    assert [older.child(i).text(0) for i in range(older.childCount())] == [
        "Box 1 of 2 · 7-1",
        "Box 2 of 2 · 7-2",
    ]
    assert not h.panel.reprint_button.isEnabled()
    h.panel.recent.setCurrentItem(older.child(1))
    assert h.panel.reprint_button.isEnabled()

    h.panel.reprint_button.click()
    await h.settle()
    assert h.printer.printed[-1][0] == b"%PDF box 7 12 A9_HORIZONTALLY"
    top = h.panel.queue.topLevelItem(0)
    assert top.text(0) == "Reprint for order 7"
    assert top.text(2) == "done"
    # The drawer keeps the selection across refreshes.
    assert h.panel.recent.currentItem().text(0) == "Box 2 of 2 · 7-2"


@pytest.mark.asyncio
async def test_a_scanned_box_label_reprints_and_an_unknown_one_says_why(qtbot: QtBot) -> None:
    h = Harness(qtbot, FakePrinter())
    await h.labels.print_order_labels(make_order(7), make_boxes(11, 12))
    h.panel.reprint_scanned(7, 1)
    await h.settle()
    assert h.printer.printed[-1][0] == b"%PDF box 7 11 A9_HORIZONTALLY"
    h.panel.reprint_scanned(9, 1)
    await h.settle()
    (error,) = h.errors
    assert error.startswith("Label 9-1 is not among the recent orders.")


def test_the_drawer_can_be_hidden(qtbot: QtBot) -> None:
    h = Harness(qtbot, FakePrinter())
    h.panel.show()
    assert h.panel.drawer.isVisible()
    h.panel.drawer_button.click()
    assert not h.panel.drawer.isVisible()


@pytest.mark.asyncio
async def test_jobs_queued_before_the_panel_existed_are_listed(qtbot: QtBot) -> None:
    printer = FakePrinter()
    labels = LabelJob(FakeMarket(), printer, fmt=LabelFormat.A7, clock=FixedClock())
    await labels.print_order_labels(make_order(5), make_boxes(51))
    tasks = TaskRunner(lambda _: None, lambda _: None)
    panel = PrintQueuePanel(labels, tasks=tasks)
    qtbot.addWidget(panel)
    assert panel.queue.topLevelItemCount() == 1
    assert panel.recent.topLevelItem(0).childCount() == 1


@pytest.mark.asyncio
async def test_the_panel_speaks_russian(qtbot: QtBot, qapp: QApplication) -> None:
    translations = Translations(qapp)
    assert translations.apply("ru")
    try:
        h = Harness(qtbot, FakePrinter(failures=[OUT_OF_PAPER]))
        await h.labels.print_order_labels(make_order(7), make_boxes(11))
        row = h.panel.queue.topLevelItem(0)
        assert row.text(0) == "Ярлыки заказа 7"
        assert row.text(2) == "ошибка"
        assert h.panel.retry_button.text() == "Повторить"
        assert h.panel.preview_button.text() == "Просмотр"
        assert h.panel.recent.topLevelItem(0).child(0).text(0) == "Коробка 1 из 1 · 7-1"
    finally:
        translations.apply("en")


class PdfMarket(FakeMarket):
    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        return market_like_pdf(order_labels(order_id=order_id, boxes=2), fmt)


@pytest.mark.asyncio
async def test_preview_shows_the_thermal_bitmaps(qtbot: QtBot) -> None:
    h = Harness(qtbot, FakePrinter())
    h.labels = LabelJob(PdfMarket(), h.printer, fmt=LabelFormat.A9_HORIZONTALLY, clock=FixedClock())
    h.panel = PrintQueuePanel(h.labels, tasks=h.tasks, preview_dpi=203)
    qtbot.addWidget(h.panel)
    await h.labels.print_order_labels(make_order(7206821), make_boxes(901, 902))
    assert not h.panel.preview_button.isEnabled()
    h.panel.queue.setCurrentItem(h.panel.queue.topLevelItem(0))
    assert h.panel.preview_button.isEnabled()

    h.panel.preview_button.click()
    await h.settle()
    dialog = h.panel.preview_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Labels of order 7206821"
    images = [label.pixmap().toImage() for label in dialog.pages]
    assert [image.size() for image in images] == [QSize(464, 320)] * 2
    assert [decode(image)[0] for image in images] == [("Code 128", "7206821-1"), ("Code 128", "7206821-2")]
    dialog.close()
