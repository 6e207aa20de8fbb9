"""Text from the Market is shown literally, never rendered as HTML: an item name such as
`<img src=x><b>bold</b>` appears as typed in the feedback line, the packing lines (and their
tooltips), the order's dialogs and the message bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QWidget
from starlette.applications import Starlette

from packstation.ui.message_bar import MessageBar
from packstation.ui.plain_text import plain_tooltip
from packstation.ui.status_line import StatusLine
from tests.ui.packing_support import open_desk

EVIL = "<img src=x><b>bold</b>"
pytestmark = pytest.mark.asyncio


def _labels_showing(root: QWidget, text: str) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if text in label.text()]


def _assert_plain(root: QWidget, text: str = EVIL) -> None:
    showing = _labels_showing(root, text)
    assert showing, f"nothing in {type(root).__name__} shows {text!r}"
    for label in showing:
        assert label.textFormat() is Qt.TextFormat.PlainText, label.objectName() or label.text()


async def test_an_item_name_with_html_is_shown_literally(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 2), ("BOOK-WP", 1)), item_name=EVIL)
    try:
        view = desk.view
        assert desk.order.lines[0].name == EVIL  # it came through the Market's API as is
        desk.scan(desk.order.lines[0].barcodes[0])
        assert EVIL in view.feedback.text()  # the feedback line names the item
        assert isinstance(view.feedback, StatusLine)  # QPainter.drawText: never rich text

        lines = view.lines.model()
        first = lines.index(0, 0, QModelIndex())
        assert EVIL in lines.data(first, Qt.ItemDataRole.DisplayRole)  # items views draw plain text
        assert lines.data(first, Qt.ItemDataRole.ToolTipRole) == plain_tooltip(EVIL)
        assert "&lt;img src=x&gt;" in plain_tooltip(EVIL)

        shorten = view.ask_shorten()
        _assert_plain(shorten)
        shorten.reject()
        view.lines.setCurrentIndex(lines.index(1, 0, QModelIndex()))
        split = view.ask_split()
        assert split is not None
        _assert_plain(split)
        split.reject()
    finally:
        await desk.close()


async def test_an_error_naming_market_text_is_plain_in_the_message_bar(qtbot: object) -> None:
    bar = MessageBar()
    bar.show_error(f"The Market refused: {EVIL}")
    _assert_plain(bar)
    bar.deleteLater()
