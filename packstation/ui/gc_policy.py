"""No dropped frame while scanning: the first-scan warm-up and the garbage collector's policy (issue 19).

The first scan after start-up used to take 60-250 ms: classifying a code imported the GS1 parser
(biip, since replaced by the check's own rules) and the classifier's modules on first use.
`settle_after_startup` therefore warms the scan path (one scan of each kind) once the window
shows its orders, before the packer's first scan.

A full collection walks every tracked object. With the app's modules, Qt wrappers and a
3,000-order list that is ~100,000 objects and 20-100 ms on a station PC: several frames, at a
moment chosen by the allocation count, i.e. often while the packer scans. Hence:

- after start-up everything alive (modules, classes, the window, the first order list) is frozen:
  `gc.freeze()` moves it out of the collected generations, so automatic collections only walk what
  was created since;
- automatic full collections are made rarer (third threshold 10 -> 100); young collections stay
  as they are (they walk few objects and free the scan-by-scan garbage);
- when the station is idle (no key or mouse input for `QUIET_S`) and at most every `DEEP_EVERY_S`,
  a maintenance pass unfreezes, collects everything and freezes again: frozen objects that became
  cyclic garbage since are reclaimed, and the walked heap stays small.

What the collections find matters as much as what they walk: a closed order used to leave its
whole packing view, models and session in reference cycles (~550 objects), so the young
collections of the next orders' scans freed views by the dozen (8-14 ms each). A closed order now
leaves no cycle (`services.weak_calls`; `tests/ui/test_closed_views.py`): it is freed by
reference counting when its view is deleted, between orders.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

THRESHOLDS: Final = (700, 10, 100)  # young, middle, full: only the full one is made rarer
QUIET_S: Final = 20.0  # no input for this long: the packer is not scanning
DEEP_EVERY_S: Final = 600.0  # at most one maintenance pass per ten minutes
CHECK_MS: Final = 5_000
_log = logging.getLogger("packstation.ui")
_INPUT: Final = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})


# One scan of each kind the classifier parses: an item barcode, a marking code with its GS1 parts.
_WARM_UP_SCANS: Final = (
    "4601234567893",
    "0104601234567893215Nq=XC!iJgdUL\x1d91EE10\x1d92yKJd9Sdz0v2qtLh4xbmjB4s4KyEFZOZa0PpHawzaM2U=",
    "PS:UNDO",
)


def warm_scan_path() -> None:
    """Classify one scan of each kind, so their lazy imports and caches load now, not on a scan;
    parse a date as the Market's answers to a submit carry them (`datetime.strptime` imports
    `_strptime`, `locale` and `calendar` on first use: 2-3 ms of the first submit otherwise,
    in the GUI thread); and let PySide create its lazily built widget types once (the first
    item view's viewport asked for from Python creates ~50 of them: ~15 ms on the first opened
    order otherwise)."""
    from PySide6.QtWidgets import QApplication, QTreeView

    from packstation.domain.classify import classify_scan  # after the first frame, like the rest

    for text in _WARM_UP_SCANS:
        classify_scan(text)
    datetime.strptime("07-12-2026 10:00:00", "%d-%m-%Y %H:%M:%S")  # the status answer's format
    if QApplication.instance() is not None:  # e.g. not in the Qt-free scan benchmark
        probe = QTreeView()
        probe.viewport()
        probe.deleteLater()


_previous_thresholds: tuple[int, int, int] | None = None


def settle_after_startup() -> None:
    """Warm the scan path, collect once, freeze what survived start-up, set the thresholds."""
    global _previous_thresholds
    warm_scan_path()
    gc.collect()
    gc.freeze()
    if _previous_thresholds is None:
        _previous_thresholds = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)


def restore() -> None:
    """Python's collector as it was: everything collectable again, the previous thresholds."""
    global _previous_thresholds
    gc.unfreeze()
    if _previous_thresholds is not None:
        gc.set_threshold(*_previous_thresholds)
        _previous_thresholds = None


def deep_collect() -> tuple[int, float]:
    """The maintenance pass: everything is collectable again, collected, and the rest frozen;
    returns how many objects it freed and how long it took (seconds)."""
    start = time.perf_counter()
    gc.unfreeze()
    freed = gc.collect()
    gc.freeze()
    return freed, time.perf_counter() - start


class IdleCollector(QObject):
    """Runs `deep_collect` when the station is idle; notes input through an application filter.

    Args:
        clock: monotonic seconds (injectable for tests).
    """

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()
        self._last_deep = clock()
        self.passes = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self, *, watch_input: bool = True) -> None:
        """Start checking; `watch_input`: note input through an application filter of its own
        (else whoever filters the app's events already calls `note_activity`: one Python filter
        fewer for every event of the app)."""
        app = QCoreApplication.instance()
        if app is not None and watch_input:
            app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = self._clock()
        return False

    def note_activity(self) -> None:
        """Input seen elsewhere (the scanner filter's keys and clicks, a serial scanner's scans):
        postpone the pass as well."""
        self._last_input = self._clock()

    def check(self) -> bool:
        """Run the maintenance pass if the station is idle and one is due; True when it ran."""
        now = self._clock()
        if now - self._last_input < QUIET_S or now - self._last_deep < DEEP_EVERY_S:
            return False
        freed, took = deep_collect()
        self._last_deep = now
        self.passes += 1
        # For the station's log: how long the window was busy with it, and whether anything
        # leaks into the frozen heap (a growing count here would say so).
        _log.info(
            "idle-time full collection: %d objects freed in %.0f ms, %d kept",
            freed,
            took * 1000,
            gc.get_freeze_count(),
        )
        return True


def install(parent: QObject, *, watch_input: bool = True) -> IdleCollector:
    """Apply the policy once the window shows its orders (the one start-up hook); it lasts as long
    as `parent` (the main window): destroying it restores Python's defaults, so a shell built and
    torn down inside a longer process (the tests) leaves that process's collector as it was."""
    settle_after_startup()
    collector = IdleCollector(parent)
    collector.start(watch_input=watch_input)
    parent.destroyed.connect(restore)
    return collector
