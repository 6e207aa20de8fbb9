"""Print speed (issue 7): label PDF page -> 1-bit raster at 203 dpi, and submit -> printer.

Run: `python3 bench/print_bench.py [--runs 50]`. Labels are drawn by `printing.label_render`
(the same renderer the sandbox serves), one page per box.

1. Raster: `render_pdf_mono` of one page at the media size in 203-dpi dots, for 58x40
   (A9_HORIZONTALLY) and 75x120 (A7); median and p95 per label. Target: median < 50 ms.
2. Submit to printer: `LabelJob.print_order_labels` for a 3-box order with an instant Market
   (the PDF is ready), timed until the printer port returns, through
   a) `SystemPrinter` writing what the printer would receive to a PDF (QtPdf render, threshold,
      QPrinter paint; the same path as a real queue minus the spooler), and
   b) the virtual printer (PDF file written as is).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from packstation.domain.labels import LabelFormat, OrderLabels
from packstation.printing.config import PrinterProfile
from packstation.printing.label_render import render_labels
from packstation.printing.raster import media_layout, page_dots, render_pdf_mono
from packstation.printing.system_printer import SystemPrinter
from packstation.printing.virtual_printer import VirtualPrinter
from packstation.services.label_job import JobStatus, LabelJob
from packstation.services.ports import LabelPrinterPort
from tests.printing.fakes import make_boxes, make_order
from tests.printing.samples import order_labels

TARGET_MEDIAN_MS = 50.0


class ReadyMarket:
    """A Market whose label PDF is already there: the bench times our side only."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf

    async def labels_pdf(self, order_id: int, fmt: LabelFormat) -> bytes:
        return self.pdf


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def bench_raster(labels: OrderLabels, fmt: LabelFormat, runs: int) -> float:
    pdf = render_labels(OrderLabels(labels.order_id, 1, labels.boxes[:1]), fmt)
    target = page_dots(media_layout(fmt.size_mm), 203)
    render_pdf_mono(pdf, target=target, dpi=203)  # warm-up: fonts, PDFium init
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        render_pdf_mono(pdf, target=target, dpi=203)
        samples.append(time.perf_counter() - start)
    median, p95 = _ms(samples)
    verdict = "ok" if median < TARGET_MEDIAN_MS else "SLOW"
    size = f"{target.width()}x{target.height()}"
    print(f"raster {fmt.value:16} {size:>9} dots: median {median:6.1f} ms  p95 {p95:6.1f} ms  [{verdict}]")
    return median


async def bench_submit(name: str, printer: LabelPrinterPort, pdf: bytes, runs: int) -> float:
    job = LabelJob(ReadyMarket(pdf), printer, fmt=LabelFormat.A9_HORIZONTALLY)  # type: ignore[arg-type]
    samples = []
    for run in range(runs + 1):
        start = time.perf_counter()
        done = await job.print_order_labels(make_order(1000 + run), make_boxes(1, 2, 3))
        if done.status is not JobStatus.DONE:
            raise SystemExit(f"{name}: job failed: {done.error}")
        if run:  # the first run warms up
            samples.append(time.perf_counter() - start)
    median, p95 = _ms(samples)
    print(f"submit -> printer, 3 boxes, {name:28}: median {median:6.1f} ms  p95 {p95:6.1f} ms")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication([])
    labels = order_labels(boxes=3)
    medians = [bench_raster(labels, fmt, args.runs) for fmt in (LabelFormat.A9_HORIZONTALLY, LabelFormat.A7)]
    pdf = render_labels(labels, LabelFormat.A9_HORIZONTALLY)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        runs = max(5, args.runs // 5)
        system = SystemPrinter(PrinterProfile(dpi=203), output_file=out / "printer.pdf")
        asyncio.run(bench_submit("SystemPrinter (Qt PDF engine)", system, pdf, runs))
        asyncio.run(bench_submit("VirtualPrinter", VirtualPrinter(out / "virtual"), pdf, runs))
    del app
    return 0 if all(median < TARGET_MEDIAN_MS for median in medians) else 1


if __name__ == "__main__":
    raise SystemExit(main())
