"""Serial scanners: framing, auto-detection, and reconnect after unplugging (a pty stands in)."""

from __future__ import annotations

import os
import pty
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.devices.config import ScannerSettings
from packstation.devices.serial_reader import PortInfo, SerialFramer, SerialScanner, pick_scanner_port

GS = "\x1d"
DAIRY = "0104601234567893" "21ab+Cd9" + GS + "93Zjqw"


def test_framer_splits_lines_and_cleans_like_keyboard_scans() -> None:
    framer = SerialFramer(ScannerSettings(prefixes=["@@"]))
    assert framer.feed(b"]d2" + DAIRY.encode()[:10]) == []
    assert framer.feed(DAIRY.encode()[10:] + b"\r\n@@4601234567893\n\r\n") == [DAIRY, "4601234567893"]
    assert framer.feed(b"0104601234567893\\u001d93ab\r") == ["0104601234567893" + GS + "93ab"]


def test_framer_drops_an_endless_line() -> None:
    framer = SerialFramer(ScannerSettings())
    assert framer.feed(b"x" * 5000) == []
    assert framer.feed(b"4601234567893\r") == ["4601234567893"]


def test_auto_detect_prefers_a_known_scanner_vendor_then_the_only_usb_port() -> None:
    ttys0 = PortInfo("ttyS0")
    honeywell = PortInfo("ttyACM0", "Honeywell scanner", vendor_id=0x0C2E, product_id=0x0B61)
    other_usb = PortInfo("ttyUSB0", "USB serial", vendor_id=0x0403)
    assert pick_scanner_port([ttys0, other_usb, honeywell]) == "ttyACM0"
    assert pick_scanner_port([ttys0, other_usb]) == "ttyUSB0"
    assert pick_scanner_port([ttys0]) is None
    assert pick_scanner_port([ttys0, other_usb, PortInfo("ttyUSB1", vendor_id=0x10C4)]) is None


class _FakeScannerDevice:
    """A pty whose slave is reached through a stable symlink, like /dev/serial/by-id/…"""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1

    def plug(self) -> None:
        self.master, self.slave = pty.openpty()
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(os.ttyname(self.slave))

    def unplug(self) -> None:
        os.close(self.slave)
        os.close(self.master)
        self.link.unlink()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)


@pytest.fixture
def device(tmp_path: Path) -> Iterator[_FakeScannerDevice]:
    dev = _FakeScannerDevice(tmp_path / "scanner")
    dev.plug()
    yield dev
    if dev.link.is_symlink():
        dev.unplug()


def test_reads_scans_and_reconnects_after_unplug(qtbot: QtBot, device: _FakeScannerDevice) -> None:
    settings = ScannerSettings(serial_port=str(device.link), serial_retry_ms=100)
    reader = SerialScanner(settings)
    seen: list[str] = []
    reader.scanned.connect(seen.append)
    with qtbot.waitSignal(reader.connected, timeout=2000):
        reader.start()
    device.send(DAIRY.encode() + b"\r\n")
    qtbot.waitUntil(lambda: seen == [DAIRY], timeout=2000)

    with qtbot.waitSignal(reader.disconnected, timeout=3000):
        device.unplug()
    assert not reader.is_open

    with qtbot.waitSignal(reader.connected, timeout=3000):
        device.plug()
    device.send(b"4601234567893\r\n")
    qtbot.waitUntil(lambda: seen == [DAIRY, "4601234567893"], timeout=2000)
    reader.stop()
    assert not reader.is_open


def test_missing_port_keeps_retrying_with_one_notice(qtbot: QtBot, tmp_path: Path) -> None:
    link = tmp_path / "absent"
    reader = SerialScanner(ScannerSettings(serial_port=str(link), serial_retry_ms=100))
    notices: list[str] = []
    reader.disconnected.connect(notices.append)
    reader.start()
    qtbot.wait(350)
    assert len(notices) == 1
    assert "cannot open" in notices[0]
    dev = _FakeScannerDevice(link)
    with qtbot.waitSignal(reader.connected, timeout=2000):
        dev.plug()
    reader.stop()
    dev.unplug()


def test_auto_detected_port_is_opened(qtbot: QtBot, device: _FakeScannerDevice) -> None:
    ports = [PortInfo("ttyS0"), PortInfo(str(device.link), "Scanner", vendor_id=0x05E0)]
    reader = SerialScanner(ScannerSettings(serial_auto_detect=True), list_ports=lambda: ports)
    with qtbot.waitSignal(reader.connected, timeout=2000) as blocker:
        reader.start()
    assert blocker.args == [str(device.link)]
    reader.stop()


def test_no_port_configured_and_no_auto_detect_reports_once(qtbot: QtBot) -> None:
    reader = SerialScanner(ScannerSettings(serial_retry_ms=100), list_ports=lambda: [])
    notices: list[str] = []
    reader.disconnected.connect(notices.append)
    reader.start()
    qtbot.wait(250)
    reader.stop()
    assert notices == ["no serial scanner port found"]
