"""The virtual printer: one PDF per job in a folder, byte for byte, with 1-bit previews."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from packstation.catalogue import russian
from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.printing.virtual_printer import VirtualPrinter
from tests.printing.samples import decode, market_like_pdf, order_labels

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.asyncio
async def test_each_job_becomes_a_pdf_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "labels"  # created on the first job
    printer = VirtualPrinter(folder)
    first = market_like_pdf(order_labels(boxes=2))
    second = market_like_pdf(order_labels(order_id=555, boxes=1))
    await printer.print_pdf(first, title="Packstation 7206821 labels 901,902", fmt=LabelFormat.A9)
    await printer.print_pdf(second, title="Заказ 555 / коробка 1", fmt=LabelFormat.A9_HORIZONTALLY)
    assert [path.read_bytes() for path in printer.written] == [first, second]
    assert sorted(folder.iterdir()) == sorted(printer.written)
    assert printer.written[1].name.endswith("-Заказ_555_коробка_1.pdf")


@pytest.mark.asyncio
async def test_previews_show_the_thermal_bitmap(tmp_path: Path) -> None:
    printer = VirtualPrinter(tmp_path, dpi=203)
    pdf = market_like_pdf(order_labels(boxes=2))
    await printer.print_pdf(pdf, title="t", fmt=LabelFormat.A9_HORIZONTALLY)
    pngs = printer.write_previews(printer.written[0])
    assert [png.name for png in pngs] == [f"{printer.written[0].stem}-{n}.png" for n in (1, 2)]
    image = QImage(str(pngs[1]))
    assert image.size() == QSize(464, 320)
    assert decode(image)[0] == ("Code 128", "7206821-2")


def printer_folder_is_empty(folder: Path) -> bool:
    return not any(folder.iterdir())


@pytest.mark.asyncio
async def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PrintError) as caught:
        await VirtualPrinter(tmp_path).print_pdf(b"{}", title="t", fmt=LabelFormat.A7)
    assert russian(caught.value.text)
    assert caught.value.en
    assert printer_folder_is_empty(tmp_path)


@pytest.mark.asyncio
async def test_unwritable_folder_is_a_print_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PrintError) as caught:
        await VirtualPrinter(blocker / "labels").print_pdf(b"%PDF-1.4", title="t", fmt=LabelFormat.A7)
    assert str(blocker) in caught.value.en
    assert str(blocker) in russian(caught.value.text)
