"""Stale labels: a label names its box, so a layout changed after printing needs new labels.

`PrintedLabels` remembers the layout the printed labels belong to and the boxes the Market
returned for it; comparing it with the current layout says whether the labels are stale, and the
old boxes are listed so the packer can peel and re-stick. `label_change` says, when the Market
holds a new layout, which printed labels are now void and which new ones print: a layout whose
boxes hold the same as the printed ones keeps its labels (a label prints the order's fulfilment
id and the place "n/N", not the Market's box id), so nothing prints twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.domain.layout import LayoutPlan, PartOf, StoredBox


@dataclass(frozen=True, slots=True)
class PrintedLabels:
    """Labels printed for `plan`, one per stored box."""

    plan: LayoutPlan
    boxes: tuple[StoredBox, ...]

    def is_stale(self, current: LayoutPlan) -> bool:
        """True when the boxes or what they hold changed since the labels were printed.

        Codes and `allow_remove` are ignored: they change what the Market records, not which
        box a label belongs to (a new layout is still sent and printed on the next submit).
        """
        return _shape(self.plan) != _shape(current)

    @property
    def box_ids(self) -> tuple[int, ...]:
        return tuple(box.box_id for box in self.boxes)


@dataclass(frozen=True, slots=True)
class LabelRef:
    """One box label: box `number` of `of`, the Market's `box_id`, and the `fulfilment_id`
    ("<orderId>-<n>") its barcode carries."""

    number: int
    of: int
    box_id: int
    fulfilment_id: str


def fulfilment_id(order_id: int, number: int) -> str:
    """The id a box label prints for box `number` (from 1) of an order."""
    return f"{order_id}-{number}"


def label_refs(order_id: int, boxes: tuple[StoredBox, ...]) -> tuple[LabelRef, ...]:
    """The labels of `boxes`, numbered as they print."""
    return tuple(
        LabelRef(n, len(boxes), box.box_id, fulfilment_id(order_id, n))
        for n, box in enumerate(boxes, start=1)
    )


@dataclass(frozen=True, slots=True)
class LabelChange:
    """What sending a layout did to the labels: `void` printed ones to peel off, `new` ones to
    print and stick; both empty when the printed labels stay valid."""

    void: tuple[LabelRef, ...] = ()
    new: tuple[LabelRef, ...] = ()

    @property
    def unchanged(self) -> bool:
        return not self.void and not self.new


def label_change(
    order_id: int, printed: PrintedLabels | None, plan: LayoutPlan, boxes: tuple[StoredBox, ...]
) -> LabelChange:
    """The labels to void and to print when the Market holds `plan` as `boxes`.

    The first layout prints every label; a layout whose boxes hold the same as the printed ones
    (e.g. only a code was replaced) keeps them; any other change voids every printed label and
    prints the whole new set, since each label's place "n/N" may have moved.
    """
    new = label_refs(order_id, boxes)
    if printed is None:
        return LabelChange(new=new)
    if not printed.is_stale(plan) and len(printed.boxes) == len(boxes):
        return LabelChange()
    return LabelChange(void=label_refs(order_id, printed.boxes), new=new)


def _shape(plan: LayoutPlan) -> tuple[tuple[tuple[int, int | None, PartOf | None], ...], ...]:
    return tuple(tuple((e.line_id, e.full_count, e.part) for e in box.entries) for box in plan.boxes)
