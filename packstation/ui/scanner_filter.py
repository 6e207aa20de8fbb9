"""The application-wide keyboard-wedge scanner filter: scans arrive as a signal, never as typed text.

One `ScannerFilter` is installed on the QApplication (`install(app)`). It sees every key press
addressed to the focused widget, feeds it to `packstation.devices.decoder.ScanDecoder`, and:

- swallows keys that may belong to a scan (a scan never lands in a search field, and Qt's own
  text handling, which drops GS, never sees it);
- emits `scanned(str)` with the decoded text (GS restored as 0x1D, scanner framing removed)
  when a scan completes, whatever widget has the focus;
- hands human typing back: held keys are re-sent to their widget, in order, as soon as a gap
  (or a non-scan key) shows a person typed them, so typing is only delayed by the key gap.

While a scan may be in progress, the filter also claims ShortcutOverride for its keys so that
single-key shortcuts do not fire from scanner input. Native scan codes are used on X11/Wayland
and Windows (layout- and Caps-Lock-proof); elsewhere the decoder falls back to layout tables.

Timing survives a busy GUI thread: keys are timed by when they were pressed (the event's own
timestamp), not when the filter sees them, and the gap timer never ends a run on its first
expiry: it first lets the keys already queued during a stall come in (`_DRAIN_MS`), and waits
again whenever it fired late, so a freeze mid-scan does not split the scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import PLATFORM_WINDOWS, PLATFORM_X11, KeyEvent, ScanDecoder

# After the gap timer fires, how long to let keys already queued (a stalled thread) arrive
# before judging the gap; and how late a timer may fire before the thread counts as stalled.
_DRAIN_MS = 15
_LATE_MS = 10
_MAX_DRAINS = 4

# Caps Lock bit in QKeyEvent.nativeModifiers(): X11 LockMask; Qt's Windows key mapper flag.
# Input that is not a key (`ScannerFilter.on_input`); a tuple: `in` compares by identity.
_OTHER_INPUT = (QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
_CAPS_BITS = {PLATFORM_X11: 0x2, PLATFORM_WINDOWS: 0x100}


def platform_family(platform_name: str) -> str:
    """Map QGuiApplication.platformName() to the decoder's native-code family."""
    if platform_name in ("xcb", "wayland"):
        return PLATFORM_X11
    if platform_name == "windows":
        return PLATFORM_WINDOWS
    return ""


def _now_ms() -> float:
    return time.monotonic() * 1000.0


class ScannerFilter(QObject):
    """Application-level event filter turning keyboard-wedge input into `scanned(str)`.

    Args:
        settings: scanner settings (key gap, prefixes, suffix, GS forms).
        parent: Qt parent.
        platform: native-code family; detected from the running QGuiApplication when None.
        clock: milliseconds on a monotonic clock (tests may pass their own).
    """

    scanned = Signal(str)

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
        *,
        platform: str | None = None,
        clock: Callable[[], float] = _now_ms,
    ) -> None:
        super().__init__(parent)
        self._platform = platform if platform is not None else platform_family(QGuiApplication.platformName())
        self._clock = clock
        self._decoder = ScanDecoder(settings, self._platform)
        self._held: dict[int, tuple[KeyEvent, QObject, QKeyEvent]] = {}
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_gap)
        self._due_ms = 0.0  # when the gap timer should fire (our clock)
        self._drains = 0  # waits for queued keys since the last key
        self._last_seen_ms = 0.0  # our clock when the last held key was taken
        self._last_pressed_ms = 0.0  # that key's own time (the decoder's clock)
        self._app: QCoreApplication | None = None
        # Told of every key press, mouse click and wheel turn (the idle-time collector's "the
        # packer is busy"): the app has one application-wide Python event filter, this one, as
        # every event of the app passes through it (~1,000 while an order opens; issue 19).
        self.on_input: Callable[[], None] | None = None

    @property
    def installed(self) -> bool:
        """Whether it filters the application's events."""
        return self._app is not None

    @property
    def settings(self) -> ScannerSettings:
        """The settings in use."""
        return self._decoder.settings

    def apply_settings(self, settings: ScannerSettings) -> None:
        """Use new settings; keys held so far are handed back first."""
        self._deliver(self._decoder.expire(float("inf")))
        self._decoder = ScanDecoder(settings, self._platform)

    def install(self, app: QCoreApplication) -> None:
        """Install on the application (once)."""
        if self._app is None:
            app.installEventFilter(self)
            self._app = app

    def uninstall(self) -> None:
        """Remove from the application, handing back any held keys."""
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self._deliver(self._decoder.expire(float("inf")))

    @contextmanager
    def aside(self) -> Iterator[None]:
        """Out of the application's events for a synchronous stretch of widget work: opening an
        order switches pages, and Qt delivers the ~500 show, hide and layout events of that
        within the call, each a call into Python here (~1-2 ms; issue 19). No input event is
        delivered within a synchronous call, so no key is missed."""
        app = self._app
        if app is None:
            yield
            return
        app.removeEventFilter(self)
        try:
            yield
        finally:
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if self.on_input is not None and kind in _OTHER_INPUT:
                self.on_input()
            return False
        if self.on_input is not None and kind is QEvent.Type.KeyPress:
            self.on_input()
        if not isinstance(event, QKeyEvent) or not _is_key_target(obj):
            return False
        key_event = self._convert(event)
        if kind == QEvent.Type.ShortcutOverride:
            if self._decoder.would_hold(key_event):
                event.accept()  # "the widget wants this key": no shortcut fires, the KeyPress follows
                return True
            return False
        result = self._decoder.feed(key_event)
        self._deliver(result.replay)
        if result.consume:
            self._held[id(key_event)] = (key_event, obj, _copy(event))
        if not self._decoder.pending:
            self._held.clear()  # a finished scan's keys are never replayed
            self._timer.stop()
        else:
            self._last_seen_ms = self._clock()
            self._last_pressed_ms = key_event.timestamp_ms
            self._drains = 0
            self._arm(self._decoder.settings.max_key_gap_ms + 5)
        for text in result.scans:
            self.scanned.emit(text)
        if result.consume:
            event.accept()
        return result.consume

    def _convert(self, event: QKeyEvent) -> KeyEvent:
        caps_bit = _CAPS_BITS.get(self._platform)
        caps = bool(event.nativeModifiers() & caps_bit) if caps_bit else None
        return KeyEvent(
            key=int(event.key()),
            text=event.text(),
            modifiers=int(event.modifiers().value),
            scan_code=int(event.nativeScanCode()),
            virtual_key=int(event.nativeVirtualKey()),
            # When the key was pressed; events without one (synthesized) are timed on arrival.
            timestamp_ms=float(event.timestamp()) or self._clock(),
            caps_lock=caps,
            auto_repeat=event.isAutoRepeat(),
        )

    def _arm(self, delay_ms: float) -> None:
        self._due_ms = self._clock() + delay_ms
        self._timer.start(max(1, round(delay_ms)))

    def _on_gap(self) -> None:
        now = self._clock()
        late = now - self._due_ms > _LATE_MS
        if self._drains == 0 or (late and self._drains < _MAX_DRAINS):
            # Keys pressed while the thread was busy may be queued behind this timer: let them
            # in first (each restarts the gap), and judge once the timer fires on time (or a
            # loaded machine keeps it late: then after a few waits, so typing is never stuck).
            self._drains += 1
            self._arm(_DRAIN_MS)
            return
        since_last = now - self._last_seen_ms
        gap = self._decoder.settings.max_key_gap_ms
        if since_last <= gap:
            self._arm(gap - since_last + 5)  # the timer fired a hair early
            return
        # The decoder judges in key-press time: no key came for `since_last` after the last one.
        released = self._decoder.expire(self._last_pressed_ms + since_last)
        self._deliver(released)
        if not self._decoder.pending:
            self._held.clear()

    def _deliver(self, events: tuple[KeyEvent, ...]) -> None:
        """Re-send held human keys to the widget they were meant for."""
        for key_event in events:
            held = self._held.pop(id(key_event), None)
            if held is None:
                continue
            _, receiver, qt_event = held
            target = receiver if shiboken6.isValid(receiver) else QApplication.focusWidget()
            if target is None:
                continue
            self._replaying = True
            try:
                QCoreApplication.sendEvent(target, qt_event)
            finally:
                self._replaying = False


def _copy(event: QKeyEvent) -> QKeyEvent:
    """A Python-owned copy of a key press to replay later (Qt deletes the original)."""
    return QKeyEvent(
        QEvent.Type.KeyPress,
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


def _is_key_target(obj: QObject) -> bool:
    """Only the first delivery of a key event: to the focus widget (or popup / focus-less window).

    Qt also shows the same event to the QWindow before the widget, and to each parent while it
    propagates; handling only this one delivery keeps each key fed once.
    """
    if not isinstance(obj, QWidget):
        return False
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return obj is popup or obj is popup.focusWidget()
    focus = QApplication.focusWidget()
    if focus is not None:
        return obj is focus
    return obj.isWindow()
