"""Which codes a line takes and needs, and when printed labels become stale."""

from __future__ import annotations

import pytest

from packstation.domain.instances import Instance, InstanceKind
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan, StoredBox
from packstation.domain.order import BuyerType, OrderLine, Program, RequiredCode
from packstation.domain.packing.codes import accepted_kinds, mandatory_kinds, verified_kinds
from packstation.domain.packing.labels import PrintedLabels
from tests.services.fakes import make_order

R = RequiredCode
K = InstanceKind


@pytest.mark.parametrize(
    ("required", "buyer", "accepted", "mandatory"),
    [
        ({R.CIS}, BuyerType.PERSON, {K.CIS}, {K.CIS}),
        ({R.CIS}, BuyerType.BUSINESS, {K.CIS}, {K.CIS}),
        ({R.CIS_OPTIONAL}, BuyerType.PERSON, {K.CIS}, set()),
        ({R.CIS_OPTIONAL}, BuyerType.UNKNOWN, {K.CIS}, set()),
        ({R.CIS_OPTIONAL}, BuyerType.BUSINESS, {K.CIS}, {K.CIS}),
        ({R.UIN}, BuyerType.PERSON, {K.UIN}, {K.UIN}),
        ({R.RNPT, R.GTD}, BuyerType.PERSON, {K.RNPT, K.GTD}, {K.RNPT, K.GTD}),
        (set(), BuyerType.BUSINESS, set(), set()),
    ],
)
def test_accepted_and_mandatory_kinds(
    required: set[RequiredCode], buyer: BuyerType, accepted: set[InstanceKind], mandatory: set[InstanceKind]
) -> None:
    line = OrderLine(1, "A", "A", 1, required=frozenset(required))
    order = make_order(1, line, buyer=buyer)
    assert accepted_kinds(line) == accepted
    assert mandatory_kinds(order, line) == mandatory


def test_the_market_verifies_cis_and_uin_except_for_dbs() -> None:
    line = OrderLine(1, "A", "A", 1, required=frozenset({R.CIS, R.UIN, R.GTD}))
    assert verified_kinds(make_order(1, line, program=Program.EXPRESS), line) == {K.CIS, K.UIN}
    assert verified_kinds(make_order(1, line, program=Program.DBS), line) == set()


def test_labels_are_stale_when_boxes_or_contents_change() -> None:
    one = BoxPlan((BoxEntry(1, full_count=2),))
    printed = PrintedLabels(LayoutPlan((one,)), (StoredBox(501, one),))
    assert printed.box_ids == (501,)
    assert not printed.is_stale(LayoutPlan((one,)))
    assert not printed.is_stale(LayoutPlan((one,), allow_remove=True))
    half = BoxPlan((BoxEntry(1, full_count=1),))
    assert printed.is_stale(LayoutPlan((half, half)))
    coded = BoxPlan((BoxEntry(1, full_count=2, instances=(Instance(InstanceKind.UIN, "1" * 16),) * 2),))
    assert not printed.is_stale(LayoutPlan((coded,)))
