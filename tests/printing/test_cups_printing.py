"""A real CUPS job: Qt prints a 58x40 label through a private cupsd to a fake 9100 printer."""

from __future__ import annotations

import re
import subprocess
import time

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import PrintError
from packstation.domain.labels import LabelFormat
from packstation.printing.config import PrinterProfile
from packstation.printing.raster import render_pdf_mono_at
from packstation.printing.system_printer import SystemPrinter
from tests.fixtures.cups import PrivateCups
from tests.printing.samples import decode, market_like_pdf, order_labels

pytestmark = [pytest.mark.cups, pytest.mark.usefixtures("qapp")]


def _control_files(cups: PrivateCups, count: int) -> list[bytes]:
    """The spooler's job attribute files (c00001, ...); cupsd writes them shortly after a job."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        files = sorted((cups.root / "spool").glob("c*"))
        if len(files) >= count:
            return [path.read_bytes() for path in files]
        time.sleep(0.05)
    return []


@pytest.mark.asyncio
async def test_label_job_reaches_the_printer_with_its_page_size(private_cups: PrivateCups) -> None:
    before = len(private_cups.printer.jobs)
    profile = PrinterProfile(printer_name=private_cups.queue, dpi=203, darkness=12)
    pdf = market_like_pdf(order_labels(boxes=2))
    await SystemPrinter(profile).print_pdf(pdf, title="Packstation 7206821", fmt=LabelFormat.A9_HORIZONTALLY)

    jobs = private_cups.printer.wait_for_jobs(before + 1)
    assert len(jobs) == before + 1
    received = jobs[-1]
    assert received.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", received)
    assert [(float(w), float(h)) for w, h in boxes] == [(164, 113)] * 2  # 58x40 mm
    pages = render_pdf_mono_at(received, dpi=203)
    assert [decode(page)[0] for page in pages] == [("Code 128", "7206821-1"), ("Code 128", "7206821-2")]

    control = _control_files(private_cups, before + 1)[-1]
    assert b"Darkness" in control  # the driver option travelled with the job
    assert b"Packstation 7206821" in control  # the job name the packer sees in the printer queue
    assert b"58x40" in control  # the custom media size was requested


def test_the_private_queue_is_listed_by_qt(private_cups: PrivateCups) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    assert private_cups.queue in QPrinterInfo.availablePrinterNames()


def test_a_missing_queue_is_a_print_error(private_cups: PrivateCups) -> None:
    printer = SystemPrinter(PrinterProfile(printer_name="Unplugged"))
    with pytest.raises(PrintError, match="Unplugged"):
        printer.print_blocking(b"%PDF-1.4", title="t", fmt=LabelFormat.A9_HORIZONTALLY)


def test_a_stopped_queue_is_reported_with_advice_and_nothing_is_sent(private_cups: PrivateCups) -> None:
    before = len(private_cups.printer.jobs)
    subprocess.run(["cupsdisable", private_cups.queue], check=True, timeout=10)
    try:
        printer = SystemPrinter(PrinterProfile(printer_name=private_cups.queue))
        with pytest.raises(PrintError) as caught:
            printer.print_blocking(market_like_pdf(order_labels(boxes=1)), title="t", fmt=LabelFormat.A7)
        assert "Retry" in str(caught.value.hint)
        assert "Повторить" in russian(caught.value.hint)
    finally:
        subprocess.run(["cupsenable", private_cups.queue], check=True, timeout=10)
    assert len(private_cups.printer.jobs) == before
