"""Scale protocols: bytes from a desk scale in, `ScaleReading`s (kilograms, stable or not) out.

Qt-free framing and parsing for the protocols of the scales Russian warehouses buy; the drivers in
`scale_reader` move the bytes.

Continuous ASCII (`continuous`) — CAS (ER/DB/PB/SW), A&D, Mercury (Меркурий) M-ER with "continuous
output", Штрих-М and most Chinese platform scales in "stream"/"continuous" mode. The scale sends a
line several times a second, terminated by CR LF (CR or LF alone is accepted)::

    ST,GS,+  0.410kg       header 1: ST stable, US unstable (in motion), OL overload
    US,NT,-0000.12 kg      header 2 (optional): GS gross, NT net, TR tare
    +0.410 kg              no header (scales set to "send when stable"): taken as stable
    ?  0.41kg              a leading "?" marks an unstable weight (some Chinese firmwares)

The weight may carry a sign, spaces between sign and digits, a decimal point or comma, and a unit
(kg, g, lb, oz, t; missing: the configured default unit). Anything else on the line is ignored.

Massa-K "Protocol 100" (`massa_k_100`) — request/response, binary, for Massa-K (Масса-К) platform
and counter scales (MK-A, TB-A, ВПМ, 4D). Every frame is::

    F8 55 CE | LEN (2 bytes, little-endian: bytes of CMD + DATA) | CMD | DATA | CRC16 (2 bytes LE)

with CRC-16/XMODEM (polynomial 0x1021, initial value 0) over CMD + DATA. The station sends
CMD_GET_MASSA (0x23, no data) every `poll_ms`; the scale answers CMD_ACK_MASSA (0x24) with
DATA = weight (int32 LE, signed) | division (0: 0.1 g, 1: 1 g, 2: 10 g, 3: 100 g, 4: 1 kg) |
stable (1: yes) | net (1: tare set) | zero (1: at zero); CMD_ERROR (0x28) is ignored.

USB HID POS scale (`hid_pos`) — postal and shipping scales (Dymo M/S series, Stamps.com, Mettler
Toledo PS, Fairbanks Ultegra, many unbranded): the 6-byte input report of the USB HID "Scale"
usage page (0x8D)::

    report id (3) | status | unit | exponent (int8) | weight (uint16 LE)

status: 1 fault, 2 stable at zero, 3 in motion, 4 stable, 5 under zero, 6 overload, 7 needs
calibration, 8 needs re-zeroing; unit: 1 mg, 2 g, 3 kg, 11 oz, 12 lb (others are refused);
weight = value × 10^exponent in that unit. On Linux the report is read from /dev/hidrawN.
"""

from __future__ import annotations

import binascii
import re
import struct
from decimal import Decimal
from typing import Protocol

from packstation.devices.config import ScaleProtocol
from packstation.domain.box_weight import ScaleReading, to_kg

_MAX_BUFFER = 4096


class ScaleParser(Protocol):
    """Bytes in, readings out; `request()` is what to send to ask for a weight (None: nothing)."""

    def feed(self, data: bytes) -> list[ScaleReading]: ...

    def request(self) -> bytes | None: ...


# ------------------------------------------------------------------------ continuous ASCII

_LINE = re.compile(
    r"^\s*(?P<unstable>\?)?\s*"
    r"(?:(?P<state>ST|US|OL)\s*,\s*(?:(?:GS|NT|TR|G|N|T)\s*,\s*)?)?"
    r"(?P<sign>[+-]?)\s*(?P<number>\d+(?:[.,]\d*)?|[.,]\d+)\s*(?P<unit>kg|g|lb|oz|t)?\s*$",
    re.IGNORECASE,
)


def parse_continuous_line(line: str, default_unit: str = "kg") -> ScaleReading | None:
    """One line of a continuous-output scale (None: not a weight line)."""
    match = _LINE.match(line)
    if match is None:
        return None
    state = (match["state"] or "ST").upper()
    number = Decimal(match["number"].replace(",", "."))
    if match["sign"] == "-":
        number = -number
    kg = to_kg(number, match["unit"] or default_unit)
    stable = state == "ST" and not match["unstable"]
    return ScaleReading(kg, stable=stable, overload=state == "OL")


class ContinuousParser:
    """CR/LF-terminated ASCII weight lines (see the module docstring)."""

    def __init__(self, default_unit: str = "kg") -> None:
        to_kg(Decimal(0), default_unit)  # refuse an unknown unit now, not at the first line
        self._unit = default_unit
        self._buffer = b""

    def feed(self, data: bytes) -> list[ScaleReading]:
        self._buffer += data
        readings = []
        *lines, self._buffer = re.split(rb"[\r\n]", self._buffer)
        for raw in lines:
            reading = parse_continuous_line(raw.decode("latin-1"), self._unit)
            if reading is not None:
                readings.append(reading)
        if len(self._buffer) > _MAX_BUFFER:  # a line that never ends is noise
            self._buffer = b""
        return readings

    def request(self) -> bytes | None:
        return None


# ------------------------------------------------------------------ Massa-K Protocol 100

MASSA_K_HEADER = b"\xf8\x55\xce"
CMD_GET_MASSA = 0x23
CMD_ACK_MASSA = 0x24
# Division code -> kilograms per count.
_MASSA_K_DIVISION = {
    0: Decimal("0.0001"),
    1: Decimal("0.001"),
    2: Decimal("0.01"),
    3: Decimal("0.1"),
    4: Decimal(1),
}


def crc16_xmodem(data: bytes) -> int:
    """CRC-16/XMODEM (poly 0x1021, init 0, no reflection), as Protocol 100 frames carry it."""
    return binascii.crc_hqx(data, 0)


def massa_k_frame(command: int, data: bytes = b"") -> bytes:
    """A Protocol 100 frame: header, length, command, data, CRC."""
    body = bytes([command]) + data
    return MASSA_K_HEADER + struct.pack("<H", len(body)) + body + struct.pack("<H", crc16_xmodem(body))


def massa_k_weight_frame(
    weight: int, division: int, *, stable: bool, net: bool = False, zero: bool = False
) -> bytes:
    """The scale's CMD_ACK_MASSA answer (the tests' scale sends it; documents the layout)."""
    data = struct.pack("<iBBBB", weight, division, int(stable), int(net), int(zero))
    return massa_k_frame(CMD_ACK_MASSA, data)


class MassaK100Parser:
    """Massa-K Protocol 100 answers (see the module docstring); corrupt frames are skipped."""

    def __init__(self) -> None:
        self._buffer = b""

    def request(self) -> bytes | None:
        return massa_k_frame(CMD_GET_MASSA)

    def feed(self, data: bytes) -> list[ScaleReading]:
        self._buffer += data
        readings = []
        while True:
            start = self._buffer.find(MASSA_K_HEADER)
            if start < 0:
                self._buffer = self._buffer[-2:]  # a header may be split across reads
                break
            self._buffer = self._buffer[start:]
            if len(self._buffer) < 5:
                break
            (length,) = struct.unpack_from("<H", self._buffer, 3)
            end = 5 + length + 2
            if length == 0 or length > 256:
                self._buffer = self._buffer[1:]  # not a real frame start
                continue
            if len(self._buffer) < end:
                break
            body = self._buffer[5 : 5 + length]
            (crc,) = struct.unpack_from("<H", self._buffer, 5 + length)
            if crc != crc16_xmodem(body):
                self._buffer = self._buffer[1:]
                continue
            self._buffer = self._buffer[end:]
            reading = self._reading(body)
            if reading is not None:
                readings.append(reading)
        return readings

    @staticmethod
    def _reading(body: bytes) -> ScaleReading | None:
        if body[0] != CMD_ACK_MASSA or len(body) < 7:
            return None
        weight, division, stable = struct.unpack_from("<iBB", body, 1)
        step = _MASSA_K_DIVISION.get(division)
        if step is None:
            return None
        return ScaleReading(to_kg(weight * step, "kg"), stable=bool(stable))


# ------------------------------------------------------------------------ USB HID POS scale

HID_REPORT_SIZE = 6
HID_SCALE_REPORT_ID = 3
_HID_UNITS = {1: "mg", 2: "g", 3: "kg", 11: "oz", 12: "lb"}


class HidStatus:
    FAULT = 1
    STABLE_ZERO = 2
    IN_MOTION = 3
    STABLE = 4
    UNDER_ZERO = 5
    OVERLOAD = 6


def parse_hid_report(report: bytes) -> ScaleReading | None:
    """One 6-byte HID POS scale report (None: another report, a fault or an unknown unit)."""
    if len(report) != HID_REPORT_SIZE or report[0] != HID_SCALE_REPORT_ID:
        return None
    status, unit_code, exponent, raw = struct.unpack("<BBbH", report[1:])
    unit = _HID_UNITS.get(unit_code)
    if status == HidStatus.FAULT or status > HidStatus.OVERLOAD:
        return None
    if status == HidStatus.STABLE_ZERO:
        return ScaleReading(Decimal(0), stable=True)
    if unit is None:
        return None
    value = Decimal(raw).scaleb(exponent)
    if status == HidStatus.UNDER_ZERO:
        value = -value
    return ScaleReading(
        to_kg(value, unit),
        stable=status in (HidStatus.STABLE, HidStatus.UNDER_ZERO),
        overload=status == HidStatus.OVERLOAD,
    )


def hid_report(status: int, unit_code: int, exponent: int, raw: int) -> bytes:
    """A HID POS scale report (the tests' scale sends it; documents the layout)."""
    return struct.pack("<BBBbH", HID_SCALE_REPORT_ID, status, unit_code, exponent, raw)


class HidPosParser:
    """6-byte HID POS scale reports from a byte stream (hidraw delivers one report per read)."""

    def __init__(self) -> None:
        self._buffer = b""

    def request(self) -> bytes | None:
        return None

    def feed(self, data: bytes) -> list[ScaleReading]:
        self._buffer += data
        readings = []
        while len(self._buffer) >= HID_REPORT_SIZE:
            if self._buffer[0] != HID_SCALE_REPORT_ID:
                self._buffer = self._buffer[1:]  # resynchronise on the report id
                continue
            report, self._buffer = self._buffer[:HID_REPORT_SIZE], self._buffer[HID_REPORT_SIZE:]
            reading = parse_hid_report(report)
            if reading is not None:
                readings.append(reading)
        return readings


def make_parser(protocol: ScaleProtocol, default_unit: str = "kg") -> ScaleParser:
    """The parser of `protocol`.

    Raises:
        ValueError: OFF, or an unknown default unit.
    """
    if protocol is ScaleProtocol.CONTINUOUS:
        return ContinuousParser(default_unit)
    if protocol is ScaleProtocol.MASSA_K_100:
        return MassaK100Parser()
    if protocol is ScaleProtocol.HID_POS:
        return HidPosParser()
    raise ValueError("no scale protocol configured")
