"""Packing video as evidence: which clips to keep, and the marker burned into every frame.

A clip is one recording of one order at this desk (an order packed in two sittings has two).
Retention keeps clips for `keep_days` and within a disk budget, deleting the oldest first, and
never deletes a clip of an order with an open claim (the buyer says something was missing: the
clip is the seller's proof).

The order marker: the order number as 32 black/white squares in the frame's top-right corner, so
a test (or a support tool) can read which order a frame belongs to without OCR.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

MARKER_BITS = 32
MARKER_CELL = 8  # pixels per bit square


@dataclass(frozen=True, slots=True)
class Clip:
    """A recorded clip as the index holds it."""

    id: int
    order_id: int
    path: str  # relative to the data dir: video/<order>/<start>.mp4
    started_at: datetime
    ended_at: datetime | None
    size_bytes: int
    frames: int = 0
    note: str = ""  # why the recording ended early ("disk full"), empty otherwise


@dataclass(frozen=True, slots=True)
class Retention:
    """How long and how much video is kept."""

    keep_days: int = 30
    budget_bytes: int = 20 * 1024**3


def clips_to_delete(
    clips: Sequence[Clip], now: datetime, retention: Retention, protected_orders: Iterable[int]
) -> tuple[Clip, ...]:
    """The clips retention removes: older than `keep_days`, then the oldest until the rest fits
    the budget. Clips of `protected_orders` (open claims) and unfinished clips are never removed."""
    protected = set(protected_orders)
    removable = sorted(
        (c for c in clips if c.order_id not in protected and c.ended_at is not None),
        key=lambda c: (c.started_at, c.id),
    )
    cutoff = now - timedelta(days=retention.keep_days)
    doomed = [c for c in removable if c.started_at < cutoff]
    total = sum(c.size_bytes for c in clips) - sum(c.size_bytes for c in doomed)
    for clip in removable:
        if total <= retention.budget_bytes:
            break
        if clip in doomed:
            continue
        doomed.append(clip)
        total -= clip.size_bytes
    return tuple(doomed)


def marker_bits(order_id: int) -> tuple[bool, ...]:
    """The order number's low 32 bits, most significant first (True: white)."""
    return tuple(bool(order_id >> (MARKER_BITS - 1 - i) & 1) for i in range(MARKER_BITS))


def read_marker(bits: Sequence[bool]) -> int:
    """The order number `marker_bits` encoded."""
    value = 0
    for bit in bits:
        value = value << 1 | int(bit)
    return value
