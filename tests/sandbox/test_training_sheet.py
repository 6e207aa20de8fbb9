"""The printable training sheet: demo CIS codes as scannable GS1 DataMatrix, byte for byte."""

from __future__ import annotations

import httpx
import zxingcpp

from packstation.printing.datamatrix import gs1_brackets as cis_to_gs1_brackets
from packstation.sandbox.codes import GS
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.pdf_tools import page_count, pdf_text, render_page


def test_bracket_notation_splits_every_ai() -> None:
    code = f"0104601234567893215Tr!QaB9c%kx{GS}91EE06{GS}92abc="
    assert cis_to_gs1_brackets(code) == "[01]04601234567893[21]5Tr!QaB9c%kx[91]EE06[92]abc="
    assert cis_to_gs1_brackets(f"{GS}0104601234567893215Tr!QaB{GS}93Zjqw") == (
        "[01]04601234567893[21]5Tr!QaB[93]Zjqw"
    )


def test_sheet_codes_scan_back_exactly(sandbox_server: SandboxServer) -> None:
    response = httpx.get(f"{sandbox_server.url}/_sandbox/training-sheet.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = response.content
    assert page_count(pdf) >= 5
    stock = sandbox_server.sandbox.code_stock
    first_offer = next(iter(stock))
    results = zxingcpp.read_barcodes(render_page(pdf, 1))
    matrices = [r for r in results if r.format == zxingcpp.BarcodeFormat.DataMatrix]
    assert len(matrices) >= 20
    assert all(r.symbology_identifier == "]d2" for r in matrices)  # GS1 DataMatrix: FNC1 first
    assert {r.bytes.decode("ascii") for r in matrices} <= {c for codes in stock.values() for c in codes}
    assert {r.bytes.decode("ascii") for r in matrices} & set(stock[first_offer])
    text = pdf_text(pdf)
    assert "брак/fails" in text
    assert sandbox_server.sandbox.catalogue[first_offer].name in text
