"""Reading back what the packing video wrote: decoded frames, duration, and the order marker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av

from packstation.devices.video_recorder import marker_origin
from packstation.domain.video import MARKER_BITS, MARKER_CELL, read_marker


@dataclass(frozen=True)
class Decoded:
    codec: str
    frames: int
    duration_s: float
    markers: tuple[int, ...]  # the order number read from each frame's marker
    width: int
    height: int


def decode(path: Path) -> Decoded:
    """Decode every frame of `path` (a real decoder: a file that merely exists fails here)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        markers = []
        last = 0.0
        count = 0
        for frame in container.decode(stream):
            count += 1
            if frame.pts is not None and frame.time_base is not None:
                last = max(last, float(frame.pts * frame.time_base))
            markers.append(_marker(frame.to_ndarray(format="rgb24")))
        return Decoded(stream.codec_context.name, count, last, tuple(markers), stream.width, stream.height)


def _marker(rgb: object) -> int:
    x0, y0 = marker_origin()
    bits = []
    for i in range(MARKER_BITS):
        x = x0 + (i % 16) * MARKER_CELL + MARKER_CELL // 2
        y = y0 + (i // 16) * MARKER_CELL + MARKER_CELL // 2
        bits.append(float(rgb[y, x].mean()) > 128)  # type: ignore[index]
    return read_marker(bits)
