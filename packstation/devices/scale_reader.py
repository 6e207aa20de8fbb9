"""Desk scale drivers: a serial scale (continuous or request/response) and a USB HID POS scale.

Both emit `reading(object)` with a `domain.box_weight.ScaleReading` (kilograms, stable or not) and
reconnect after unplugging like the serial scanner: the lost device is closed, `disconnected`
says why (once per outage), and the device is reopened every `retry_ms` until it is back
(`connected`). The protocols and their framing are described in `scale_protocols`.

- `SerialScale`: QtSerialPort; with a request/response protocol (Massa-K Protocol 100) it sends
  the request every `poll_ms`, and a scale that stops answering for `NO_ANSWER_POLLS` requests is
  treated as unplugged (a USB-serial adapter may stay while the scale behind it is switched off).
- `HidScale`: Linux hidraw (`/dev/hidrawN`, one 6-byte report per read) through a
  QSocketNotifier; with no path configured it takes the first hidraw device whose report
  descriptor declares the HID "Scale" usage page (0x8D). The packer needs read access to the
  hidraw node (a udev rule, see README "Devices").
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from packstation.devices.config import ScaleProtocol, ScaleSettings
from packstation.devices.scale_protocols import ScaleParser, make_parser

NO_ANSWER_POLLS = 10
_HID_SCALE_USAGE_PAGE = bytes([0x05, 0x8D])  # "Usage Page (Scale)" item of a report descriptor
_SYS_HIDRAW = Path("/sys/class/hidraw")


def find_hid_scale(sys_hidraw: Path = _SYS_HIDRAW) -> str | None:
    """The /dev path of the first hidraw device that is a scale (None: none found)."""
    if not sys_hidraw.is_dir():
        return None
    for node in sorted(sys_hidraw.iterdir()):
        try:
            descriptor = (node / "device" / "report_descriptor").read_bytes()
        except OSError:
            continue
        if _HID_SCALE_USAGE_PAGE in descriptor:
            return f"/dev/{node.name}"
    return None


class _ScaleBase(QObject):
    reading = Signal(object)  # ScaleReading
    connected = Signal(str)
    disconnected = Signal(str)

    def __init__(self, settings: ScaleSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parser: ScaleParser = make_parser(settings.protocol, settings.default_unit)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_open)
        self._running = False
        self._lost_reported = False

    def start(self) -> None:
        """Open the scale now, or keep retrying until it can be opened."""
        self._running = True
        self._try_open()

    def stop(self) -> None:
        """Close the scale and stop retrying."""
        self._running = False
        self._retry.stop()
        self._close()

    def _opened(self, name: str) -> None:
        self._parser = make_parser(self._settings.protocol, self._settings.default_unit)
        self._lost_reported = False
        self.connected.emit(name)

    def _lost(self, reason: str) -> None:
        self._close()
        if not self._lost_reported:  # one notice per outage, not one per retry
            self._lost_reported = True
            self.disconnected.emit(reason)
        if self._running:
            self._retry.start(self._settings.retry_ms)

    def _deliver(self, data: bytes) -> None:
        for reading in self._parser.feed(data):
            self.reading.emit(reading)

    def _try_open(self) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError


class SerialScale(_ScaleBase):
    """A serial (RS-232 / USB-COM) scale; see the module docstring.

    Signals:
        reading(object): a `ScaleReading`.
        connected(str): the port was opened.
        disconnected(str): the port was lost, could not be opened or the scale stopped answering.
    """

    def __init__(self, settings: ScaleSettings, parent: QObject | None = None) -> None:
        super().__init__(settings, parent)
        # Imported here: QtSerialPort is loaded only on stations with a serial device.
        from PySide6.QtSerialPort import QSerialPort

        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._on_ready_read)
        self._port.errorOccurred.connect(self._on_error)
        self._poll = QTimer(self)
        self._poll.setInterval(settings.poll_ms)
        self._poll.timeout.connect(self._ask)
        self._unanswered = 0

    @property
    def is_open(self) -> bool:
        return self._port.isOpen()

    def _try_open(self) -> None:
        from PySide6.QtSerialPort import QSerialPort

        if not self._running or self._port.isOpen():
            return
        name = self._settings.port
        if not name:
            self._lost("no scale port configured")
            return
        self._port.setPortName(name)
        self._port.setBaudRate(self._settings.baud)
        if not self._port.open(QSerialPort.OpenModeFlag.ReadWrite):
            self._lost(f"cannot open {name}: {self._port.errorString()}")
            return
        self._unanswered = 0
        self._opened(name)
        if self._parser.request() is not None:
            self._poll.start()
            self._ask()

    def _close(self) -> None:
        self._poll.stop()
        if self._port.isOpen():
            self._port.close()

    def _ask(self) -> None:
        request = self._parser.request()
        if request is None or not self._port.isOpen():
            return
        if self._unanswered >= NO_ANSWER_POLLS:
            self._lost(f"{self._port.portName()}: the scale does not answer")
            return
        self._unanswered += 1
        self._port.write(request)

    def _on_ready_read(self) -> None:
        self._unanswered = 0
        self._deliver(bytes(self._port.readAll().data()))

    def _on_error(self, error: object) -> None:
        from PySide6.QtSerialPort import QSerialPort

        if error in (QSerialPort.SerialPortError.NoError, QSerialPort.SerialPortError.TimeoutError):
            return
        if not self._port.isOpen():
            return  # open() failures are handled where open() is called
        self._lost(f"{self._port.portName()}: {self._port.errorString()}")


class HidScale(_ScaleBase):
    """A USB HID POS scale read from Linux hidraw; see the module docstring.

    Args:
        settings: the scale settings (`port`: /dev/hidrawN, empty: auto-detect).
        find_scale: finds the hidraw node of a scale (tests substitute their own).
    """

    def __init__(
        self,
        settings: ScaleSettings,
        parent: QObject | None = None,
        *,
        find_scale: Callable[[], str | None] = find_hid_scale,
    ) -> None:
        super().__init__(settings, parent)
        if settings.protocol is not ScaleProtocol.HID_POS:
            raise ValueError("HidScale reads HID POS scales only")
        self._find = find_scale
        self._fd: int | None = None
        self._notifier: QSocketNotifier | None = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def _try_open(self) -> None:
        if not self._running or self._fd is not None:
            return
        path = self._settings.port or self._find()
        if not path:
            self._lost("no HID scale found")
            return
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        except OSError as error:
            self._lost(f"cannot open {path}: {error.strerror}")
            return
        self._fd = fd
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._opened(str(path))

    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _on_readable(self) -> None:
        if self._fd is None:
            return
        try:
            data = os.read(self._fd, 64)
        except BlockingIOError:
            return
        except OSError as error:  # EIO / ENODEV: the scale was unplugged
            self._lost(f"HID scale lost: {errno.errorcode.get(error.errno or 0, error.strerror)}")
            return
        if not data:
            self._lost("HID scale lost: end of file")
            return
        self._deliver(data)


def make_scale(settings: ScaleSettings, parent: QObject | None = None) -> SerialScale | HidScale | None:
    """The configured scale's driver (None: no scale)."""
    if settings.protocol is ScaleProtocol.OFF:
        return None
    if settings.protocol is ScaleProtocol.HID_POS:
        return HidScale(settings, parent)
    return SerialScale(settings, parent)
