"""Shared by the scan benchmarks (issue 19): the garbage collector as the app runs it, and a
record of every collection so a slow scan can be blamed on a full collection or acquitted.

    --gc policy   (default) the app's policy: start-up frozen, full collections rarer
                  (`packstation.ui.gc_policy.settle_after_startup`);
    --gc default  Python's defaults, as before issue 19.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class GcWatch:
    """Durations (ms) of the collections per generation while `active`."""

    pauses: dict[int, list[float]] = field(default_factory=lambda: {0: [], 1: [], 2: []})
    active: bool = False
    _started: float = 0.0

    def __post_init__(self) -> None:
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif self.active:
            self.pauses[info["generation"]].append((time.perf_counter() - self._started) * 1000)

    def full_collections(self) -> int:
        return len(self.pauses[2])

    def summary(self) -> str:
        parts = []
        for generation, pauses in self.pauses.items():
            longest = f", longest {max(pauses):.2f} ms" if pauses else ""
            parts.append(f"gen{generation}: {len(pauses)}{longest}")
        return "collections during the timed scans: " + "; ".join(parts)


def apply(mode: str) -> None:
    """Set the collector up as `mode` says, once the bench's start-up (its fixtures) is done."""
    if mode == "policy":
        from packstation.ui.gc_policy import settle_after_startup

        settle_after_startup()
    else:
        gc.collect()  # the same starting point, but Python's defaults from here on


def percentiles(timings: list[float]) -> str:
    """`p50 .. p99 .. p99.9 .. max` of per-scan ms."""
    ordered = sorted(timings)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))]

    return (f"p50 {at(0.5):.3f} ms, p99 {at(0.99):.3f} ms, p99.9 {at(0.999):.3f} ms, "
            f"max {ordered[-1]:.3f} ms")
