"""A scan's feedback line is on the screen before the rest of the view follows the scan (issue 19):
the desk paints and flushes it inside the scan, then the banner, the lists and the buttons take
the change and are painted in the loop's next turn."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from tests.ui.packing_support import open_desk, running_shell
from tests.ui.paint_support import Painted, on_screen
from tests.ui.shell_packing import open_order

OFFERS = (("MUG-300", 2), ("BOOK-WP", 1))


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


class _AtFeedbackPaint(QObject):
    """What the view showed each time its feedback line was painted."""

    def __init__(self, read: object) -> None:
        super().__init__()
        self.read = read
        self.seen: list[object] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append(self.read())  # type: ignore[operator]
        return False


@pytest.mark.asyncio
@pytest.mark.parametrize("taken", [True, False])
async def test_a_scan_shows_its_feedback_before_the_lists_and_banner_follow(
    sandbox_app: Starlette, taken: bool
) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    view = desk.view
    try:
        view.show()
        _settle()
        mug = desk.order.lines[0].barcodes[0]
        text = mug if taken else "4600000000015"  # refused: a valid EAN no line has
        before = (view.lines_model.progress_text(0), view.state_banner.text(), view.boxes_model.rowCount())
        feedback_before, lines_before = on_screen(view.feedback), on_screen(view.lines)
        watch = _AtFeedbackPaint(
            lambda: (view.lines_model.progress_text(0), view.state_banner.text(), view.boxes_model.rowCount())
        )
        lists = Painted()
        view.feedback.installEventFilter(watch)
        for widget in (view.lines.viewport(), view.boxes.viewport(), view.state_banner):
            widget.installEventFilter(lists)

        desk.scan(text)

        # Painted and put on the screen inside the scan, before the lists or the banner changed.
        assert watch.seen == [before]
        assert lists.names == []
        shown = on_screen(view.feedback)
        assert shown != feedback_before
        assert on_screen(view.lines) == lines_before
        assert view.feedback.text().startswith("✔" if taken else "✖")
        # The scan returned: the models follow the session already, the loop's next turn paints them.
        progress_after = view.lines_model.progress_text(0)
        assert (progress_after != before[0]) is taken
        assert (view.boxes_model.rowCount() != before[2]) is taken
        _settle()
        assert view.feedback.text().startswith("✔" if taken else "✖")  # the view's change kept it
        if taken:
            assert on_screen(view.feedback) == shown  # not painted anew differently
            assert watch.seen == [before]  # nor painted again at all (a refusal's longer text may
            # take a second row then, `StatusLine._measured`)
            assert set(lists.names) >= {"stateBanner", "qt_scrollarea_viewport"}
            assert on_screen(view.lines) != lines_before
            assert view.state_banner.text() != before[1]
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_a_scan_into_a_hidden_view_paints_nothing_at_once(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    view = desk.view
    try:
        view.show()
        _settle()
        watch = _AtFeedbackPaint(lambda: None)
        view.feedback.installEventFilter(watch)
        with view.feedback_first():  # a scan's bracket around a change made while hidden
            view.hide()
            view.session.scan_item(desk.order.lines[0].barcodes[0])
            view._set_feedback("✔", error=False)
            assert view.lines_model.progress_text(0).startswith("0 ")
        assert watch.seen == []
        assert view.lines_model.progress_text(0).startswith("1 ")  # the models still follow
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_a_scan_that_opens_another_order_on_the_page_leaves_its_painting_to_the_loop(
    qtbot: QtBot, tmp_path: Path, sandbox_app: Starlette
) -> None:
    sandbox = sandbox_app.state.sandbox
    first = sandbox.add_order((("MUG-300", 2),))
    second = sandbox.add_order((("BOOK-WP", 1),))
    async with running_shell(qtbot, tmp_path, sandbox_app) as shell:
        view = open_order(shell, first.id)
        shell.packing.scanner.scanned.emit(view.session.order.lines[0].barcodes[0])
        await asyncio.sleep(0.05)  # the shell's loop (qasync) turns
        watch = _AtFeedbackPaint(lambda: None)
        view.feedback.installEventFilter(watch)

        shell.packing.scanner.scanned.emit(str(second.id))  # rebinds this page to the order

        assert view.session.order.id == second.id
        assert watch.seen == []  # not painted inside the scan (before its layout ran) ...
        await asyncio.sleep(0.05)  # the shell's loop (qasync) turns
        assert watch.seen  # ... but by the loop, as an opening is
