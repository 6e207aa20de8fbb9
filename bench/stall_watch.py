"""GUI-thread stall recorder for the stall bench (issue 19: never a dropped frame).

`StallWatch` measures without a profiler hook on the GUI thread:

- a 1-ms precise QTimer: each tick records how late it came; a gap above `min_ms` is a stall
  (the thread did something else for that long, or was preempted);
- a sampler thread: while the GUI thread has not ticked for more than `SAMPLE_AFTER_MS`, it
  samples the GUI thread's Python stack (`sys._current_frames`) and the asyncio task running on
  it, so each stall can be named (no Python frame below the event loop: Qt's own work, e.g.
  layout or painting);
- every asyncio callback (`asyncio.Handle._run`, task steps included) taking over 2 ms, with its
  task's name or callback;
- every garbage collection (`gc.callbacks`), its generation and duration.
"""

from __future__ import annotations

import asyncio
import collections
import gc
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer

SAMPLE_AFTER_MS = 3.0
SAMPLE_EVERY_S = 0.001
SLOW_HANDLE_S = 0.002
_OWN = ("packstation/", "bench/")


@dataclass
class Stall:
    start: float
    end: float
    phase: str
    cpu_ms: float = 0.0  # the GUI thread's CPU time in it: far below `ms`, the thread was not running
    samples: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    handles: list[tuple[float, str]] = field(default_factory=list)
    collections: list[tuple[int, float, int]] = field(default_factory=list)

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1000


def _frames(frame: FrameType | None) -> tuple[str, ...]:
    """The stack, innermost first, as `file:function:line` (paths from the package root)."""
    out: list[str] = []
    while frame is not None:
        path = frame.f_code.co_filename
        for marker in (*_OWN, "site-packages/", "python3.11/"):
            if marker in path:
                path = (marker if marker in _OWN else "") + path.split(marker, 1)[1]
                break
        out.append(f"{path}:{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return tuple(out)


def _handle_name(handle: asyncio.Handle) -> str:
    callback = getattr(handle, "_callback", None)
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, asyncio.Task):
        coro = owner.get_coro()
        return f"task {owner.get_name()} ({getattr(coro, '__qualname__', coro)})"
    return f"callback {getattr(callback, '__qualname__', callback)}"


class StallWatch(QObject):
    """Records GUI-thread stalls longer than `min_ms` while started; `phase` labels them."""

    def __init__(self, loop: asyncio.AbstractEventLoop, min_ms: float = 8.0) -> None:
        super().__init__()
        self._loop = loop
        self._min_s = min_ms / 1000
        self.phase = ""
        self.stalls: list[Stall] = []
        self.ticks = 0
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._samples: collections.deque[tuple[float, str, tuple[str, ...]]] = collections.deque()
        self._handles: collections.deque[tuple[float, float, str]] = collections.deque()
        self._gcs: collections.deque[tuple[float, float, int, int]] = collections.deque()
        self._gc_started = 0.0
        self._gui = threading.get_ident()
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._original_run: Any = None

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()
        self._sampler.start()
        gc.callbacks.append(self._on_gc)
        self._original_run = asyncio.Handle._run
        original, handles = self._original_run, self._handles

        def timed_run(handle: asyncio.Handle) -> None:
            start = time.perf_counter()
            try:
                original(handle)
            finally:
                end = time.perf_counter()
                if end - start > SLOW_HANDLE_S:
                    handles.append((start, end, _handle_name(handle)))

        asyncio.Handle._run = timed_run  # type: ignore[method-assign]

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        self._sampler.join()
        gc.callbacks.remove(self._on_gc)
        if self._original_run is not None:
            asyncio.Handle._run = self._original_run  # type: ignore[method-assign]
        self._attribute()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.ticks += 1
        # The timer's own period is 1 ms: a gap beyond it plus the threshold is a stall.
        if now - self._last > self._min_s + 0.001:
            self.stalls.append(Stall(self._last, now, self.phase, (cpu - self._last_cpu) * 1000))
        self._last, self._last_cpu = now, cpu

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if threading.get_ident() != self._gui:
            return
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gcs.append((self._gc_started, time.perf_counter(), info["generation"], info["collected"]))

    def _sample(self) -> None:
        tasks: Any = getattr(asyncio.tasks, "_current_tasks", {})
        while not self._stop.wait(SAMPLE_EVERY_S):
            now = time.perf_counter()
            if (now - self._last) * 1000 < SAMPLE_AFTER_MS:
                continue
            frame = sys._current_frames().get(self._gui)
            task = tasks.get(self._loop)
            name = task.get_name() if task is not None else ""
            self._samples.append((now, name, _frames(frame)))

    def _attribute(self) -> None:
        """Hand each sample, slow callback and collection to the stall it fell in."""
        for stall in self.stalls:
            for at, name, frames in self._samples:
                if stall.start <= at <= stall.end:
                    stall.samples.append((name, frames))
            for start, end, name in self._handles:
                if start < stall.end and end > stall.start:
                    stall.handles.append(((end - start) * 1000, name))
            for start, end, generation, collected in self._gcs:
                if start < stall.end and end > stall.start:
                    stall.collections.append((generation, (end - start) * 1000, collected))

    def gc_summary(self) -> str:
        by_gen: dict[int, list[float]] = {0: [], 1: [], 2: []}
        for start, end, generation, _collected in self._gcs:
            by_gen[generation].append((end - start) * 1000)
        return "; ".join(
            f"gen{g}: {len(v)}" + (f", longest {max(v):.1f} ms" if v else "") for g, v in by_gen.items()
        )


def where(stall: Stall, depth: int = 6) -> list[str]:
    """The most sampled stacks of a stall, each as its innermost own frames (packstation/,
    bench/) under the innermost foreign one, with the asyncio task it ran in."""
    if not stall.samples:
        return ["(no sample: too short to sample, or preempted)"]
    counts = collections.Counter(
        (name, _signature(frames, depth)) for name, frames in stall.samples
    )
    lines = []
    for (name, signature), count in counts.most_common(2):
        task = f"task {name}" if name else "no task (a Qt slot or event)"
        lines.append(f"{count}/{len(stall.samples)} samples, {task}: " + " <- ".join(signature))
    return lines


def _signature(frames: tuple[str, ...], depth: int) -> tuple[str, ...]:
    own = [frame for frame in frames if frame.startswith(_OWN) and "stall_watch" not in frame]
    if not own:
        return ("Qt (no Python frame below the event loop)",) if frames else ("?",)
    innermost = frames[0]
    head = () if innermost.startswith(_OWN) else (innermost,)
    return head + tuple(own[:depth])


def cause(stall: Stall) -> str:
    """A short name for what held the thread: the longest asyncio callback in the stall (a task's
    name without its order number), else the most sampled task, else Qt's own work or a GC."""
    if stall.collections and max(ms for _g, ms, _n in stall.collections) > stall.ms / 2:
        return "garbage collection"
    if stall.handles:
        _ms, name = max(stall.handles)
        task = name.removeprefix("task ")
        if re.match(r"Task-\d+ \(", task):  # an unnamed task: its coroutine says what it is
            return task.split(" (", 1)[1].rstrip(")")
        return re.sub(r"-\d+\b", "", task.split(" (")[0])
    names = collections.Counter(name for name, _frames in stall.samples)
    if names:
        name = names.most_common(1)[0][0]
        return re.sub(r"-\d+\b", "", name) or "a Qt slot or event (no task)"
    return "unsampled (preempted, or Qt's own work)"
