"""Serial (USB-COM / virtual COM) scanners: the robust mode, with bytes arriving unchanged.

In COM mode there is no keyboard layout, Caps Lock or focus in the way and GS arrives intact.
`SerialScanner` opens the configured port (or, with `serial_auto_detect`, the single USB serial
port found, preferring known scanner vendors), frames scans on CR/LF, cleans them like keyboard
scans (prefixes, suffix, AIM identifier, GS stand-ins) and emits `scanned(str)`. When the scanner
is unplugged the port reports an error: the reader closes it, emits `disconnected`, and retries
every `serial_retry_ms` until the scanner is back (`connected`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort, QSerialPortInfo

from packstation.devices.cleanup import clean_scan_text
from packstation.devices.config import ScannerSettings

# USB vendor ids preferred when auto-detecting: scanner makers Honeywell/Metrologic (0x0C2E),
# Hand Held Products (0x0536), Zebra/Symbol (0x05E0), Datalogic (0x05F9), Newland (0x1EAB), and
# the STM32 / CH340 chips inside many inexpensive scanners (0x0483, 0x1A86).
SCANNER_VENDORS = frozenset({0x0C2E, 0x05E0, 0x05F9, 0x1EAB, 0x0483, 0x1A86, 0x0536})
_MAX_BUFFER = 4096


@dataclass(frozen=True, slots=True)
class PortInfo:
    """A serial port as the settings dialog lists it."""

    name: str
    description: str = ""
    manufacturer: str = ""
    vendor_id: int | None = None
    product_id: int | None = None
    serial_number: str = ""

    @property
    def is_usb(self) -> bool:
        """True for USB devices (they report a vendor id)."""
        return self.vendor_id is not None


def available_ports() -> list[PortInfo]:
    """The serial ports the OS reports, for the settings dialog and auto-detection."""
    return [
        PortInfo(
            name=info.portName(),
            description=info.description(),
            manufacturer=info.manufacturer(),
            vendor_id=info.vendorIdentifier() if info.hasVendorIdentifier() else None,
            product_id=info.productIdentifier() if info.hasProductIdentifier() else None,
            serial_number=info.serialNumber(),
        )
        for info in QSerialPortInfo.availablePorts()
    ]


def pick_scanner_port(ports: list[PortInfo]) -> str | None:
    """The port that is most likely the scanner: a known scanner vendor, else the only USB port."""
    known = [p for p in ports if p.vendor_id in SCANNER_VENDORS]
    if len(known) == 1:
        return known[0].name
    usb = [p for p in ports if p.is_usb]
    return usb[0].name if len(usb) == 1 else None


class SerialFramer:
    """Bytes in, cleaned scans out: one scan per CR/LF-terminated line (latin-1, bytes unchanged)."""

    def __init__(self, settings: ScannerSettings) -> None:
        self._settings = settings
        self._buffer = b""

    def feed(self, data: bytes) -> list[str]:
        self._buffer += data
        scans: list[str] = []
        while True:
            cut = min((i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0), default=-1)
            if cut < 0:
                break
            line, self._buffer = self._buffer[:cut], self._buffer[cut + 1 :]
            text = clean_scan_text(
                line.decode("latin-1"),
                prefixes=self._settings.prefixes,
                suffix=self._settings.suffix,
                gs_stand_ins=self._settings.gs_stand_ins,
            ).text
            if text:
                scans.append(text)
        if len(self._buffer) > _MAX_BUFFER:  # a line that never ends is noise, not a scan
            self._buffer = b""
        return scans


class SerialScanner(QObject):
    """Reads scans from a serial scanner and reconnects after unplugging.

    Args:
        settings: port, baud rate, auto-detection, retry interval and scan clean-up.
        parent: Qt parent.
        list_ports: the port lister (tests substitute their own).

    Signals:
        scanned(str): a scan (GS as 0x1D).
        connected(str): the port was opened.
        disconnected(str): the port was lost or could not be opened (the reason, English).
    """

    scanned = Signal(str)
    connected = Signal(str)
    disconnected = Signal(str)

    def __init__(
        self,
        settings: ScannerSettings,
        parent: QObject | None = None,
        *,
        list_ports: Callable[[], list[PortInfo]] = available_ports,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._list_ports = list_ports
        self._framer = SerialFramer(settings)
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._on_ready_read)
        self._port.errorOccurred.connect(self._on_error)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_open)
        self._running = False
        self._lost_reported = False

    @property
    def is_open(self) -> bool:
        """True while the scanner's port is open."""
        return self._port.isOpen()

    @property
    def port_name(self) -> str:
        """The port last opened or tried."""
        return self._port.portName()

    def start(self) -> None:
        """Open the port now, or keep retrying until it can be opened."""
        self._running = True
        self._try_open()

    def stop(self) -> None:
        """Close the port and stop retrying."""
        self._running = False
        self._retry.stop()
        if self._port.isOpen():
            self._port.close()

    def _resolve_port(self) -> str | None:
        if self._settings.serial_port:
            return self._settings.serial_port
        if self._settings.serial_auto_detect:
            return pick_scanner_port(self._list_ports())
        return None

    def _try_open(self) -> None:
        if not self._running or self._port.isOpen():
            return
        name = self._resolve_port()
        if name is None:
            self._lost("no serial scanner port found")
            return
        self._port.setPortName(name)
        self._port.setBaudRate(self._settings.serial_baud)
        if self._port.open(QSerialPort.OpenModeFlag.ReadOnly):
            self._framer = SerialFramer(self._settings)
            self._lost_reported = False
            self.connected.emit(name)
            return
        self._lost(f"cannot open {name}: {self._port.errorString()}")

    def _lost(self, reason: str) -> None:
        if not self._lost_reported:  # one notice per outage, not one per retry
            self._lost_reported = True
            self.disconnected.emit(reason)
        if self._running:
            self._retry.start(self._settings.serial_retry_ms)

    def _on_ready_read(self) -> None:
        for scan in self._framer.feed(bytes(self._port.readAll().data())):
            self.scanned.emit(scan)

    def _on_error(self, error: QSerialPort.SerialPortError) -> None:
        if error in (QSerialPort.SerialPortError.NoError, QSerialPort.SerialPortError.TimeoutError):
            return
        if not self._port.isOpen():
            return  # open() failures are handled where open() is called
        reason = f"{self._port.portName()}: {self._port.errorString()}"
        self._port.close()
        self._lost(reason)
