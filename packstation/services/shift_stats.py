"""The Shift panel's numbers, from the audit lines (who, at which desk, did what and when):
per packer and desk, and for the whole desk — orders packed, units, codes, refused scans, average
time per order (opened -> READY_TO_SHIP), units per hour of packing, late orders.

Pure computation over the lines the audit log (or the fleet database) returns; a CSV export writes
the same rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

ALL = "*"
"""The packer/desk value of the summary row."""
_COUNT = re.compile(r"\b(units|codes)=(\d+)")


class AuditLine(Protocol):
    @property
    def at(self) -> datetime: ...
    @property
    def station(self) -> str: ...
    @property
    def packer(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def order_id(self) -> int | None: ...
    @property
    def detail(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """One packer at one desk (or `ALL` for the totals)."""

    packer: str
    station: str
    orders: int
    units: int
    codes: int
    refused_scans: int
    late_orders: int
    avg_order_s: float | None
    units_per_hour: float | None


@dataclass
class _Tally:
    orders: set[int] = field(default_factory=set)
    units: int = 0
    codes: int = 0
    refused: int = 0
    late: int = 0
    durations: list[float] = field(default_factory=list)

    def row(self, packer: str, station: str) -> ShiftRow:
        busy = sum(self.durations)
        return ShiftRow(
            packer,
            station,
            len(self.orders),
            self.units,
            self.codes,
            self.refused,
            self.late,
            busy / len(self.durations) if self.durations else None,
            self.units * 3600 / busy if busy > 0 else None,
        )


def shift_rows(lines: Iterable[AuditLine]) -> list[ShiftRow]:
    """Rows per (packer, desk), sorted, then the desk total (`ALL`, `ALL`)."""
    tallies: dict[tuple[str, str], _Tally] = {}
    total = _Tally()
    opened: dict[int, datetime] = {}
    for line in lines:
        if line.action == "order_opened" and line.order_id is not None:
            opened[line.order_id] = line.at
            continue
        key = (line.packer or "unknown", line.station)
        if line.action == "scan_refused":
            for tally in (tallies.setdefault(key, _Tally()), total):
                tally.refused += 1
        elif line.action == "ready_to_ship" and line.order_id is not None:
            counts = {name: int(value) for name, value in _COUNT.findall(line.detail)}
            start = opened.pop(line.order_id, None)
            for tally in (tallies.setdefault(key, _Tally()), total):
                tally.orders.add(line.order_id)
                tally.units += counts.get("units", 0)
                tally.codes += counts.get("codes", 0)
                tally.late += "late" in line.detail.split()
                if start is not None:
                    tally.durations.append((line.at - start).total_seconds())
    rows = [tally.row(packer, station) for (packer, station), tally in sorted(tallies.items())]
    return [*rows, total.row(ALL, ALL)]


CSV_HEADER = (
    "packer",
    "station",
    "orders",
    "units",
    "codes",
    "refused_scans",
    "late_orders",
    "avg_order_s",
    "units_per_hour",
)


def shift_csv(rows: Sequence[ShiftRow]) -> str:
    """The rows as CSV (UTF-8 text, comma-separated, a header line)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            [
                row.packer,
                row.station,
                row.orders,
                row.units,
                row.codes,
                row.refused_scans,
                row.late_orders,
                "" if row.avg_order_s is None else f"{row.avg_order_s:.0f}",
                "" if row.units_per_hour is None else f"{row.units_per_hour:.1f}",
            ]
        )
    return out.getvalue()
