"""Demo data: reproducible by seed, Russian, covering every case a desk meets, with a valid stock
of codes for every marked product, and large seeded sets for benchmarks."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from packstation.domain.cis import check_cis
from packstation.sandbox import codes
from packstation.sandbox.app import SandboxConfig
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.demo_data import DEMO_CAMPAIGN_ID, DEMO_DBS_CAMPAIGN_ID
from packstation.sandbox.model import CIS, GTD, RNPT, UIN
from packstation.sandbox.serialize import business_order
from packstation.sandbox.state import Sandbox

START = datetime(2026, 3, 2, 10, 0)


def _sandbox(seed: int, **options: object) -> Sandbox:
    return Sandbox(SandboxConfig(seed=seed, clock=SandboxClock(start=START), **options))  # type: ignore[arg-type]


def test_same_seed_same_orders_and_codes() -> None:
    first, second = _sandbox(7), _sandbox(7)
    assert [business_order(o) for o in first.all_orders()] == [business_order(o) for o in second.all_orders()]
    assert first.code_stock == second.code_stock
    third = _sandbox(8)
    assert [business_order(o) for o in third.all_orders()] != [business_order(o) for o in first.all_orders()]
    assert third.code_stock != first.code_stock


def test_order_set_covers_the_desk_cases() -> None:
    sandbox = _sandbox(1)
    orders = sandbox.all_orders()
    assert len(orders) >= 30
    programs = Counter(o.program for o in orders)
    assert programs["FBS"] >= 20
    assert programs["EXPRESS"] >= 4
    assert programs["DBS"] >= 3
    assert {o.campaign_id for o in orders} == {DEMO_CAMPAIGN_ID, DEMO_DBS_CAMPAIGN_ID}
    lines = [line for o in orders for line in o.lines]
    assert any(len(o.lines) == 1 and o.lines[0].count == 1 for o in orders)
    assert any(len(o.lines) >= 3 for o in orders)
    assert any(o.buyer_type == "BUSINESS" for o in orders)
    required = {kind for line in lines for kind in line.product.required}
    assert {CIS, UIN, GTD, RNPT} <= required
    assert {line.product.box_count for line in lines} >= {1, 2, 3}
    assert {line.product.category for line in lines if CIS in line.product.required} >= {
        "shoes",
        "clothes",
        "perfume",
        "dairy",
    }
    assert any(line.promo for line in lines)
    assert all(any("а" <= ch <= "я" for ch in line.product.name.lower()) for line in lines)


def test_barcodes_are_valid_ean13() -> None:
    for product in _sandbox(3).catalogue.values():
        assert len(product.ean13) == 13
        assert codes.is_valid_gtin(product.ean13)


def test_code_stock_has_valid_structure() -> None:
    sandbox = _sandbox(5)
    for offer_id, product in sandbox.catalogue.items():
        stock = sandbox.codes_for(offer_id)
        if product.cis_shape is not None:
            assert len(stock) >= 20
            assert len(set(stock)) == len(stock)
            for code in stock:
                assert codes.cis_format_problem(code) is None
                assert codes.cis_structure_substatus(code) is None
                assert code[2:16] == product.gtin14
                assert len(codes.cis_serial(code)) == product.cis_shape.serial_len
                head, _, tail = code.partition(codes.GS)
                assert len(head) == 18 + product.cis_shape.serial_len  # 01 + 14 + 21 + serial, then GS
                assert tail.startswith("93" if product.cis_shape.short_tail else "91")
            assert sum(codes.cis_serial(c).startswith("BAD") for c in stock) == 2
        elif UIN in product.required:
            assert all(codes.UIN_RE.match(code) for code in stock)
        elif GTD in product.required:
            assert all(codes.GTD_RE.match(code) for code in stock)
        elif RNPT in product.required:
            assert all(codes.RNPT_RE.match(code) for code in stock)
        else:
            assert stock == []


def test_every_demo_marking_code_passes_the_stations_own_check() -> None:
    # The station refuses malformed codes; the demo stock must never hand one out.
    for seed in (0, 1, 5, 42, 2026):
        sandbox = _sandbox(seed)
        for offer_id, product in sandbox.catalogue.items():
            if product.cis_shape is None:
                continue
            for code in sandbox.codes_for(offer_id):
                check = check_cis(code, known_gtins=(product.gtin14,))
                assert check.valid, (code, check.problems)
                assert check.value == code


def test_large_order_set_for_benchmarks() -> None:
    sandbox = _sandbox(1, order_count=5000)
    orders = sandbox.all_orders()
    assert len(orders) == 5000
    assert len({o.id for o in orders}) == 5000
    assert len({line.id for o in orders for line in o.lines}) == sum(len(o.lines) for o in orders)
