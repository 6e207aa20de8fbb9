"""Stale labels: a label names its box, so a layout changed after printing needs new labels.

`PrintedLabels` remembers the layout the printed labels belong to and the boxes the Market
returned for it; comparing it with the current layout says whether the labels are stale, and the
old boxes are listed so the packer can peel and re-stick.
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


def _shape(plan: LayoutPlan) -> tuple[tuple[tuple[int, int | None, PartOf | None], ...], ...]:
    return tuple(tuple((e.line_id, e.full_count, e.part) for e in box.entries) for box in plan.boxes)
