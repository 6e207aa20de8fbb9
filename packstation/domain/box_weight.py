"""Weighing closed boxes: the cheapest check that an item is missing (or one too many).

A box should weigh what its content weighs in the catalogue (`weightDimensions.weight`, gross, per
unit) plus a packaging allowance (carton, filler, tape). A box whose measured weight is outside
`expected ± tolerance` is refused before its label prints: "box 2 weighs 0.41 kg, expected
0.95 ± 0.10: check its content". A part box of an item sent in N parcels is expected to weigh
1/N of the item (the catalogue weighs the whole item).

Pure values and rules; the scale drivers (`devices`) deliver `ScaleReading`s and the service
(`services.box_weighing`) decides which box a reading belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.packing.errors import PackingError, Reason, box_no
from packstation.domain.packing.model import Box, Packing

GRAM = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """One reading of the desk scale, in kilograms (every protocol's unit converted).

    Attributes:
        weight_kg: the net weight shown (negative below zero).
        stable: the scale reports the weight as settled (no motion).
        overload: above the scale's capacity (the weight is meaningless).
    """

    weight_kg: Decimal
    stable: bool
    overload: bool = False


# Factors to kilograms for the units scales send.
_UNIT_KG: dict[str, Decimal] = {
    "kg": Decimal(1),
    "g": Decimal("0.001"),
    "mg": Decimal("0.000001"),
    "lb": Decimal("0.45359237"),
    "oz": Decimal("0.028349523125"),
    "t": Decimal(1000),
}


def to_kg(value: Decimal, unit: str) -> Decimal:
    """`value` in `unit` (kg, g, mg, lb, oz, t; case-insensitive) as kilograms, to the gram.

    Raises:
        ValueError: an unknown unit.
    """
    factor = _UNIT_KG.get(unit.strip().lower())
    if factor is None:
        raise ValueError(f"unknown weight unit {unit!r}")
    return (value * factor).quantize(GRAM, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class WeightRule:
    """The station's weighing rule.

    Attributes:
        allowance_kg: packaging added to the catalogue weights of a box's content.
        tolerance_kg: the least accepted deviation from the expected weight.
        tolerance_pct: percent of the expected weight; the larger of the two tolerances applies.
        min_weight_kg: readings below this mean "nothing on the scale".
    """

    allowance_kg: Decimal = Decimal("0.05")
    tolerance_kg: Decimal = Decimal("0.10")
    tolerance_pct: Decimal = Decimal(0)
    min_weight_kg: Decimal = Decimal("0.02")

    def tolerance(self, expected_kg: Decimal) -> Decimal:
        by_pct = (expected_kg * self.tolerance_pct / 100).quantize(GRAM, rounding=ROUND_HALF_UP)
        return max(self.tolerance_kg, by_pct)


def content_key(box: Box) -> tuple[object, ...]:
    """What a box holds; a weighing stays valid only while this is unchanged."""
    return (box.units, box.part)


@dataclass(frozen=True, slots=True)
class Expected:
    """The expected weight of a box (None when some content has no catalogue weight)."""

    kg: Decimal | None
    tolerance: Decimal
    unknown_offers: tuple[str, ...] = ()


def expected_weight(packing: Packing, index: int, rule: WeightRule) -> Expected:
    """The catalogue weight of box `index`'s content plus the packaging allowance."""
    box = packing.boxes[index]
    total = rule.allowance_kg
    unknown: list[str] = []
    units = [(unit.line_id, Decimal(1)) for unit in box.units]
    if box.part is not None:
        units.append((box.part.unit.line_id, Decimal(1) / box.part.total))
    for line_id, share in units:
        line = packing.line(line_id)
        if line.weight_kg is None:
            if line.offer_id not in unknown:
                unknown.append(line.offer_id)
            continue
        total += line.weight_kg * share
    if unknown:
        return Expected(None, rule.tolerance_kg, tuple(unknown))
    kg = total.quantize(GRAM, rounding=ROUND_HALF_UP)
    return Expected(kg, rule.tolerance(kg))


@dataclass(frozen=True, slots=True)
class Weighing:
    """A box put on the scale: its stable weight and the content it had then."""

    index: int
    weight_kg: Decimal
    content: tuple[object, ...]


class Verdict(StrEnum):
    OK = "ok"
    TOO_LIGHT = "too_light"
    TOO_HEAVY = "too_heavy"
    NO_CATALOGUE_WEIGHT = "no_catalogue_weight"  # weighed, but nothing to compare with
    NOT_WEIGHED = "not_weighed"  # never weighed, or its content changed since


@dataclass(frozen=True, slots=True)
class BoxCheck:
    """One box's weighing against its expected weight."""

    index: int
    expected: Expected
    measured_kg: Decimal | None
    verdict: Verdict

    @property
    def passes(self) -> bool:
        return self.verdict in (Verdict.OK, Verdict.NO_CATALOGUE_WEIGHT)

    def refusal(self) -> PackingError | None:
        """The packer-facing refusal of this box (None when it passes)."""
        number = box_no(self.index)
        if self.verdict is Verdict.NOT_WEIGHED:
            return PackingError(
                Reason.BOX_NOT_WEIGHED,
                QT_TRANSLATE_NOOP("BoxWeight", "Box %1 has not been weighed.")(number),
                hint=QT_TRANSLATE_NOOP("BoxWeight", "Put it on the scale."),
            )
        if self.passes or self.measured_kg is None or self.expected.kg is None:
            return None
        return PackingError(
            Reason.BOX_WEIGHT,
            QT_TRANSLATE_NOOP("BoxWeight", "Box %1 weighs %2 kg, expected %3 ± %4: check its content.")(
                number,
                kilograms(self.measured_kg),
                kilograms(self.expected.kg),
                kilograms(self.expected.tolerance),
            ),
            hint=QT_TRANSLATE_NOOP("BoxWeight", "Weigh it again or accept the weight."),
        )


def kilograms(value: Decimal) -> Message:
    """A weight as `format_kg` writes it, its decimal mark taken from the catalogue (`,` in Russian)."""
    whole, _, fraction = format_kg(value, "en").partition(".")
    return QT_TRANSLATE_NOOP("BoxWeight", "%1.%2")(whole, fraction)


def format_kg(value: Decimal, lang: str = "ru") -> str:
    """Kilograms with two decimals (three below 0.1 kg); Russian uses a decimal comma."""
    text = f"{value:.3f}" if abs(value) < Decimal("0.1") and value != 0 else f"{value:.2f}"
    return text.replace(".", ",") if lang == "ru" else text


def check_boxes(
    packing: Packing, weighings: Mapping[int, Weighing], rule: WeightRule
) -> tuple[BoxCheck, ...]:
    """Every box with content, checked against its weighing (a stale weighing counts as none)."""
    checks = []
    for index, box in enumerate(packing.boxes):
        if not box.units and box.part is None:
            continue
        expected = expected_weight(packing, index, rule)
        weighing = weighings.get(index)
        if weighing is None or weighing.content != content_key(box):
            checks.append(BoxCheck(index, expected, None, Verdict.NOT_WEIGHED))
            continue
        measured = weighing.weight_kg
        if expected.kg is None:
            verdict = Verdict.NO_CATALOGUE_WEIGHT
        elif measured < expected.kg - expected.tolerance:
            verdict = Verdict.TOO_LIGHT
        elif measured > expected.kg + expected.tolerance:
            verdict = Verdict.TOO_HEAVY
        else:
            verdict = Verdict.OK
        checks.append(BoxCheck(index, expected, measured, verdict))
    return tuple(checks)


def weighing_target(
    packing: Packing, weighings: Mapping[int, Weighing], refused: int | None = None
) -> int | None:
    """The box a new stable weight belongs to.

    The box last refused (the packer fixed it and weighs it again), else the first closed box not
    weighed yet (boxes are closed, then weighed), else the box being packed (it may sit on the
    scale while items go in), else the last box with content.
    """
    filled = [i for i, box in enumerate(packing.boxes) if box.units or box.part is not None]
    if not filled:
        return None
    if refused is not None and refused in filled:
        return refused

    def weighed(index: int) -> bool:
        weighing = weighings.get(index)
        return weighing is not None and weighing.content == content_key(packing.boxes[index])

    for index in filled:
        if packing.boxes[index].closed and not weighed(index):
            return index
    if packing.current is not None and packing.current in filled:
        return packing.current
    unweighed = [index for index in filled if not weighed(index)]
    return unweighed[0] if unweighed else filled[-1]
