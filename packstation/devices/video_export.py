"""One MP4 from an order's clips (an order packed in two sittings has two), for sending on.

The clips' H.264 packets are copied, not re-encoded (fast, no quality loss), one clip after the
other on one timeline, into a plain MP4 with the index at the front (`+faststart`) that common
players and messengers open. Clips that cannot be read (cut off by a crash before their first
fragment) are skipped and named. The MP4 is written under a temporary name beside the target and
moved onto it only when whole, so a failed export leaves no broken file and replaces nothing; a
target that is one of the clips themselves is refused (writing it would destroy the recording).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
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


class ExportFailure(StrEnum):
    NO_READABLE_CLIP = "no readable clip"
    TARGET_IS_A_CLIP = "the target is one of the clips"
    WRITE_FAILED = "writing failed"


class ExportError(Exception):
    """Nothing was exported: no readable clip, the target is a clip, or writing failed
    (`reason` says which, for the packer's language; `detail` carries the system's words)."""

    def __init__(self, reason: ExportFailure, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet)
        return False


def export_clips(clips: Sequence[Path], out: Path) -> ExportResult:
    """Concatenate `clips` (in order) into `out`.

    Raises:
        ExportError: no clip was readable, `out` is one of the clips, or writing `out` failed.
    """
    import av

    if any(_same_file(out, clip) for clip in clips):
        raise ExportError(ExportFailure.TARGET_IS_A_CLIP, str(out))

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
        raise ExportError(ExportFailure.NO_READABLE_CLIP)
    packets = 0
    offset = Fraction(0)
    partial = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with av.open(str(partial), "w", format="mp4", options={"movflags": "+faststart"}) as output:
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
        os.replace(partial, out)
    except (av.error.FFmpegError, OSError) as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ExportError(ExportFailure.WRITE_FAILED, str(error)) from error
    return ExportResult(out, len(readable), packets, float(offset), tuple(skipped))
