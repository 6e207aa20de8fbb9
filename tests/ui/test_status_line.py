"""The packing screen's status lines (feedback, state banner) change text without laying the
window out again, and still fit any text: a long one grows the line, a short one shrinks it back
(issue 19)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from packstation.ui.row_pictures import whole_ratio
from packstation.ui.status_line import StatusLine
from tests.ui.paint_support import on_screen

LONG = "Маркет не принял код: отсканируйте новый код для: Кроссовки беговые мужские, р. 43 " * 3


class Events(QObject):
    """Counts the events of some types an object receives."""

    def __init__(self, *kinds: QEvent.Type) -> None:
        super().__init__()
        self.kinds = kinds
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.seen.append(event.type())
        return False


def _screen(qtbot: QtBot, width: int = 420) -> tuple[QWidget, StatusLine]:
    window = QWidget()
    qtbot.addWidget(window)
    line = StatusLine(window, point_size=15)
    layout = QVBoxLayout(window)
    layout.addWidget(line)
    layout.addWidget(QLabel("below", window), 1)
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, line


def _settle() -> None:
    for _ in range(3):  # the paint, then the posted resize and its layout
        QApplication.processEvents()


def test_a_new_text_of_the_same_rows_repaints_the_line_and_lays_nothing_out(qtbot: QtBot) -> None:
    window, line = _screen(qtbot)
    line.setText("✔ Кружка → коробка 1")
    _settle()
    height = line.height()
    layouts, paints = Events(QEvent.Type.LayoutRequest), Events(QEvent.Type.Paint)
    window.installEventFilter(layouts)
    line.installEventFilter(paints)
    for n in range(2, 6):
        line.setText(f"✔ Кружка → коробка {n}")
        _settle()
    assert layouts.seen == []  # a QLabel asked for a layout on each of these
    assert len(paints.seen) == 4
    assert line.height() == height
    assert line.text() == "✔ Кружка → коробка 5"


def test_a_long_text_grows_the_line_and_a_short_one_shrinks_it_back(qtbot: QtBot) -> None:
    _window, line = _screen(qtbot)
    line.setText("коротко")
    _settle()
    one_row = line.height()
    line.setText(LONG)
    _settle()
    assert line.height() >= 3 * (one_row - 8)  # every word of it shows
    line.setText("коротко")
    _settle()
    assert line.height() == one_row


def test_the_line_paints_its_colours(qtbot: QtBot) -> None:
    _window, line = _screen(qtbot)
    line.set_colours("#ffffff", "#dc3545")
    line.setText("█████")
    _settle()
    assert (line.foreground, line.background) == ("#ffffff", "#dc3545")
    image = line.grab().toImage()
    assert image.pixelColor(line.width() // 2, 2) == QColor("#dc3545")  # the background's top edge
    colours = {image.pixelColor(x, line.height() // 2).name() for x in range(0, 60)}
    assert "#ffffff" in colours  # the text


def test_the_background_follows_new_colours_and_a_new_width(qtbot: QtBot) -> None:
    window, line = _screen(qtbot)
    line = StatusLine(window, point_size=18, padding=(14, 10), radius=6)
    layout = window.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.addWidget(line)
    line.set_colours("white", "#dc3545")
    line.setText("Упаковка: 1 из 4")
    _settle()
    window_colour = line.palette().window().color()

    def at(x: int, y: int) -> QColor:
        return line.grab().toImage().pixelColor(x, y)

    assert at(line.width() // 2, 1) == QColor("#dc3545")
    assert at(0, 0) == window_colour  # outside the rounded corner
    line.set_colours("white", "#1e8449")  # the state changed: the background is drawn anew
    _settle()
    assert at(line.width() // 2, 1) == QColor("#1e8449")
    window.resize(700, 300)  # wider: the background too, its right corners at the new edge
    _settle()
    assert line.width() > 600
    assert at(line.width() - 20, 1) == QColor("#1e8449")
    assert at(line.width() - 1, 0) == window_colour


def test_a_new_line_of_the_same_size_and_colours_reuses_the_background(qtbot: QtBot) -> None:
    """Each order opens a new packing view: its banner shows the backgrounds drawn before."""
    windows, lines = [], []
    for _ in range(2):
        window, line = _screen(qtbot)
        windows.append(window)  # kept alive: compared below
        line.set_colours("white", "#0d6efd")
        line.setText("Упаковка: 1 из 4")
        _settle()
        line.set_colours("white", "#198754")  # the order is complete
        _settle()
        lines.append(line)
    first, second = lines
    assert first._backdrop is not None
    assert second._backdrop is not None
    assert second._backdrop.cacheKey() == first._backdrop.cacheKey()  # not drawn again
    assert second.grab().toImage() == first.grab().toImage()
    assert second.grab().toImage().pixelColor(second.width() // 2, 1) == QColor("#198754")


@pytest.mark.parametrize("colours", [("#2e7d32", None), ("white", "#1565c0")])
@pytest.mark.parametrize(
    "text", ["✔ Кружка керамическая, 300 мл → коробка 1", "Упаковка: 1 из 4 шт. в коробках", LONG]
)
def test_a_text_laid_out_ahead_is_drawn_in_the_same_pixels(
    qtbot: QtBot, text: str, colours: tuple[str, str | None]
) -> None:
    windows, lines = [], []
    for prepare in (False, True):
        window, line = _screen(qtbot, width=900)  # the short texts fit on one row
        windows.append(window)  # kept alive until compared
        line.set_colours(*colours)
        _settle()
        if prepare:
            line.prepare(text)
        line.setText(text)
        _settle()
        lines.append(line)
    plain, prepared = lines
    assert prepared.height() == plain.height()  # a long one grew alike
    assert prepared.grab().toImage() == plain.grab().toImage()


def test_a_new_width_forgets_the_texts_laid_out_ahead(qtbot: QtBot) -> None:
    window, line = _screen(qtbot)
    line.prepare("✔ Кружка → коробка 1")
    window.resize(300, 300)
    _settle()
    line.setText("✔ Кружка → коробка 1")
    _settle()
    _other, plain = _screen(qtbot, width=300)
    plain.setText("✔ Кружка → коробка 1")
    _settle()
    assert line.grab().toImage() == plain.grab().toImage()


class _Drawn:
    """The texts `QPainter` drew glyph by glyph (static or not) from Python."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for name in ("drawStaticText", "drawText"):
            original = getattr(QPainter, name)

            def counted(painter: QPainter, *args: object, _original: Any = original) -> Any:
                self.count += 1
                return _original(painter, *args)

            monkeypatch.setattr(QPainter, name, counted)


@pytest.mark.parametrize("colours", [("#2e7d32", None), ("white", "#1565c0")])
def test_a_text_prepared_in_its_colours_is_copied_from_a_picture(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, colours: tuple[str, str | None]
) -> None:
    """A text prepared in the colours it is then shown in is drawn ahead: showing it draws no
    glyph, and the window shows what a plain paint of it shows."""
    text = "✔ Кружка керамическая, 300 мл → коробка 1"
    _plain_window, plain = _screen(qtbot, width=900)
    plain.set_colours(*colours)
    plain.setText(text)
    _settle()
    _window, line = _screen(qtbot, width=900)
    line.set_colours("#616161")  # other colours shown meanwhile: the picture is in the ones given
    _settle()
    line.prepare(text, colours)
    drawn = _Drawn(monkeypatch)
    line.setText(text)
    line.set_colours(*colours)
    _settle()
    assert drawn.count == 0 or not whole_ratio(line.devicePixelRatioF())  # a fraction: painted (see there)
    assert on_screen(line) == on_screen(plain)


def test_a_picture_is_shown_only_in_its_own_colours_and_palette(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Упаковка: 1 из 4 шт. в коробках"
    _window, line = _screen(qtbot, width=900)
    line.set_colours("white", "#1565c0")
    _settle()
    line.prepare(text)  # in the present colours
    drawn = _Drawn(monkeypatch)
    line.setText(text)
    line.set_colours("white", "#2e7d32")  # shown in others: painted, not copied
    _settle()
    assert drawn.count == 1
    _plain_window, plain = _screen(qtbot, width=900)
    plain.set_colours("white", "#2e7d32")
    plain.setText(text)
    _settle()
    assert on_screen(line) == on_screen(plain)
    line.set_colours("white", "#1565c0")
    line.setText("")
    _settle()
    line.prepare(text)
    palette = QPalette(line.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#fff8e1"))
    line.setPalette(palette)  # the window's colour around the background: the picture is stale
    drawn.count = 0
    line.setText(text)
    _settle()
    assert drawn.count == 1
