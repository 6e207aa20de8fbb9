"""The flat scroll bars (issue 19): the packing view's lists use them; the handle is painted
where the base style places it; paging, dragging and the arrows still move the value; a bar
paints all of its rectangle, so repainting it repaints nothing under it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider, QWidget
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette

from packstation.ui.flat_scroll_bar import FlatScrollBarStyle, flat_style, flatten
from tests.ui.packing_support import open_desk
from tests.ui.paint_support import Painted

VERTICAL, HORIZONTAL = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
_windows: list[QWidget] = []


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    yield
    while _windows:
        _windows.pop().deleteLater()


def _bar(qtbot: QtBot, orientation: Qt.Orientation = VERTICAL) -> QScrollBar:
    """A flat bar of 0..100 showing 20, at 30, on screen (its window kept alive while the test
    runs)."""
    window = QWidget()
    window.setObjectName("window")
    _windows.append(window)
    qtbot.addWidget(window)
    bar = QScrollBar(orientation, window)
    bar.setObjectName("bar")
    flatten(bar)
    bar.setGeometry(QRect(0, 0, 14, 400) if orientation == VERTICAL else QRect(0, 0, 400, 14))
    bar.setRange(0, 100)
    bar.setPageStep(20)
    bar.setValue(30)
    window.resize(420, 420)
    window.show()
    qtbot.waitExposed(window)
    return bar


def _part(bar: QScrollBar, part: QStyle.SubControl) -> QRect:
    """Where the base style (the application's) places `part` of `bar`."""
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    return QApplication.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, part, bar)


def _colour(image: QImage, at: QPoint) -> str:
    return QColor(image.pixel(at)).name()


@pytest.mark.asyncio
async def test_the_packing_views_lists_have_flat_opaque_scroll_bars(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("MUG-300", 1),))
    try:
        for view in (desk.view.lines, desk.view.boxes):
            for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
                assert bar.style() is flat_style()
                assert bar.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    finally:
        await desk.close()


@pytest.mark.parametrize("orientation", [VERTICAL, HORIZONTAL])
def test_the_handle_is_painted_where_the_base_style_places_it(
    qtbot: QtBot, orientation: Qt.Orientation
) -> None:
    bar = _bar(qtbot, orientation)
    palette = bar.palette()
    handle_colour = palette.color(QPalette.ColorRole.Dark).name()
    groove_colour = palette.color(QPalette.ColorRole.Window).darker(108).name()
    for value in (0, 30, 100):
        bar.setValue(value)
        image = bar.grab().toImage()
        handle = _part(bar, QStyle.SubControl.SC_ScrollBarSlider)
        groove = _part(bar, QStyle.SubControl.SC_ScrollBarGroove)
        assert groove.contains(handle)
        assert handle != groove
        assert _colour(image, handle.center()) == handle_colour
        # Outside the handle, along the groove: before it, after it (where there is room).
        if orientation == VERTICAL:
            around = [QPoint(handle.center().x(), y) for y in (handle.top() - 3, handle.bottom() + 3)]
        else:
            around = [QPoint(x, handle.center().y()) for x in (handle.left() - 3, handle.right() + 3)]
        outside = [at for at in around if groove.contains(at)]
        assert len(outside) == (2 if value == 30 else 1)
        for at in outside:
            assert _colour(image, at) == groove_colour, (value, at)


def test_nothing_to_scroll_shows_no_handle(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.setRange(0, 0)
    image = bar.grab().toImage()
    groove = _part(bar, QStyle.SubControl.SC_ScrollBarGroove)
    groove_colour = bar.palette().color(QPalette.ColorRole.Window).darker(108).name()
    assert _colour(image, groove.center()) == groove_colour


def test_a_click_in_the_page_area_a_drag_and_the_arrows_move_the_value(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    handle = _part(bar, QStyle.SubControl.SC_ScrollBarSlider)
    QTest.mouseClick(bar, LEFT, NO_KEYS, QPoint(handle.center().x(), handle.bottom() + 20))
    assert bar.value() == 50  # a page (20) down
    handle = _part(bar, QStyle.SubControl.SC_ScrollBarSlider)
    QTest.mouseClick(bar, LEFT, NO_KEYS, QPoint(handle.center().x(), handle.top() - 20))
    assert bar.value() == 30  # and up again
    down = _part(bar, QStyle.SubControl.SC_ScrollBarAddLine)
    QTest.mouseClick(bar, LEFT, NO_KEYS, down.center())
    assert bar.value() == 31  # a step
    handle = _part(bar, QStyle.SubControl.SC_ScrollBarSlider)
    start = handle.center()
    QTest.mousePress(bar, LEFT, NO_KEYS, start)
    for dy in (10, 40, 80):
        QTest.mouseMove(bar, QPoint(start.x(), start.y() + dy))
    QTest.mouseRelease(bar, LEFT, NO_KEYS, QPoint(start.x(), start.y() + 80))
    assert bar.value() > 50  # dragged down by a fifth of the groove's free length or more


def test_a_flat_bar_paints_all_of_its_rectangle_and_alone(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    # Rendered without its background onto magenta: no pixel is left unpainted.
    image = QImage(bar.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff00ff"))
    bar.render(image, QPoint(), QRegion(), QWidget.RenderFlag(0))
    unpainted = [
        (x, y) for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) == 0xFFFF00FF
    ]
    assert not unpainted
    for _ in range(3):
        QApplication.processEvents()
    painted = Painted()
    QApplication.instance().installEventFilter(painted)  # type: ignore[union-attr]
    try:
        bar.setValue(60)
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(painted)  # type: ignore[union-attr]
    assert "bar" in painted.names
    assert "window" not in painted.names  # a plain QScrollBar has its window painted under it first


def test_the_style_is_the_base_style_for_anything_else(qtbot: QtBot) -> None:
    style = FlatScrollBarStyle()
    base = QApplication.style()
    assert style.baseStyle().name() == base.name()
    for metric in (QStyle.PixelMetric.PM_ScrollBarExtent, QStyle.PixelMetric.PM_ScrollBarSliderMin):
        assert style.pixelMetric(metric) == base.pixelMetric(metric)
