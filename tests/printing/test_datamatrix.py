"""Marking codes printed as DataMatrix (`printing.datamatrix`, used by the demo and training sheets):
the element string scans back byte for byte, (240) included: variable-length, so the printed symbol
must carry a separator after it, and its three digits must not be read as AI (24)."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp

from packstation.printing.datamatrix import GS, gs1_brackets
from packstation.printing.demo_sheet import SheetLine, SheetOrder, render_demo_sheet
from tests.sandbox.pdf_tools import render_page

GTIN = "04601234567893"
SERIAL = "ABCDEFGHIJKLM"  # 13 characters: (240) follows only such serials (pharma, short-crypto groups)
SHORT = f"01{GTIN}21{SERIAL}{GS}240A1-77{GS}93Zj+w"
LONG = f"01{GTIN}21{SERIAL}{GS}240XR/9{GS}91EE06{GS}92{'Qk' * 21}Q=="[:-1]


@pytest.mark.parametrize(
    ("code", "brackets"),
    [
        (SHORT, f"[01]{GTIN}[21]{SERIAL}[240]A1-77[93]Zj+w"),
        (LONG, f"[01]{GTIN}[21]{SERIAL}[240]XR/9[91]EE06[92]{'Qk' * 21}Q="),
        (f"{GS}01{GTIN}215Tr!QaB{GS}93Zjqw", f"[01]{GTIN}[21]5Tr!QaB[93]Zjqw"),
    ],
)
def test_every_ai_starts_where_the_parser_says(code: str, brackets: str) -> None:
    assert gs1_brackets(code) == brackets


def test_a_string_that_is_no_element_string_is_refused() -> None:
    with pytest.raises(ValueError, match="not a GS1 element string"):
        gs1_brackets("1234567890123456")


def test_the_demo_sheet_prints_a_240_code_that_scans_back_exactly(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    line = SheetLine("Лекарство", "4601234567893", 2, codes=(SHORT, LONG), kind="cis")
    render_demo_sheet(out, [SheetOrder(51_000_777, "FBS", (line,))])
    scanned = [
        barcode
        for barcode in zxingcpp.read_barcodes(render_page(out.read_bytes(), 2, dpi=300))
        if barcode.format == zxingcpp.BarcodeFormat.DataMatrix
    ]
    assert all(barcode.symbology_identifier == "]d2" for barcode in scanned)  # GS1: FNC1 first
    texts = sorted(barcode.bytes.decode("ascii") for barcode in scanned)
    assert texts == sorted([SHORT, LONG])
    # The element string the scanner hands over: GS right after the (240) value.
    assert all(f"{GS}240" in text and f"{GS}9" in text.split("240", 1)[1] for text in texts)
