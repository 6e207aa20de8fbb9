"""Box weights: expected weight from the catalogue, tolerance, verdicts and the box a weighing is for."""

from __future__ import annotations

from decimal import Decimal

from packstation.catalogue import russian
from packstation.domain.box_weight import (
    Verdict,
    Weighing,
    WeightRule,
    check_boxes,
    content_key,
    expected_weight,
    format_kg,
    weighing_target,
)
from packstation.domain.order import OrderLine
from packstation.domain.packing.errors import Reason
from packstation.domain.packing.model import Packing
from tests.services.fakes import make_order

D = Decimal
RULE = WeightRule(allowance_kg=D("0.05"), tolerance_kg=D("0.10"))


def _packing() -> Packing:
    mug = OrderLine(11, "MUG", "Кружка", 2, weight_kg=D("0.45"))
    kettle = OrderLine(22, "KETTLE", "Чайник", 1, weight_kg=D("3.0"), parts_per_unit=2)
    spoon = OrderLine(33, "SPOON", "Ложка", 1)  # no catalogue weight
    return Packing(make_order(1, mug, kettle, spoon))


def _weigh(packing: Packing, index: int, kg: str) -> Weighing:
    return Weighing(index, D(kg), content_key(packing.boxes[index]))


def test_expected_weight_is_catalogue_content_plus_allowance_with_parts_sharing_the_item() -> None:
    p = _packing().put(11, None, 2).close_box().split(22)
    assert expected_weight(p, 0, RULE).kg == D("0.950")
    assert expected_weight(p, 0, RULE).tolerance == D("0.10")
    assert expected_weight(p, 1, RULE).kg == D("1.550")  # half a 3 kg kettle + allowance
    with_spoon = p.put(33, 0)
    unknown = expected_weight(with_spoon, 0, RULE)
    assert unknown.kg is None
    assert unknown.unknown_offers == ("SPOON",)


def test_percent_tolerance_wins_when_larger() -> None:
    rule = WeightRule(tolerance_kg=D("0.10"), tolerance_pct=D(5))
    assert rule.tolerance(D("1.0")) == D("0.10")
    assert rule.tolerance(D("4.0")) == D("0.200")


def test_a_light_box_is_refused_with_its_number_and_weights() -> None:
    p = _packing().put(11, None, 1).close_box().put(11, None, 1)
    checks = check_boxes(
        p, {0: _weigh(p, 0, "0.96"), 1: _weigh(p, 1, "0.41")}, WeightRule(allowance_kg=D("0.5"))
    )
    assert [c.verdict for c in checks] == [Verdict.OK, Verdict.TOO_LIGHT]
    refusal = checks[1].refusal()
    assert refusal is not None
    assert refusal.reason is Reason.BOX_WEIGHT
    assert refusal.en == "Box 2 weighs 0.41 kg, expected 0.95 ± 0.10: check its content."
    assert russian(refusal.text) == "Коробка 2 весит 0,41 кг, ожидалось 0,95 ± 0,10: проверьте её содержимое."
    assert checks[0].refusal() is None


def test_heavy_unweighed_stale_and_unknown_boxes() -> None:
    p = _packing().put(11, None, 1)
    assert check_boxes(p, {0: _weigh(p, 0, "0.70")}, RULE)[0].verdict is Verdict.TOO_HEAVY
    assert check_boxes(p, {0: _weigh(p, 0, "0.60")}, RULE)[0].verdict is Verdict.OK
    assert check_boxes(p, {}, RULE)[0].verdict is Verdict.NOT_WEIGHED
    weighed = {0: _weigh(p, 0, "0.50")}
    more = p.put(11, 0)  # an item added after weighing: the weighing is stale
    stale = check_boxes(more, weighed, RULE)[0]
    assert stale.verdict is Verdict.NOT_WEIGHED
    refusal = stale.refusal()
    assert refusal is not None
    assert refusal.reason is Reason.BOX_NOT_WEIGHED
    spoon = p.put(33, 0)
    check = check_boxes(spoon, {0: _weigh(spoon, 0, "0.9")}, RULE)[0]
    assert check.verdict is Verdict.NO_CATALOGUE_WEIGHT
    assert check.passes


def test_weighing_target_follows_the_packer() -> None:
    p = _packing()
    assert weighing_target(p, {}) is None
    p = p.put(11, None, 1)
    assert weighing_target(p, {}) == 0  # the box being packed may sit on the scale
    p = p.close_box().put(11, None, 1)
    assert weighing_target(p, {}) == 0  # the closed box not weighed yet comes first
    weighed = {0: _weigh(p, 0, "0.5")}
    assert weighing_target(p, weighed) == 1
    assert weighing_target(p, weighed, refused=0) == 0  # the refused box is weighed again
    p = p.close_box()
    both = {**weighed, 1: _weigh(p, 1, "0.5")}
    assert weighing_target(p, both) == 1  # all weighed: the last box again


def test_format_kg() -> None:
    assert format_kg(D("0.4"), "ru") == "0,40"
    assert format_kg(D("0.045"), "en") == "0.045"
    assert format_kg(D(12), "en") == "12.00"
