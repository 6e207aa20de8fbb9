"""Benchmark: one scroll bar's repaint, the application's style (Fusion) against the flat one
(`packstation.ui.flat_scroll_bar`, issue 19).

Two places, each A/B interleaved in one process (`--rounds` rounds of `--repaints` repaints per
style, the handle moving between repaints): a bar on its own (14x400 px), and the boxes tree's bar
in a packing view of a 20-unit order, scanned until its rows overflow, where a see-through bar
has the widgets under it painted first. Prints the median and p90 of the GUI thread's CPU time per
repaint (the medians over rounds), and the widgets one repaint paints.

Usage: QT_QPA_PLATFORM=offscreen python3 bench/scroll_bar_bench.py [--rounds 7] [--repaints 200]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import qasync
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QWidget

from packstation.sandbox.app import create_app
from packstation.sandbox.config import SandboxConfig
from packstation.ui.flat_scroll_bar import flatten
from tests.ui.packing_support import open_desk

Styler = Callable[[QScrollBar], None]


class PaintedWidgets(QObject):
    """The class names of the widgets asked to paint (an application event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (a Qt override)
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.names.append(type(watched).__name__)
        return False


def _repaints(bar: QScrollBar, count: int) -> list[float]:
    """CPU ms of `count` repaints of `bar`, the handle moved before each."""
    qt = QApplication.instance()
    spent = []
    for i in range(count):
        bar.setValue(i % (bar.maximum() + 1))
        if qt is not None:
            qt.processEvents()
        start = time.thread_time()
        bar.repaint()
        spent.append((time.thread_time() - start) * 1000)
    return spent


def _painted_by_one_repaint(bar: QScrollBar) -> list[str]:
    painted = PaintedWidgets()
    qt = QApplication.instance()
    assert qt is not None
    qt.installEventFilter(painted)
    try:
        bar.repaint()
    finally:
        qt.removeEventFilter(painted)
    return painted.names


def compare(where: str, bar: QScrollBar, rounds: int, repaints: int) -> None:
    app_style = QApplication.style()

    def plain(target: QScrollBar) -> None:
        target.setStyle(app_style)

    styles: dict[str, Styler] = {f"{app_style.name()}": plain, "flat": flatten}
    medians: dict[str, list[float]] = {name: [] for name in styles}
    p90s: dict[str, list[float]] = {name: [] for name in styles}
    for round_no in range(rounds):
        order = list(styles) if round_no % 2 == 0 else list(reversed(styles))
        for name in order:
            styles[name](bar)
            QApplication.processEvents()
            spent = sorted(_repaints(bar, repaints))
            medians[name].append(statistics.median(spent))
            p90s[name].append(spent[int(len(spent) * 0.9)])
    for name, apply in styles.items():
        apply(bar)
        QApplication.processEvents()
        painted = _painted_by_one_repaint(bar)
        print(
            f"{where}, {name}: repaint CPU median {statistics.median(medians[name]):.3f} ms, "
            f"p90 {statistics.median(p90s[name]):.3f} ms; one repaint paints {len(painted)} "
            f"widget(s): {', '.join(painted)}"
        )


async def main(rounds: int, repaints: int) -> None:
    window = QWidget()
    bar = QScrollBar(Qt.Orientation.Vertical, window)
    bar.setGeometry(QRect(0, 0, bar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent), 400))
    bar.setRange(0, 100)
    bar.setPageStep(20)
    window.resize(200, 420)
    window.show()
    QApplication.processEvents()
    compare("a bar on its own", bar, rounds, repaints)
    window.close()

    sandbox = create_app(SandboxConfig(seed=1, quotas=False))
    desk = await open_desk(sandbox, (("POWERBANK-10", 10), ("CHARGER-65", 10)))
    try:
        tree_bar = desk.view.boxes.verticalScrollBar()
        qt = QApplication.instance()
        for line in desk.order.lines:
            for _ in range(line.count):
                desk.scan(line.barcodes[0])
                desk.scan("PS:NEW_BOX")
                if qt is not None:
                    qt.processEvents()
        if tree_bar.maximum() == 0:
            raise RuntimeError("the boxes tree's rows did not overflow it")
        compare("the boxes tree's bar in a packing view", tree_bar, rounds, repaints)
    finally:
        await desk.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repaints", type=int, default=200)
    options = parser.parse_args()
    application = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(options.rounds, options.repaints))
