"""`packstation demo-sheet`: every demo order's codes and the command barcodes, scannable back."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp

from packstation.cli import main
from packstation.demo_sheet import sheet_orders
from packstation.domain.commands import COMMANDS
from packstation.sandbox.codes import GS
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.state import Sandbox
from tests.sandbox.pdf_tools import page_count, pdf_text, render_page

SHOES_ORDER = 51_000_004  # one pair of running shoes (Chestny Znak) in the demo store
EXPRESS_ORDER = 51_000_020


def _decoded(pdf: bytes, page: int) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(render_page(pdf, page, dpi=300)))


def test_the_sheet_scans_back_to_items_marking_codes_couriers_and_commands(tmp_path: Path) -> None:
    out = tmp_path / "demo.pdf"
    assert main(["demo-sheet", "--out", str(out), "--data-dir", str(tmp_path / "station")]) == 0
    pdf = out.read_bytes()
    orders = {order.order_id: order for order in sheet_orders(Sandbox(SandboxConfig(seed=1)))}
    assert page_count(pdf) >= 5

    commands = {b.text for b in _decoded(pdf, 1) if b.format == zxingcpp.BarcodeFormat.Code128}
    assert commands == {info.payload for info in COMMANDS}

    page = _decoded(pdf, 2)  # the first orders: mug, book, pencils ..., the running shoes
    eans = {b.text for b in page if b.format == zxingcpp.BarcodeFormat.EAN13}
    shoes = orders[SHOES_ORDER].lines[0]
    assert shoes.ean13 in eans
    assert orders[51_000_001].lines[0].ean13 in eans
    matrices = [b for b in page if b.format == zxingcpp.BarcodeFormat.DataMatrix]
    assert [m.symbology_identifier for m in matrices] == ["]d2"]  # GS1 DataMatrix: FNC1 first
    scanned = matrices[0].bytes.decode("ascii")
    assert scanned == shoes.codes[0]
    assert scanned.count(GS) == 2  # ...21<serial> GS 91<key> GS 92<signature>: intact
    numbers = {b.text for b in page if b.format == zxingcpp.BarcodeFormat.Code128}
    assert str(SHOES_ORDER) in numbers

    text = pdf_text(pdf)
    express = orders[EXPRESS_ORDER]
    assert express.courier_code
    assert f"код курьера / courier code {express.courier_code}" in text


def test_every_marked_unit_gets_its_own_code_and_no_two_orders_share_one() -> None:
    orders = sheet_orders(Sandbox(SandboxConfig(seed=1)))
    printed = [code for order in orders for line in order.lines for code in line.codes]
    assert len(printed) == len(set(printed))
    shoes = next(order for order in orders if order.order_id == SHOES_ORDER).lines[0]
    assert shoes.kind == "cis"
    assert len(shoes.codes) == shoes.count == 1
    assert all(line.codes == () for order in orders for line in order.lines if line.kind == "")
    assert {order.program for order in orders} == {"FBS", "EXPRESS"}


def test_an_unwritable_path_is_reported_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "demo.pdf"
    assert main(["demo-sheet", "--out", str(out), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Не удалось записать" in err
    assert "Cannot write" in err
