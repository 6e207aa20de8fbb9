"""Scan speed (issue 5): decode + classify + validate 10,000 keyboard-wedge scans, per-scan p50/p99.

Run: `python3 bench/scan_bench.py [--scans 10000] [--seed 1]`. The scans are every product
group's marking code plus item barcodes, UINs and commands, rendered through the supported
manglings (US/Russian layout, Caps Lock, native codes or plain text, every GS form, AIM prefix,
Enter/Tab/configured suffix),
some with GS lost so the repair path is measured too. Key-event rendering is done up front;
the timed part is exactly what the app does per scan: feed every key to the decoder, then
`classify_scan` on the result. Target: p99 < 2 ms (a scanner delivers a scan every ~300 ms).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled

from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import KeyEvent, ScanDecoder
from packstation.domain.classify import classify_scan
from tests.devices.keyboard_sim import GS, GS_FORMS, LAYOUTS, Mangling, Scanner
from tests.devices.make_corpus import CODES, OTHER

TARGET_P99_MS = 2.0


def _workload(n: int, seed: int) -> list[tuple[Mangling, list[KeyEvent], str]]:
    rng = random.Random(seed)
    codes = list(CODES.values()) + list(OTHER.values())
    work = []
    for i in range(n):
        code = rng.choice(codes)
        if GS in code and rng.random() < 0.1:
            code = code.replace(GS, "")  # the scanner lost GS: measure the repair path
        mangling = Mangling(
            layout=rng.choice(LAYOUTS),
            caps_lock=rng.random() < 0.2,
            native=rng.choice(("x11", "windows", "none")),
            gs_form=rng.choice(GS_FORMS),
            prefix=rng.choice(("", "]d2")),
            suffix=rng.choice(("enter", "tab", "#!")),
        )
        work.append((mangling, Scanner(mangling, seed=i).scan(code), code))
    return work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = _workload(args.scans, args.seed)
    # The pre-rendered key events (about a million objects) are the bench's, not the app's:
    # keep the garbage collector from re-scanning them inside the timed sections.
    gc.collect()
    gc.freeze()
    decoders = {
        (p, suffix): ScanDecoder(ScannerSettings(suffix=suffix), platform=p)
        for p in ("x11", "windows", "")
        for suffix in ("", "#!")
    }
    wall: list[float] = []
    cpu: list[float] = []
    wrong = 0
    for mangling, events, _code in work:
        decoder = decoders[mangling.platform, "#!" if mangling.suffix == "#!" else ""]
        start, start_cpu = time.perf_counter(), time.thread_time()
        scans: tuple[str, ...] = ()
        for event in events:
            scans += decoder.feed(event).scans
        results = [classify_scan(text) for text in scans]
        cpu.append((time.thread_time() - start_cpu) * 1000.0)
        wall.append((time.perf_counter() - start) * 1000.0)
        wrong += len(results) != 1
    print(f"scans: {len(wall)} (framing errors: {wrong})")
    p99_wall = _report("wall clock", wall)
    p99_cpu = _report("thread CPU", cpu)
    # Wall time includes being preempted by other processes on a busy machine; CPU time is the
    # work itself. Both are printed; the target is judged on CPU time when they disagree.
    print(f"target p99 < {TARGET_P99_MS} ms: wall {_verdict(p99_wall)}, CPU {_verdict(p99_cpu)}")
    return 0 if p99_cpu < TARGET_P99_MS and not wrong else 1


def _report(label: str, timings: list[float]) -> float:
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"per scan ({label}): p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms")
    return p99


def _verdict(p99: float) -> str:
    return "met" if p99 < TARGET_P99_MS else "NOT met"


if __name__ == "__main__":
    raise SystemExit(main())
