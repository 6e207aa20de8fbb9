"""The PDF -> 1-bit raster pipeline: size in printer dots, no grey, every barcode decodes back."""

from __future__ import annotations

import asyncio
import threading

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from packstation.catalogue import russian
from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.printing.raster import (
    media_layout,
    mm_to_dots,
    page_dots,
    render_pdf_mono,
    render_pdf_mono_at,
    to_mono,
)
from tests.printing.samples import decode, grey_dots, grey_levels, market_like_pdf, order_labels

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("fmt", "dpi", "dots"),
    [
        # Qt rounds page sizes to whole points: 58x40 mm is 164x113 pt, 462x318 dots at 203 dpi.
        (LabelFormat.A9_HORIZONTALLY, 203, (462, 318)),
        (LabelFormat.A9, 203, (318, 462)),
        (LabelFormat.A7, 203, (600, 958)),  # 213x340 pt
        (LabelFormat.A9_HORIZONTALLY, 300, (683, 470)),  # Qt truncates to whole dots
    ],
)
def test_page_size_in_printer_dots(fmt: LabelFormat, dpi: int, dots: tuple[int, int]) -> None:
    assert page_dots(media_layout(fmt.size_mm), dpi) == QSize(*dots)


def test_rotated_media_swaps_width_and_height() -> None:
    size = page_dots(media_layout(LabelFormat.A9_HORIZONTALLY.size_mm, rotate=True), 203)
    assert size == QSize(318, 462)


@pytest.mark.parametrize("fmt", [LabelFormat.A9_HORIZONTALLY, LabelFormat.A7])
def test_every_barcode_decodes_from_the_203_dpi_bitmap(fmt: LabelFormat) -> None:
    labels = order_labels(boxes=3)
    target = page_dots(media_layout(fmt.size_mm), 203)
    pages = render_pdf_mono(market_like_pdf(labels, fmt), target=target, dpi=203)
    assert len(pages) == 3
    for page, box in zip(pages, labels.boxes, strict=True):
        assert page.format() == QImage.Format.Format_Mono
        assert page.size() == target
        assert grey_levels(page) == {0, 255}
        assert decode(page) == [("Code 128", box.fulfilment_id), ("Data Matrix", str(box.box_id))]


def test_rotated_pages_still_decode() -> None:
    labels = order_labels(boxes=1)
    target = page_dots(media_layout(LabelFormat.A9_HORIZONTALLY.size_mm, rotate=True), 203)
    (page,) = render_pdf_mono(market_like_pdf(labels), target=target, dpi=203, rotate=True)
    assert page.size() == QSize(318, 462)
    assert decode(page) == [("Code 128", "7206821-1"), ("Data Matrix", "901")]


def _bar_rows(page: QImage) -> np.ndarray:
    return grey_dots(page)


def test_barcode_bars_have_clean_edges() -> None:
    # Every row through the Code 128 is the same: no dithering or antialiasing noise on bar edges.
    (page,) = render_pdf_mono(market_like_pdf(order_labels(boxes=1)), target=QSize(462, 318), dpi=203)
    rows = _bar_rows(page)
    # The bars span 12-22 mm from the top (dots 95-175); keep clear of their ends.
    band = rows[105:165]
    assert np.count_nonzero(np.diff(band[0].astype(int))) > 40  # it is the barcode
    assert all(np.array_equal(row, band[0]) for row in band)


def test_threshold_never_dithers() -> None:
    # 60% grey is lighter than mid-grey: thresholding gives white, dithering would scatter dots.
    grey = QImage(64, 64, QImage.Format.Format_ARGB32)
    grey.fill(QColor(153, 153, 153))
    assert grey_levels(to_mono(grey)) == {255}
    grey.fill(QColor(100, 100, 100))
    assert grey_levels(to_mono(grey)) == {0}


def test_transparent_background_becomes_white_not_black() -> None:
    clear = QImage(32, 32, QImage.Format.Format_ARGB32)
    clear.fill(Qt.GlobalColor.transparent)
    assert grey_levels(to_mono(clear)) == {255}


def test_a_page_of_other_proportions_is_fitted_not_stretched() -> None:
    # A 75x120 page on 58x40 media: kept in proportion and centred, so the barcode still reads.
    labels = order_labels(boxes=1)
    (page,) = render_pdf_mono(market_like_pdf(labels, LabelFormat.A7), target=QSize(1386, 954), dpi=203)
    assert page.size() == QSize(1386, 954)
    columns = _bar_rows(page).min(axis=0)
    inked = np.flatnonzero(columns == 0)
    # Fitted by height: the page is ~598 dots wide, centred, with white bands of ~394 either side.
    assert inked.min() > 380
    assert inked.max() < 1006
    assert decode(page)[0] == ("Code 128", "7206821-1")


def test_not_a_pdf_is_a_print_error_in_both_languages() -> None:
    with pytest.raises(PrintError) as caught:
        render_pdf_mono(b"<html>502 Bad Gateway</html>", target=QSize(10, 10), dpi=203)
    assert "PDF" in russian(caught.value.text)
    assert "PDF" in caught.value.en
    with pytest.raises(PrintError):
        render_pdf_mono(b"%PDF-1.4 truncated", target=QSize(10, 10), dpi=203)


def test_previews_render_each_page_at_its_own_size() -> None:
    pages = render_pdf_mono_at(market_like_pdf(order_labels(boxes=2)), dpi=203)
    assert [page.size() for page in pages] == [QSize(464, 320)] * 2  # 164.4x113.4 pt at 203 dpi


def test_mm_to_dots() -> None:
    assert mm_to_dots(1.0, 203) == 8
    assert mm_to_dots(-2.5, 300) == -30


def test_rendering_works_off_the_gui_thread() -> None:
    pdf = market_like_pdf(order_labels(boxes=1))

    def render() -> tuple[str, list[tuple[str, str]]]:
        (page,) = render_pdf_mono(pdf, target=QSize(462, 318), dpi=203)
        return threading.current_thread().name, decode(page)

    name, found = asyncio.run(asyncio.to_thread(render))
    assert name != threading.main_thread().name
    assert ("Code 128", "7206821-1") in found


def _bar_extent(page: QImage, row: int) -> int:
    """Dots from the first to the last inked dot of one row."""
    inked = np.flatnonzero(_bar_rows(page)[row] == 0)
    return int(inked.max() - inked.min())


def test_a_page_with_margins_prints_at_true_scale_not_shrunk() -> None:
    # The Market's A7 PDF is 80.4x125.6 mm (the label plus margins); on 75x120 media the bars
    # must keep their width in dots, exactly as when the page is the media size.
    labels = order_labels(boxes=1)
    exact = market_like_pdf(labels, LabelFormat.A7)
    with_margins = market_like_pdf(labels, LabelFormat.A7, page_mm=(80.4, 125.6))
    target = page_dots(media_layout(LabelFormat.A7.size_mm), 203)
    (plain,) = render_pdf_mono(exact, target=target, dpi=203)
    (cropped,) = render_pdf_mono(with_margins, target=target, dpi=203)
    assert cropped.size() == target
    middle_of_bars = mm_to_dots(60, 203)  # the bars span 54-66 mm from the label's bottom
    # Shrinking the page to the media would make the ~30 mm barcode ~15 dots narrower.
    assert abs(_bar_extent(cropped, middle_of_bars) - _bar_extent(plain, middle_of_bars)) <= 1
    assert decode(cropped)[0] == ("Code 128", "7206821-1")
