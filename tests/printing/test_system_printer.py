"""SystemPrinter: 1:1 pages of exactly the media size, offsets, rotation, printer errors.

Qt's PDF print engine stands in for the printer here (`output_file`): it is the same QPrinter
and QPainter path, and the resulting page can be measured and decoded back.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from packstation.catalogue import russian
from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.printing.config import PrinterProfile
from packstation.printing.raster import render_pdf_mono_at
from packstation.printing.system_printer import SystemPrinter
from tests.printing.samples import decode, grey_dots, market_like_pdf, order_labels

pytestmark = pytest.mark.usefixtures("qapp")


def _print(tmp_path: Path, profile: PrinterProfile, fmt: LabelFormat = LabelFormat.A9_HORIZONTALLY) -> bytes:
    out = tmp_path / "printed.pdf"
    pdf = market_like_pdf(order_labels(boxes=3), fmt)
    SystemPrinter(profile, output_file=out).print_blocking(pdf, title="Packstation 7206821", fmt=fmt)
    return out.read_bytes()


def _media_boxes(printed: bytes) -> list[tuple[float, float]]:
    """Every page's MediaBox width and height in points."""
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", printed)
    return [(float(w), float(h)) for w, h in boxes]


def _first_ink_column(page: QImage) -> int:
    return int(np.flatnonzero(grey_dots(page).min(axis=0) == 0).min())


def test_prints_each_box_on_its_own_page_of_exactly_the_media_size(tmp_path: Path) -> None:
    printed = _print(tmp_path, PrinterProfile(dpi=203))
    assert _media_boxes(printed) == [(164, 113)] * 3  # 58x40 mm, rounded by Qt to whole points
    # One bitmap per page, exactly the page in printer dots, painted unscaled.
    assert printed.count(b"/Width 462") == 3
    assert printed.count(b"/Height 318") == 3
    pages = render_pdf_mono_at(printed, dpi=203)
    assert [decode(page)[0] for page in pages] == [("Code 128", f"7206821-{n}") for n in (1, 2, 3)]


def test_the_bitmap_travels_as_lossless_1_bit_never_jpeg(tmp_path: Path) -> None:
    printed = _print(tmp_path, PrinterProfile())
    assert printed.count(b"/BitsPerComponent 1") == 3
    assert b"/DCTDecode" not in printed


@pytest.mark.parametrize(("fmt", "box"), [(LabelFormat.A7, (213, 340)), (LabelFormat.A9, (113, 164))])
def test_other_formats_get_their_own_media(tmp_path: Path, fmt: LabelFormat, box: tuple[int, int]) -> None:
    assert _media_boxes(_print(tmp_path, PrinterProfile(), fmt)) == [box] * 3


def test_rotation_turns_the_page_for_a_sideways_feed(tmp_path: Path) -> None:
    printed = _print(tmp_path, PrinterProfile(rotate=True))
    assert _media_boxes(printed) == [(113, 164)] * 3
    assert printed.count(b"/Width 318") == 3
    assert printed.count(b"/Height 462") == 3
    page = render_pdf_mono_at(printed, dpi=203)[0]
    assert ("Code 128", "7206821-1") in decode(page)


def test_offsets_shift_the_bitmap_by_whole_dots(tmp_path: Path) -> None:
    plain = render_pdf_mono_at(_print(tmp_path, PrinterProfile()), dpi=203)[0]
    shifted = render_pdf_mono_at(_print(tmp_path, PrinterProfile(offset_x_mm=2.0)), dpi=203)[0]
    # 2 mm is 16 dots at 203 dpi; reading the PDF back re-rasterizes, which may move an edge by one.
    assert abs(_first_ink_column(shifted) - _first_ink_column(plain) - 16) <= 1


def test_unknown_printer_is_a_print_error_with_advice() -> None:
    printer = SystemPrinter(PrinterProfile(printer_name="No Such Printer"))
    with pytest.raises(PrintError) as caught:
        printer.print_blocking(market_like_pdf(order_labels(boxes=1)), title="t", fmt=LabelFormat.A7)
    assert "No Such Printer" in russian(caught.value.text)
    assert "No Such Printer" in caught.value.en
    assert russian(caught.value.hint)
    assert str(caught.value.hint)


@pytest.mark.asyncio
async def test_print_pdf_runs_in_a_worker_thread(tmp_path: Path) -> None:
    out = tmp_path / "async.pdf"
    await SystemPrinter(PrinterProfile(), output_file=out).print_pdf(
        market_like_pdf(order_labels(boxes=1)), title="async", fmt=LabelFormat.A9_HORIZONTALLY
    )
    assert decode(render_pdf_mono_at(out.read_bytes(), dpi=203)[0])[0] == ("Code 128", "7206821-1")
