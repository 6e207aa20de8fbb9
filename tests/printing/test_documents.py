"""The calibration label, packing slips, and the app's own label rendering through the pipeline."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.labels import LabelFormat
from packstation.domain.layout import BoxEntry, BoxPlan, PartOf, StoredBox
from packstation.domain.order import Order, OrderLine, Program
from packstation.printing.calibration_label import TEST_QR, render_test_label
from packstation.printing.config import PrinterProfile, PrintingSettings
from packstation.printing.factory import make_printer, print_test_label, virtual_folder
from packstation.printing.label_render import render_labels
from packstation.printing.packing_slip import render_packing_slips
from packstation.printing.raster import media_layout, page_dots, render_pdf_mono
from packstation.printing.system_printer import SystemPrinter
from packstation.printing.virtual_printer import VirtualPrinter
from tests.printing.samples import decode, grey_dots, order_labels

pytestmark = pytest.mark.usefixtures("qapp")

LABEL_FORMATS = [LabelFormat.A9_HORIZONTALLY, LabelFormat.A9, LabelFormat.A7]


def _print_203(pdf: bytes, fmt: LabelFormat) -> list[QImage]:
    return render_pdf_mono(pdf, target=page_dots(media_layout(fmt.size_mm), 203), dpi=203)


@pytest.mark.parametrize("fmt", [*LABEL_FORMATS, LabelFormat.A4])
def test_test_label_barcodes_scan_at_203_dpi(fmt: LabelFormat) -> None:
    (page,) = _print_203(render_test_label(fmt, PrinterProfile(dpi=203, darkness=8)), fmt)
    assert decode(page) == [("Code 128", "TEST203"), ("QR Code", TEST_QR)]


def test_test_label_frame_sits_on_every_edge() -> None:
    fmt = LabelFormat.A9_HORIZONTALLY
    (page,) = _print_203(render_test_label(fmt, PrinterProfile()), fmt)
    dots = grey_dots(page)
    # The frame is 2 dots wide, one dot in from the edge: the outer 4 dots of each side are mostly ink.
    for edge in (dots[:4, :], dots[-4:, :], dots[:, :4].T, dots[:, -4:].T):
        assert (edge.min(axis=0) == 0).mean() > 0.95


def test_test_label_modules_follow_the_profile_dpi() -> None:
    fmt = LabelFormat.A9_HORIZONTALLY
    at_300 = render_test_label(fmt, PrinterProfile(dpi=300))
    (page,) = render_pdf_mono(at_300, target=page_dots(media_layout(fmt.size_mm), 300), dpi=300)
    assert ("Code 128", "TEST300") in decode(page)


@pytest.mark.parametrize("fmt", LABEL_FORMATS)
def test_own_rendering_from_label_data_scans_at_203_dpi(fmt: LabelFormat) -> None:
    labels = order_labels(boxes=3)
    pages = _print_203(render_labels(labels, fmt), fmt)
    found = [[text for kind, text in decode(page) if kind == "Code 128"] for page in pages]
    assert found == [[box.fulfilment_id] for box in labels.boxes]


def _slip_order() -> tuple[Order, tuple[StoredBox, ...]]:
    lines = (
        OrderLine(id=1, offer_id="KETTLE-1", name="Чайник электрический", count=2),
        OrderLine(id=2, offer_id="SOFA-9", name="Диван", count=1, parts_per_unit=2),
    )
    order = Order(7206821, 2001, Program.FBS, "PROCESSING", "STARTED", lines)
    cis = Instance(InstanceKind.CIS, "0104601234567893215ABCDEFGHIJKLM\x1d93ABCD")
    boxes = (
        StoredBox(501, BoxPlan((BoxEntry(line_id=1, full_count=2, instances=(cis,)),))),
        StoredBox(502, BoxPlan((BoxEntry(line_id=2, part=PartOf(1, 2)),))),
    )
    return order, boxes


def _text_of(pdf: bytes) -> list[str]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    pages = [document.getAllText(index).text() for index in range(document.pageCount())]
    document.close()
    return pages


def test_packing_slip_has_a_page_per_box_with_its_contents() -> None:
    order, boxes = _slip_order()
    first, second = _text_of(render_packing_slips(order, boxes))
    assert "коробка 1 из 2" in first
    assert "KETTLE-1" in first
    assert "Чайник электрический" in first
    assert "SOFA-9" not in first
    assert "часть 1/2" in second
    assert "Диван" in second


def test_packing_slip_masks_marking_codes() -> None:
    order, boxes = _slip_order()
    first = _text_of(render_packing_slips(order, boxes))[0]
    assert "cis:010460123456789321…" in first  # Instance.masked(): GTIN and the start only
    assert "ABCDEFGHIJKLM" not in first  # the serial and crypto tail never leave the station


def test_print_test_label_defaults_to_the_virtual_printer(tmp_path: Path) -> None:
    asyncio.run(print_test_label(PrinterProfile(), LabelFormat.A9_HORIZONTALLY, tmp_path))
    (written,) = tmp_path.glob("*.pdf")
    assert written.name.endswith("Packstation_test_label.pdf")
    (page,) = _print_203(written.read_bytes(), LabelFormat.A9_HORIZONTALLY)
    assert ("Code 128", "TEST203") in decode(page)


def test_virtual_folder_and_printer_choice(tmp_path: Path) -> None:
    assert virtual_folder(PrintingSettings(), tmp_path) == tmp_path / "labels"
    assert virtual_folder(PrintingSettings(virtual_dir=str(tmp_path / "x")), tmp_path) == tmp_path / "x"
    assert isinstance(make_printer(PrinterProfile(), tmp_path), VirtualPrinter)
    assert isinstance(make_printer(PrinterProfile(printer_name="Zebra"), tmp_path), SystemPrinter)
