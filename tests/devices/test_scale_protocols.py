"""Scale protocols: continuous ASCII lines, Massa-K Protocol 100 frames and HID POS reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from packstation.devices.config import ScaleProtocol
from packstation.devices.scale_protocols import (
    ContinuousParser,
    HidPosParser,
    HidStatus,
    MassaK100Parser,
    crc16_xmodem,
    hid_report,
    make_parser,
    massa_k_frame,
    massa_k_weight_frame,
    parse_continuous_line,
    parse_hid_report,
)
from packstation.domain.box_weight import ScaleReading, to_kg

D = Decimal


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ST,GS,+  0.410kg", ScaleReading(D("0.410"), stable=True)),
        ("US,GS,+  0.398kg", ScaleReading(D("0.398"), stable=False)),
        ("ST,NT,-0000.12 kg", ScaleReading(D("-0.120"), stable=True)),
        ("OL,GS,+ 99.999kg", ScaleReading(D("99.999"), stable=False, overload=True)),
        ("  +1250 g", ScaleReading(D("1.250"), stable=True)),
        ("?  0,41kg", ScaleReading(D("0.410"), stable=False)),
        ("ST,GS,  2.00 lb", ScaleReading(D("0.907"), stable=True)),
        ("ST,GS,  16.0oz", ScaleReading(D("0.454"), stable=True)),
        ("0.950", ScaleReading(D("0.950"), stable=True)),  # no unit: the default (kg)
    ],
)
def test_continuous_lines(line: str, expected: ScaleReading) -> None:
    assert parse_continuous_line(line) == expected


def test_continuous_lines_that_are_not_weights_are_skipped() -> None:
    for line in ("", "CAS CORP", "ST,GS,", "weight: heavy", "1.2.3 kg"):
        assert parse_continuous_line(line) is None


def test_continuous_parser_frames_on_cr_lf_across_reads_with_the_default_unit() -> None:
    parser = ContinuousParser(default_unit="g")
    assert parser.feed(b"ST,GS,+ 41") == []
    assert parser.feed(b"0\r\nUS,GS,+ 420\r\n\r\nnoise\rST,GS,+ 0.5kg\n") == [
        ScaleReading(D("0.410"), stable=True),
        ScaleReading(D("0.420"), stable=False),
        ScaleReading(D("0.500"), stable=True),
    ]
    assert parser.feed(b"x" * 5000) == []
    assert parser.feed(b"\r\n+100\r\n") == [ScaleReading(D("0.100"), stable=True)]


def test_unit_conversion_to_the_gram() -> None:
    assert to_kg(D("1"), "LB") == D("0.454")
    assert to_kg(D("12.5"), "oz") == D("0.354")
    assert to_kg(D("250000"), "mg") == D("0.250")
    with pytest.raises(ValueError, match="unknown weight unit"):
        to_kg(D(1), "stone")
    with pytest.raises(ValueError, match="unknown weight unit"):
        ContinuousParser(default_unit="pud")


def test_massa_k_crc_is_xmodem() -> None:
    assert crc16_xmodem(b"123456789") == 0x31C3  # the standard CRC-16/XMODEM check value
    assert massa_k_frame(0x23) == bytes.fromhex("f855ce010023") + crc16_xmodem(b"\x23").to_bytes(2, "little")


def test_massa_k_answers_split_corrupt_and_foreign_frames() -> None:
    parser = MassaK100Parser()
    assert parser.request() == massa_k_frame(0x23)
    good = massa_k_weight_frame(410, 1, stable=True)  # 410 × 1 g
    unstable = massa_k_weight_frame(-12, 2, stable=False)  # -12 × 10 g
    corrupt = bytearray(massa_k_weight_frame(999, 1, stable=True))
    corrupt[-1] ^= 0xFF
    foreign = massa_k_frame(0x28, b"\x07")  # CMD_ERROR
    stream = b"\x00\xf8" + good + bytes(corrupt) + foreign + unstable
    readings = parser.feed(stream[:9]) + parser.feed(stream[9:20]) + parser.feed(stream[20:])
    assert readings == [ScaleReading(D("0.410"), stable=True), ScaleReading(D("-0.120"), stable=False)]
    big = massa_k_weight_frame(12345, 0, stable=True)  # 12345 × 0.1 g
    assert parser.feed(big) == [ScaleReading(D("1.235"), stable=True)]


def test_hid_pos_reports() -> None:
    assert parse_hid_report(hid_report(HidStatus.STABLE, 2, 0, 410)) == ScaleReading(D("0.410"), stable=True)
    assert parse_hid_report(hid_report(HidStatus.IN_MOTION, 11, -1, 145)) == ScaleReading(
        D("0.411"), stable=False
    )
    assert parse_hid_report(hid_report(HidStatus.STABLE, 3, -3, 950)) == ScaleReading(D("0.950"), stable=True)
    assert parse_hid_report(hid_report(HidStatus.UNDER_ZERO, 2, 0, 5)) == ScaleReading(
        D("-0.005"), stable=True
    )
    assert parse_hid_report(hid_report(HidStatus.STABLE_ZERO, 2, 0, 0)) == ScaleReading(D(0), stable=True)
    overload = parse_hid_report(hid_report(HidStatus.OVERLOAD, 12, -1, 700))
    assert overload is not None
    assert overload.overload
    assert not overload.stable
    assert parse_hid_report(hid_report(HidStatus.FAULT, 2, 0, 0)) is None
    assert parse_hid_report(hid_report(HidStatus.STABLE, 4, 0, 10)) is None  # carats: not for boxes
    assert parse_hid_report(b"\x01" + bytes(5)) is None  # another report id


def test_hid_parser_resynchronises_on_the_report_id() -> None:
    parser = HidPosParser()
    stream = b"\x00\x00" + hid_report(HidStatus.STABLE, 2, 0, 410) + hid_report(HidStatus.IN_MOTION, 2, 0, 5)
    assert parser.feed(stream[:5]) == []
    assert parser.feed(stream[5:]) == [
        ScaleReading(D("0.410"), stable=True),
        ScaleReading(D("0.005"), stable=False),
    ]


def test_make_parser_by_protocol() -> None:
    assert isinstance(make_parser(ScaleProtocol.CONTINUOUS), ContinuousParser)
    assert isinstance(make_parser(ScaleProtocol.MASSA_K_100), MassaK100Parser)
    assert isinstance(make_parser(ScaleProtocol.HID_POS), HidPosParser)
    with pytest.raises(ValueError, match="no scale protocol"):
        make_parser(ScaleProtocol.OFF)
