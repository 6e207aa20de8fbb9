"""The box layout as the Market receives it (`PUT .../boxes`), in domain terms.

A `LayoutPlan` is what the packing rules produce and the Market gateway serializes: each box is
either a whole-goods box (entries with `full_count`) or a part box (exactly one entry with
`part`). The rules that build and check plans live in the packing modules of this package.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.domain.instances import Instance


@dataclass(frozen=True, slots=True)
class PartOf:
    """Part `current` of `total` of one unit (`partialCount`)."""

    current: int
    total: int


@dataclass(frozen=True, slots=True)
class BoxEntry:
    """One order line in one box: either `full_count` whole units or one `part` of a unit."""

    line_id: int
    full_count: int | None = None
    part: PartOf | None = None
    instances: tuple[Instance, ...] = ()


@dataclass(frozen=True, slots=True)
class BoxPlan:
    entries: tuple[BoxEntry, ...]

    @property
    def is_part_box(self) -> bool:
        return any(entry.part is not None for entry in self.entries)


@dataclass(frozen=True, slots=True)
class LayoutPlan:
    boxes: tuple[BoxPlan, ...]
    allow_remove: bool = False


@dataclass(frozen=True, slots=True)
class StoredBox:
    """A box the Market accepted: its id addresses the per-box label."""

    box_id: int
    plan: BoxPlan
