"""Printing never blocks the GUI: the qasync loop keeps running while a label job renders."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from packstation.domain.labels import LabelFormat
from packstation.printing.config import PrinterProfile
from packstation.printing.label_render import render_labels
from packstation.printing.system_printer import SystemPrinter
from tests.printing.samples import order_labels


@pytest.mark.asyncio
async def test_the_event_loop_runs_while_a_label_job_renders_and_paints(tmp_path: Path) -> None:
    pdf = render_labels(order_labels(boxes=3), LabelFormat.A7)
    printer = SystemPrinter(PrinterProfile(dpi=300), output_file=tmp_path / "out.pdf")
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.ensure_future(ticker())
    await printer.print_pdf(pdf, title="nonblocking", fmt=LabelFormat.A7)
    during = ticks
    stop.set()
    await task
    # A blocking print would finish before the ticker ran even once.
    assert during > 3
    assert (tmp_path / "out.pdf").stat().st_size > 0
