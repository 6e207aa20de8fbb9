"""Which units of each order line are in boxes, kept without listing them (issue 19).

Units of a line are numbered 0..count-1 and scans box them mostly in that order, so a line's
boxed units are "every unit below `low`" plus the few boxed above it. An edit that boxes units
derives the next packing's fill from the last one's in time independent of the units already
boxed; `Packing._fills` counts it in full when there is nothing to derive from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineFill:
    """The boxed units (whole or part) of one line: every `n` below `low`, and those in `above`."""

    low: int = 0
    above: frozenset[int] = frozenset()

    @property
    def placed(self) -> int:
        return self.low + len(self.above)

    def has(self, n: int) -> bool:
        return n < self.low or n in self.above

    def added(self, boxed: Iterable[int]) -> LineFill:
        """This fill with the units `boxed` (of the line's own numbers, none boxed yet) boxed too."""
        above = set(self.above)
        above.update(boxed)
        low = self.low
        while low in above:
            above.discard(low)
            low += 1
        return LineFill(low, frozenset(above))
