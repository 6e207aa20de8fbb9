"""Benchmark: the packing workspace (issue 6 speed targets).

1. Scan -> visible feedback, in-process: 1,000 scans through `PackingDesk.handle_scan` (item
   barcodes and UNDO commands alternating, so the order never fills up), each followed by a
   synchronous repaint of the feedback line and the boxes view; p50/p99/max in ms
   (target: p99 < 16 ms, one frame).
2. One 3-item order packed end to end against the sandbox served by uvicorn over loopback HTTP:
   open (read the order and its offers), scan every unit, submit (box layout, READY_TO_SHIP),
   with printing left out. Prints the wall time and every HTTP call made.

With `--video`, the packing video records the whole time (the generated camera at 10 fps into
the H.264 encoder thread, as at a desk with a camera), so the p99 shows what recording costs.

Usage: QT_QPA_PLATFORM=offscreen python3 bench/packing_bench.py [--scans 1000] [--video]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from PySide6.QtWidgets import QApplication

from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from tests.fixtures.sandbox import serve_in_thread, stop_server
from tests.ui.packing_support import open_desk


class CountingTransport(httpx.AsyncHTTPTransport):
    """A real loopback transport that records each request's method and path."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(f"{request.method} {request.url.path}")
        return await super().handle_async_request(request)


async def scan_latency(scans: int, video_dir: Path | None = None) -> list[float]:
    app = create_app(SandboxConfig(seed=1))
    desk = await open_desk(app, (("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1)))
    recording = _record(video_dir, desk.order.id) if video_dir is not None else None
    try:
        barcodes = [line.barcodes[0] for line in desk.order.lines]
        view = desk.view
        timings = []
        for i in range(scans):
            text = barcodes[(i // 2) % len(barcodes)] if i % 2 == 0 else "PS:UNDO"
            start = time.perf_counter()
            desk.scan(text)
            view.feedback.repaint()
            view.boxes.viewport().repaint()
            timings.append((time.perf_counter() - start) * 1000)
            if not view.feedback.text().startswith("✔"):
                raise RuntimeError(f"scan {i} ({text!r}) was refused: {view.feedback.text()}")
        return timings
    finally:
        if recording is not None:
            recording()
        await desk.close()


def _record(folder: Path, order_id: int) -> Callable[[], None]:
    """Record the packing video while the scans run; returns what stops it (and reports it)."""
    from datetime import UTC, datetime

    from packstation.devices.camera import TestPatternCamera
    from packstation.devices.video_recorder import ClipRecorder

    recorder = ClipRecorder()
    camera = TestPatternCamera(recorder.push, fps=recorder.fmt.fps)
    camera.start()
    path = folder / f"{order_id}.mp4"
    started = time.perf_counter()
    recorder.start(path, order_id, f"Заказ {order_id}", datetime.now(UTC))

    def stop() -> None:
        camera.stop()
        recorder.close()
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        print(f"recording on: {camera.frames} frames in {seconds:.1f} s, {size / 1e3:.0f} kB "
              f"({size * 8 / seconds / 1e3:.0f} kbit/s, {size / seconds * 3600 / 1e6:.0f} MB/h)")

    return stop


async def end_to_end() -> tuple[float, list[str], str]:
    app = create_app(SandboxConfig(seed=1))
    server, thread, url = serve_in_thread(app)
    transport = CountingTransport()
    try:
        start = time.perf_counter()
        desk = await open_desk(
            app, (("MUG-300", 1), ("BOOK-WP", 1), ("CHARGER-65", 1)), http=transport, base_url=url
        )
        try:
            for line in desk.order.lines:
                for _ in range(line.count):
                    desk.scan(line.barcodes[0])
            await desk.session.submit()
            wall = time.perf_counter() - start
            state = f"{desk.market_order.status}/{desk.market_order.substatus}"
        finally:
            await desk.close()
        return wall, transport.calls, state
    finally:
        stop_server(server, thread)


async def main(scans: int, video: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        timings = await scan_latency(scans, Path(folder) if video else None)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"scan -> visible feedback over {len(timings)} scans: p50 {statistics.median(timings):.2f} ms, "
          f"p99 {p99:.2f} ms, max {timings[-1]:.2f} ms (target p99 < 16 ms)")
    wall, calls, state = await end_to_end()
    print(f"3-item order end to end over loopback HTTP (no printing): {wall * 1000:.0f} ms, "
          f"{len(calls)} HTTP calls, final state {state}")
    for call in calls:
        print(f"  {call}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=1000)
    parser.add_argument("--video", action="store_true", help="record the packing video meanwhile")
    options = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Repaints are synchronous and the uvicorn thread runs its own asyncio loop, so a plain loop
    # measures the same work without qasync's interplay with that thread.
    asyncio.run(main(options.scans, options.video))
