"""Box weighing at the desk: which readings become weighings, the submit check, and overrides."""

from __future__ import annotations

from decimal import Decimal

from packstation.domain.box_weight import ScaleReading, WeightRule
from packstation.domain.order import OrderLine
from packstation.domain.packing.errors import PackingError, Reason
from packstation.domain.packing.model import Packing
from packstation.services.box_weighing import AUDIT_OVERRIDE, AUDIT_REFUSED, AUDIT_WEIGHED, BoxWeighing
from tests.services.fakes import make_order

D = Decimal


class _Audit:
    def __init__(self) -> None:
        self.lines: list[tuple[str, int | None, str]] = []

    def record(self, action: str, *, order_id: int | None = None, detail: str = "") -> None:
        self.lines.append((action, order_id, detail))


class _Desk:
    def __init__(self) -> None:
        mug = OrderLine(11, "MUG", "Кружка", 2, weight_kg=D("0.35"))
        self.packing = Packing(make_order(5, mug)).put(11, None, 2)


def _weighing(desk: _Desk, audit: _Audit, **extra: bool) -> BoxWeighing:
    return BoxWeighing(5, lambda: desk.packing, WeightRule(), audit=audit, **extra)


def _reason(error: object) -> Reason:
    assert isinstance(error, PackingError)
    return error.reason


def test_only_stable_readings_above_the_empty_scale_threshold_weigh_a_box() -> None:
    desk, audit = _Desk(), _Audit()
    weighing = _weighing(desk, audit)
    seen: list[int] = []
    weighing.subscribe(lambda: seen.append(1))
    assert weighing.on_reading(ScaleReading(D("0.74"), stable=False)) is None
    assert weighing.on_reading(ScaleReading(D("0.01"), stable=True)) is None  # an empty scale
    assert weighing.on_reading(ScaleReading(D("9.99"), stable=True, overload=True)) is None
    recorded = weighing.on_reading(ScaleReading(D("0.74"), stable=True))
    assert recorded is not None
    assert recorded.index == 0
    assert weighing.on_reading(ScaleReading(D("0.74"), stable=True)) is None  # the same weighing again
    assert [a for a, _o, _d in audit.lines] == [AUDIT_WEIGHED]
    assert len(seen) == 4  # every new reading redraws; a repeated one does not
    assert weighing.before_submit(desk.packing) is None


def test_a_changed_box_must_be_weighed_again_and_an_override_lasts_until_then() -> None:
    desk, audit = _Desk(), _Audit()
    weighing = _weighing(desk, audit)
    assert _reason(weighing.before_submit(desk.packing)) is Reason.BOX_NOT_WEIGHED
    weighing.on_reading(ScaleReading(D("0.40"), stable=True))
    assert _reason(weighing.before_submit(desk.packing)) is Reason.BOX_WEIGHT
    assert weighing.refused_box == 0
    assert weighing.override()
    assert weighing.before_submit(desk.packing) is None
    assert audit.lines[-1] == (
        AUDIT_OVERRIDE,
        5,
        "box=1 weight_kg=0.40 expected_kg=0.75±0.10 verdict=too_light",
    )
    desk.packing = desk.packing.unpack(11, 0)  # the content changed: the old weighing is stale
    assert _reason(weighing.before_submit(desk.packing)) is Reason.BOX_NOT_WEIGHED
    assert [a for a, _o, _d in audit.lines].count(AUDIT_REFUSED) == 3
    good = _weighing(_Desk(), _Audit())
    good.on_reading(ScaleReading(D("0.76"), stable=True))
    assert not good.override()  # nothing failing: nothing to accept


def test_without_required_weighing_only_a_weighed_wrong_box_stops_the_submit() -> None:
    desk, audit = _Desk(), _Audit()
    weighing = _weighing(desk, audit, require_weighing=False)
    assert weighing.before_submit(desk.packing) is None
    weighing.on_reading(ScaleReading(D("1.20"), stable=True))
    assert _reason(weighing.before_submit(desk.packing)) is Reason.BOX_WEIGHT
