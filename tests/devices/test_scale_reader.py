"""Scale drivers over a pseudo-terminal: stable vs unstable readings, units, request/response
polling, a scale unplugged mid-weighing and reconnecting, and HID POS reports."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from packstation.devices.config import ScaleProtocol, ScaleSettings
from packstation.devices.scale_protocols import HidStatus, hid_report, massa_k_weight_frame
from packstation.devices.scale_reader import HidScale, SerialScale, find_hid_scale, make_scale
from packstation.domain.box_weight import ScaleReading
from tests.devices.scale_sim import PtyScale

D = Decimal


@pytest.fixture
def scale(tmp_path: Path) -> Iterator[PtyScale]:
    device = PtyScale(tmp_path / "scale")
    device.plug()
    yield device
    if device.plugged:
        device.unplug()


def _settings(scale: PtyScale, protocol: ScaleProtocol, **extra: object) -> ScaleSettings:
    return ScaleSettings.model_validate(
        {"protocol": protocol, "port": str(scale.link), "retry_ms": 100, **extra}
    )


def test_continuous_scale_stable_unstable_units_and_unplug_mid_weighing(
    qtbot: QtBot, scale: PtyScale
) -> None:
    reader = SerialScale(_settings(scale, ScaleProtocol.CONTINUOUS, default_unit="g"))
    seen: list[ScaleReading] = []
    reader.reading.connect(seen.append)
    with qtbot.waitSignal(reader.connected, timeout=2000):
        reader.start()
    scale.send(b"US,GS,+  0.212kg\r\nUS,GS,+  395\r\nST,GS,+  0.410kg\r\n")
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    assert seen == [
        ScaleReading(D("0.212"), stable=False),
        ScaleReading(D("0.395"), stable=False),  # no unit: grams, as configured
        ScaleReading(D("0.410"), stable=True),
    ]

    scale.send(b"US,GS,+  0.6")  # the box is being lifted when the cable comes out
    with qtbot.waitSignal(reader.disconnected, timeout=3000):
        scale.unplug()
    assert not reader.is_open
    assert len(seen) == 3  # half a line is no reading

    with qtbot.waitSignal(reader.connected, timeout=3000):
        scale.plug()
    scale.send(b"ST,GS,+  0.950kg\r\n")
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=2000)
    assert seen[-1] == ScaleReading(D("0.950"), stable=True)
    reader.stop()
    assert not reader.is_open


def test_massa_k_scale_is_polled_and_a_silent_scale_counts_as_lost(qtbot: QtBot, scale: PtyScale) -> None:
    reader = SerialScale(_settings(scale, ScaleProtocol.MASSA_K_100, poll_ms=50))
    seen: list[ScaleReading] = []
    lost: list[str] = []
    reader.reading.connect(seen.append)
    reader.disconnected.connect(lost.append)
    scale.answer = massa_k_weight_frame(950, 1, stable=True)
    with qtbot.waitSignal(reader.connected, timeout=2000):
        reader.start()
    qtbot.waitUntil(lambda: scale.serve() > 0 and len(seen) >= 1, timeout=3000)
    assert seen[0] == ScaleReading(D("0.950"), stable=True)

    scale.answer = None  # switched off behind its USB adapter: the port stays, answers stop
    qtbot.waitUntil(lambda: (scale.serve() or True) and bool(lost), timeout=5000)
    assert "does not answer" in lost[0]
    reader.stop()


def test_missing_scale_port_reports_once_and_opens_when_plugged(qtbot: QtBot, tmp_path: Path) -> None:
    absent = PtyScale(tmp_path / "later")
    reader = SerialScale(
        ScaleSettings(protocol=ScaleProtocol.CONTINUOUS, port=str(absent.link), retry_ms=100)
    )
    notices: list[str] = []
    reader.disconnected.connect(notices.append)
    reader.start()
    qtbot.wait(350)
    assert len(notices) == 1
    assert "cannot open" in notices[0]
    with qtbot.waitSignal(reader.connected, timeout=2000):
        absent.plug()
    reader.stop()
    absent.unplug()


def test_hid_scale_reads_reports_and_reconnects(qtbot: QtBot, scale: PtyScale) -> None:
    reader = HidScale(_settings(scale, ScaleProtocol.HID_POS))
    seen: list[ScaleReading] = []
    reader.reading.connect(seen.append)
    with qtbot.waitSignal(reader.connected, timeout=2000):
        reader.start()
    scale.send(hid_report(HidStatus.IN_MOTION, 2, 0, 380) + hid_report(HidStatus.STABLE, 11, -1, 145))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == [ScaleReading(D("0.380"), stable=False), ScaleReading(D("0.411"), stable=True)]
    with qtbot.waitSignal(reader.disconnected, timeout=3000):
        scale.unplug()
    assert not reader.is_open
    with qtbot.waitSignal(reader.connected, timeout=3000):
        scale.plug()
    scale.send(hid_report(HidStatus.STABLE, 3, -3, 950))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    reader.stop()


def test_hid_scale_is_found_by_its_report_descriptor(tmp_path: Path) -> None:
    keyboard = tmp_path / "hidraw0" / "device"
    keyboard.mkdir(parents=True)
    (keyboard / "report_descriptor").write_bytes(bytes([0x05, 0x01, 0x09, 0x06]))
    assert find_hid_scale(tmp_path) is None
    scale = tmp_path / "hidraw1" / "device"
    scale.mkdir(parents=True)
    (scale / "report_descriptor").write_bytes(bytes([0x05, 0x8D, 0x09, 0x02]))
    assert find_hid_scale(tmp_path) == "/dev/hidraw1"
    assert find_hid_scale(tmp_path / "absent") is None


def test_make_scale_by_protocol(qtbot: QtBot) -> None:
    assert make_scale(ScaleSettings()) is None
    assert isinstance(make_scale(ScaleSettings(protocol=ScaleProtocol.HID_POS)), HidScale)
    assert isinstance(make_scale(ScaleSettings(protocol=ScaleProtocol.MASSA_K_100)), SerialScale)
