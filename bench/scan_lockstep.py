"""Two checkouts' scans timed in lockstep (issue 19): an A/B the machine's drift cannot skew.

Each checkout runs in its own process on a packing desk like `packing_bench`'s (the sandbox, a
real SQLite journal); the two take turns, `--batch` scans at a time (alternating item barcode and
PS:UNDO), so both see the same moments of a busy machine. Reported: the CPU time
(`time.thread_time`) of `desk.scan` alone (`--paint`: with the repaint that follows), median and
p90, item and undo scans apart.

    python3 bench/scan_lockstep.py OLD_ROOT NEW_ROOT [--rounds 40] [--batch 50] [--paint]

A root is a checkout's top folder (a `git worktree` or `git archive` of a commit).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


async def _child(batch: int, paint: bool, out: Path) -> None:
    from gc_watch import apply  # the checkout's bench folder (on the path: see _run_child)
    from PySide6.QtWidgets import QApplication

    from packstation.sandbox.app import create_app
    from packstation.sandbox.config import SandboxConfig
    from packstation.storage.local_store import open_local_store
    from tests.ui.packing_support import open_desk

    with tempfile.TemporaryDirectory() as data:
        store = open_local_store(Path(data))
        items = (("MUG-300", 2), ("BOOK-WP", 1), ("CHARGER-65", 1))
        desk = await open_desk(create_app(SandboxConfig(seed=1)), items, journal=store.journal)
        qt = QApplication.instance()
        assert qt is not None
        for _ in range(30):
            qt.processEvents()
        barcodes = [line.barcodes[0] for line in desk.order.lines]
        apply("policy")
        times: dict[str, list[float]] = {"item": [], "undo": []}
        i = 0
        print("ready", flush=True)
        for command in sys.stdin:
            if command.strip() != "go":
                break
            for _ in range(batch):
                text = barcodes[(i // 2) % len(barcodes)] if i % 2 == 0 else "PS:UNDO"
                started = time.thread_time()
                desk.scan(text)
                if paint:
                    qt.processEvents()
                times["item" if i % 2 == 0 else "undo"].append((time.thread_time() - started) * 1e6)
                if not paint:
                    qt.processEvents()
                i += 1
            print("done", flush=True)
        await desk.close()
        _write(out, times)
        store.close()


def _write(out: Path, times: dict[str, list[float]]) -> None:
    out.write_text(json.dumps(times))


def _run_child(root: str, batch: int, paint: bool, out: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
    sys.path[:0] = [root, str(Path(root) / "bench")]
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    asyncio.run(_child(batch, paint, Path(out)))
    del app


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("roots", nargs=2, metavar="ROOT")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--paint", action="store_true", help="time the repaint after each scan too")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _run_child(args.child, args.batch, args.paint, args.out)
        return
    outputs, children = [], []
    with tempfile.TemporaryDirectory() as folder:
        for n, root in enumerate(args.roots):
            out = Path(folder) / f"{n}.json"
            command = [sys.executable, __file__, *args.roots, "--child", str(Path(root).resolve())]
            command += ["--out", str(out), "--batch", str(args.batch)]
            command += ["--paint"] if args.paint else []
            env = dict(os.environ, PYTHONPATH=str(Path(root).resolve()))
            child = subprocess.Popen(
                command, cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            outputs.append(out)
            children.append(child)
        for turn in range(args.rounds):
            for child in children if turn % 2 == 0 else children[::-1]:
                assert child.stdin is not None
                assert child.stdout is not None
                child.stdin.write("go\n")
                child.stdin.flush()
                assert child.stdout.readline().strip() == "done"
        for child in children:
            assert child.stdin is not None
            child.stdin.close()
            child.wait()
        for root, out in zip(args.roots, outputs, strict=True):
            times = json.loads(out.read_text())
            parts = []
            for kind, values in times.items():
                p90 = sorted(values)[int(len(values) * 0.9)]
                parts.append(f"{kind}: median {statistics.median(values):4.0f} µs  p90 {p90:4.0f} µs")
            print(f"{root}\n    " + "\n    ".join(parts))


if __name__ == "__main__":
    main()
