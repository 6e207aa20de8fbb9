"""One MP4 from an order's clips (an order packed in two sittings has two), for sending on.

The clips' H.264 packets are copied, not re-encoded (fast, no quality loss), one clip after the
other on one timeline, into a plain MP4 with the index at the front (`+faststart`) that common
players and messengers open. Clips that cannot be read (cut off by a crash before their first
fragment) are skipped and named.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ExportResult:
    out: Path
    clips: int
    packets: int
    duration_s: float
    skipped: tuple[Path, ...] = ()


class ExportError(Exception):
    """Nothing could be exported (no readable clip, or the output cannot be written)."""


def export_clips(clips: Sequence[Path], out: Path) -> ExportResult:
    """Concatenate `clips` (in order) into `out`.

    Raises:
        ExportError: no clip was readable, or writing `out` failed.
    """
    import av

    readable: list[Path] = []
    skipped: list[Path] = []
    for path in clips:
        try:
            with av.open(str(path)) as probe:
                if probe.streams.video:
                    readable.append(path)
                    continue
        except (av.error.FFmpegError, OSError):
            pass
        skipped.append(path)
    if not readable:
        raise ExportError("no readable clip")
    out.parent.mkdir(parents=True, exist_ok=True)
    packets = 0
    offset = Fraction(0)
    try:
        with av.open(str(out), "w", format="mp4", options={"movflags": "+faststart"}) as output:
            target: Any = None
            for path in readable:
                with av.open(str(path)) as source:
                    stream = source.streams.video[0]
                    if target is None:
                        target = output.add_stream_from_template(stream)
                    base = stream.time_base or Fraction(1, 1000)
                    first: int | None = None
                    end = offset
                    for packet in source.demux(stream):
                        if packet.pts is None or packet.dts is None:
                            continue
                        if first is None:
                            first = min(packet.dts, packet.pts)
                        shift = int(offset / base) - first
                        packet.pts += shift
                        packet.dts += shift
                        packet.stream = target
                        output.mux(packet)
                        packets += 1
                        frame_end = (packet.pts + (packet.duration or 0)) * base
                        end = max(end, frame_end)
                    offset = end
    except (av.error.FFmpegError, OSError) as error:
        with contextlib.suppress(OSError):
            out.unlink()
        raise ExportError(str(error)) from error
    return ExportResult(out, len(readable), packets, float(offset), tuple(skipped))
