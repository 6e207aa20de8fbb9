"""The first scan of an order (issue 19): its rows are prepared while the packer reaches for the
item, so that scan lays no text out, and its new box is painted in the scan's own frame. So are
the next scans' rows after every change, once the packer pauses."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleOptionViewItem, QWidget
from starlette.applications import Starlette

from packstation.ui.boxes_tree import AnyIndex
from packstation.ui.packing_view import PREPARE_AFTER_CHANGE_MS, PREPARE_AFTER_MS, PackingView
from packstation.ui.row_delegate import LOOK_ROLE, RowDelegate
from packstation.ui.row_pictures import RowPictures, whole_ratio
from packstation.ui.status_line import StatusLine
from tests.ui.packing_support import Desk, open_desk
from tests.ui.paint_support import Painted, on_screen

OFFERS = (("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1))


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _prepared(after_ms: int = PREPARE_AFTER_MS) -> None:
    """The loop's turns after an order opened (or changed), until its view has prepared the next
    scans' rows (`PREPARE_AFTER_MS` after its first frame, `PREPARE_AFTER_CHANGE_MS` after a
    change)."""
    until = time.monotonic() + after_ms / 1000 + 0.05
    while time.monotonic() < until:
        QApplication.processEvents()
        time.sleep(0.002)
    _settle()


def _scan_lays_out_nothing(desk: Desk, barcode: str) -> None:
    """Scan `barcode` (taken): its rows, feedback line and banner show only prepared texts."""
    view = desk.view
    prepared = _laid_out(view)
    desk.scan(barcode)
    _settle()
    assert view.feedback.text().startswith("✔")
    assert _laid_out(view) == prepared
    assert view.feedback.text() in view.feedback._laid
    assert view.state_banner.text() in view.state_banner._laid


def _delegates(view: PackingView) -> list[RowDelegate]:
    delegates = [view.lines.itemDelegate(), view.boxes.itemDelegate()]
    assert all(isinstance(delegate, RowDelegate) for delegate in delegates)
    return [delegate for delegate in delegates if isinstance(delegate, RowDelegate)]


def _laid_out(view: PackingView) -> list[set[object]]:
    """The texts each list's delegate has laid out (laid-out lines and whole rows)."""
    return [set(delegate._texts) | set(delegate._blocks) for delegate in _delegates(view)]


@pytest.mark.asyncio
@pytest.mark.parametrize("line", [0, 1, 2])
async def test_the_first_scan_of_any_line_lays_out_no_text(
    sandbox_app: Starlette, line: int, caplog: pytest.LogCaptureFixture
) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        prepared = _laid_out(view)
        assert all(prepared)
        assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
        new_box_before = view.boxes_model.index(0, 0).data(LOOK_ROLE)

        desk.scan(desk.order.lines[line].barcodes[0])
        _settle()
        assert _laid_out(view) == prepared  # measured and painted from what was prepared
        assert view.feedback.text() in view.feedback._laid  # the texts above the lists too
        assert view.state_banner.text() in view.state_banner._laid
        box = view.boxes_model.box_index(0)
        entry = view.boxes_model.index(0, 0, box)
        assert view.boxes.visualRect(entry).isValid()  # shown, opened
        assert entry.data(LOOK_ROLE).text.endswith("× 1")
        assert new_box_before.text != box.data(LOOK_ROLE).text
        assert desk.errors == []
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("offers", "buyer"),
    [
        ((("WARDROBE-3", 2), ("MUG-300", 1)), "PERSON"),  # a part box: "parcel 1 of 3"
        ((("SHOE-RUN-43", 1),), "BUSINESS"),  # its marking code asked next
    ],
)
async def test_a_first_scan_of_parcels_or_of_a_marked_item_was_prepared_too(
    sandbox_app: Starlette, offers: tuple[tuple[str, int], ...], buyer: str
) -> None:
    desk = await open_desk(sandbox_app, offers, buyer_type=buyer)
    try:
        _prepared()
        _scan_lays_out_nothing(desk, desk.order.lines[0].barcodes[0])
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_the_prepared_rows_are_those_the_scan_shows(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        preview = view.session.scan_previews()[1].snapshot
        expected = [look for look, _depth in view.boxes_model.looks_after(preview)]
        lines = [look.text for look in view.lines_model.looks_after(preview)]
        desk.scan(desk.order.lines[1].barcodes[0])
        _settle()
        model = view.boxes_model
        box = model.box_index(0)
        rows = (box, model.index(0, 0, box), model.new_box_index())
        shown = [row.data(LOOK_ROLE) for row in rows]
        assert [look.text for look in shown] == [look.text for look in expected]
        assert all(a is b for a, b in zip(shown, expected, strict=True))  # the very values kept
        assert lines == [view.lines_model.index(1, 0).data(LOOK_ROLE).text]
    finally:
        await desk.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("line", [0, 2])
async def test_the_first_scan_shows_all_of_itself_in_its_own_frame(sandbox_app: Starlette, line: int) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        desk.scan(desk.order.lines[line].barcodes[0])
        QApplication.processEvents()  # one turn of the loop: the frame the scan is shown in
        shown = on_screen(view)
        view.repaint()  # all of it painted again
        assert shown == on_screen(view)  # the new box and its entry were there already, alike
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_the_first_frame_of_an_order_does_not_wait_for_the_preparation(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        view.window().show()
        _settle()  # shown and painted: the frame the order opens in
        assert view.boxes.viewport().isVisible()
        shown = _laid_out(view)  # what the frame shows, laid out to be painted
        _prepared()
        prepared = _laid_out(view)
        assert all(now < then for now, then in zip(shown, prepared, strict=True))  # the rest after it
    finally:
        await desk.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("then", [0, 1])
async def test_a_later_scan_after_a_pause_lays_out_no_text(sandbox_app: Starlette, then: int) -> None:
    """After a scan, while the packer reaches for the next item, the view prepares what each
    line's next scan shows: the same item again (line 0: its count, its box's count) or another
    one (its first unit into the box). Back to back, a later scan laid out 4-5 texts."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        _prepared()
        desk.scan(desk.order.lines[0].barcodes[0])
        _settle()
        _prepared(PREPARE_AFTER_CHANGE_MS)
        _scan_lays_out_nothing(desk, desk.order.lines[then].barcodes[0])
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_changes_in_a_burst_are_prepared_for_once_after_it(sandbox_app: Starlette) -> None:
    """Scans closer together than `PREPARE_AFTER_CHANGE_MS` (a replay, a test typing them) leave
    the preparation for after the last one: none runs between them."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        desk.scan(desk.order.lines[0].barcodes[0])
        _settle()
        before = _laid_out(view)
        desk.scan(desk.order.lines[0].barcodes[0])
        _settle()
        after_burst = _laid_out(view)
        assert all(then > now for now, then in zip(before, after_burst, strict=True))  # laid out by the scan
        _prepared(PREPARE_AFTER_CHANGE_MS)
        # Then prepared: the box's rows after the book or the charger joins the mugs (those
        # lines' own rows read as after their first scan, prepared when the order opened).
        assert _laid_out(view)[1] > after_burst[1]
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_the_code_scanned_after_a_marked_item_shows_prepared_texts(sandbox_app: Starlette) -> None:
    import random

    from packstation.sandbox import codes

    desk = await open_desk(sandbox_app, (("SHOE-RUN-43", 2),), buyer_type="PERSON")
    try:
        view = desk.view
        _prepared()
        line = desk.market_order.lines[0]
        shape = line.product.cis_shape
        assert shape is not None
        desk.scan(desk.order.lines[0].barcodes[0])  # the shoe, whose code is asked next
        _settle()
        _prepared(PREPARE_AFTER_CHANGE_MS)
        lines_laid = _laid_out(view)[0]
        code = codes.make_cis(random.Random(3), line.product.gtin14, shape.serial_len, shape.short_tail)
        desk.scan(code)
        _settle()
        assert view.feedback.text().startswith("✔")
        assert view.feedback.text() in view.feedback._laid  # "code for …, unit 1": laid out ahead
        assert view.state_banner.text() in view.state_banner._laid
        assert _laid_out(view)[0] == lines_laid  # the line's "1 of 2 coded" too
        assert desk.errors == []
    finally:
        await desk.close()


class _DirectPaints:
    """The rows a `RowPictures` delegate drew with `RowDelegate.paint` (glyph by glyph), not
    copied from pictures, by the view they were painted in."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: dict[str, list[str]] = {"lines": [], "boxes": []}
        paint = RowDelegate.paint

        def counted(
            delegate: RowDelegate, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
        ) -> None:
            if isinstance(delegate, RowPictures):
                self.texts["lines" if delegate._wrap else "boxes"].append(index.data(LOOK_ROLE).text)
            paint(delegate, painter, option, index)

        monkeypatch.setattr(RowDelegate, "paint", counted)

    def clear(self) -> None:
        for texts in self.texts.values():
            del texts[:]


VIEWS = ("lines", "boxes")


def _pictured(widget: QWidget) -> bool:
    """Pictures stand in for painting here: not on a screen scaled by a fraction (`whole_ratio`),
    where these tests check only that the rows look as a plain paint
    (`test_fractional_scale.py`)."""
    return whole_ratio(widget.devicePixelRatioF())


def _view(view: PackingView, name: str) -> QAbstractItemView:
    shown = getattr(view, name)
    assert isinstance(shown, QAbstractItemView)
    return shown


def _pictures(view: PackingView, name: str) -> RowPictures:
    delegate = _view(view, name).itemDelegate()
    assert isinstance(delegate, RowPictures)
    return delegate


def _shown_by_plain_delegate(view: PackingView, name: str) -> QImage:
    """The list (or tree) painted again now by a plain `RowDelegate` (no pictures)."""
    shown = _view(view, name)
    pictures = shown.itemDelegate()
    shown.setItemDelegate(RowDelegate(shown, wrap=name == "lines"))
    try:
        shown.viewport().repaint()
        return on_screen(shown.viewport())
    finally:
        shown.setItemDelegate(pictures)


@pytest.mark.asyncio
@pytest.mark.parametrize("line", [0, 2])
async def test_a_prepared_scan_copies_each_row_it_shows_from_a_picture(
    sandbox_app: Starlette, line: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan's rows (its line; its box, its entry, the rows below) were drawn into pictures
    while the packer reached for the item: the scan only copies them, and they show what a plain
    paint shows."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        kept = {name: set(_pictures(view, name)._pictures) for name in VIEWS}
        direct = _DirectPaints(monkeypatch)
        painted = {name: Painted() for name in VIEWS}
        for name in VIEWS:
            _view(view, name).viewport().installEventFilter(painted[name])
        desk.scan(desk.order.lines[line].barcodes[0])
        _settle()
        for name in VIEWS:
            assert painted[name].regions, name  # the rows were painted ...
            assert direct.texts[name] == [] or not _pictured(view), name  # ... none of them directly
            assert set(_pictures(view, name)._pictures) == kept[name], name  # nor drawn into a picture then
            assert on_screen(_view(view, name).viewport()) == _shown_by_plain_delegate(view, name), name
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
async def test_later_prepared_scans_show_what_a_plain_paint_shows(
    sandbox_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After each pause the next scan is copied from pictures, pixel for pixel what the rows
    painted directly show; in another context (a new palette) the rows are painted directly."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        direct = _DirectPaints(monkeypatch)
        _prepared()
        mug, book, charger = (line.barcodes[0] for line in desk.order.lines)
        # Item scans were prepared; a new box and an undo were not (their new rows painted directly).
        for barcode, prepared in ((mug, True), ("PS:NEW_BOX", False), (book, True), ("PS:UNDO", False)):
            _prepared(PREPARE_AFTER_CHANGE_MS)
            direct.clear()
            desk.scan(barcode)
            _settle()
            for name in VIEWS:
                assert direct.texts[name] == [] or not prepared or not _pictured(view), (barcode, name)
                assert on_screen(_view(view, name).viewport()) == _shown_by_plain_delegate(view, name), (
                    barcode,
                    name,
                )
        _prepared(PREPARE_AFTER_CHANGE_MS)
        direct.clear()
        for name in VIEWS:
            shown = _view(view, name)
            palette = QPalette(shown.palette())
            palette.setColor(QPalette.ColorRole.Text, QColor("#8a2be2"))
            shown.setPalette(palette)  # after the preparation: its pictures' colours are stale
        desk.scan(charger)
        _settle()
        for name in VIEWS:
            assert direct.texts[name], name  # painted directly
            assert on_screen(_view(view, name).viewport()) == _shown_by_plain_delegate(view, name), name
        assert desk.crashes == []
    finally:
        await desk.close()


def _thumbnail(colour: str) -> QPixmap:
    picture = QPixmap(40, 40)
    picture.fill(QColor(colour))
    return picture


@pytest.mark.asyncio
async def test_a_lines_thumbnail_is_in_its_picture_and_a_new_one_is_never_stale(
    sandbox_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line showing its product's photo is copied from a picture like any other row, the photo
    in it; a new photo for the line (another pixmap) is never shown from the old picture."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        url = desk.order.lines[0].picture_url
        assert url is not None
        view.lines_model.set_picture(url, _thumbnail("#2e8b57"))
        _prepared()
        direct = _DirectPaints(monkeypatch)
        desk.scan(desk.order.lines[0].barcodes[0])
        _settle()
        assert direct.texts["lines"] == [] or not _pictured(view)
        assert on_screen(view.lines.viewport()) == _shown_by_plain_delegate(view, "lines")
        _prepared(PREPARE_AFTER_CHANGE_MS)
        view.lines_model.set_picture(url, _thumbnail("#b22222"))
        _settle()
        assert direct.texts["lines"]  # the new photo's row painted directly, not copied
        assert on_screen(view.lines.viewport()) == _shown_by_plain_delegate(view, "lines")
        assert desk.crashes == []
    finally:
        await desk.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("line", [0, 2])
async def test_a_prepared_scan_copies_its_feedback_and_banner_from_pictures(
    sandbox_app: Starlette, line: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feedback line and the banner of each line's next scan were drawn ahead in the
    colours the scan shows them in: the scan draws no glyph of them, and they show what a plain
    paint shows."""
    desk = await open_desk(sandbox_app, OFFERS)
    try:
        view = desk.view
        _prepared()
        drawn: list[str] = []
        for name in ("drawStaticText", "drawText"):
            original = getattr(QPainter, name)

            def counted(painter: QPainter, *args: object, _original: Any = original) -> Any:
                if isinstance(painter.device(), StatusLine):
                    drawn.append(painter.device().objectName())
                return _original(painter, *args)

            monkeypatch.setattr(QPainter, name, counted)
        desk.scan(desk.order.lines[line].barcodes[0])
        _settle()
        assert view.feedback.text().startswith("✔")
        assert drawn == [] or not _pictured(view)
        for shown in (view.feedback, view.state_banner):
            copied = on_screen(shown)
            shown._pictures.clear()
            shown.repaint()
            assert on_screen(shown) == copied, shown.objectName()
        assert desk.crashes == []
    finally:
        await desk.close()
