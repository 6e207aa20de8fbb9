"""`packstation video export --order N --out FILE.mp4` and `packstation video claim --order N
[--close]`: the packing video of an order as one file, and claims that keep it from retention.

Composes the clip index (storage) with the exporter (devices); the app may be running meanwhile
(SQLite allows it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import platformdirs

from packstation import APP_NAME
from packstation.catalogue import both_languages
from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP


def add_video_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    video = sub.add_parser("video", help="packing video: export an order's clips, mark claims")
    actions = video.add_subparsers(dest="video_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="export an order's clips as one MP4")
    export.add_argument("--order", type=int, required=True)
    export.add_argument("--out", required=True)
    export.add_argument("--data-dir", default=None)
    claim = actions.add_parser("claim", help="keep an order's clips (a buyer's claim is open)")
    claim.add_argument("--order", type=int, required=True)
    claim.add_argument("--close", action="store_true", help="the claim is settled: retention applies again")
    claim.add_argument("--note", default="")
    claim.add_argument("--data-dir", default=None)


def video_cli(args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run `packstation video ...`; returns the exit code (0 ok, 2 nothing to export / bad input)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    from packstation.storage.database import open_database
    from packstation.storage.video_index import SqliteClipIndex

    data_dir = (
        Path(args.data_dir) if args.data_dir else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    try:
        db = open_database(data_dir).database
    except StorageError as error:
        print(both_languages(error), file=err)
        return 2
    try:
        index = SqliteClipIndex(db)
        if args.video_command == "claim":
            if args.close:
                index.close_claim(args.order)
                print(
                    both_languages(QT_TRANSLATE_NOOP("VideoCli", "Claim on order %1 closed.")(args.order)),
                    file=out,
                )
            else:
                index.open_claim(args.order, args.note)
                kept = QT_TRANSLATE_NOOP("VideoCli", "Order %1's video is kept until the claim is closed.")
                print(both_languages(kept(args.order)), file=out)
            return 0
        clips = [data_dir / clip.path for clip in index.clips_of(args.order)]
    finally:
        db.close()
    return _export(args.order, clips, Path(args.out), out, err)


def _export(order_id: int, clips: list[Path], target: Path, out: TextIO, err: TextIO) -> int:
    from packstation.devices.video_export import ExportError, export_clips

    if not clips:
        print(both_languages(QT_TRANSLATE_NOOP("VideoCli", "Order %1 has no video.")(order_id)), file=err)
        return 2
    try:
        result = export_clips(clips, target)
    except ExportError as error:
        print(both_languages(QT_TRANSLATE_NOOP("VideoCli", "Video not exported: %1.")(error)), file=err)
        return 2
    for path in result.skipped:
        skipped = QT_TRANSLATE_NOOP("VideoCli", "Skipped an unreadable clip: %1")(path)
        print(both_languages(skipped), file=err)
    exported = QT_TRANSLATE_NOOP("VideoCli", "Exported %1 clips (%2 s) to %3")
    print(both_languages(exported(result.clips, f"{result.duration_s:.0f}", target)), file=out)
    return 0
