"""Scan speed (issues 5, 19): decode + classify 10,000 keyboard-wedge scans; p50/p99/p99.9/max.

Run: `python3 bench/scan_bench.py [--scans 10000] [--seed 1] [--orders 3000] [--gc policy|default]`.
The scans are every product group's marking code plus item barcodes, UINs and commands, rendered
through the supported manglings (US/Russian layout, Caps Lock, native codes or plain text, every GS
form, AIM prefix, Enter/Tab/configured suffix), some with GS lost so the repair path is measured
too. The process holds what the app holds while packing: the app's modules, a 3,000-order list in
the order queue, and a SQLite journal that records every scan (outside the timed part, as the app
records after deciding). Key events are rendered just before each scan, untimed; the timed part is
exactly what the app does per scan: feed every key to the decoder, then `classify_scan` on the
result. Every garbage collection is recorded, so a slow scan is either explained by a full
collection or not. Targets: p99 < 2 ms, max < 8 ms (a scanner delivers a scan every ~300 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, uninstalled

from gc_watch import GcWatch, apply, percentiles
from order_list_bench import FixedClock, MemoryMarket, make_orders

# The app's heap: its modules are what a full collection walks (packstation.app loads them lazily).
import packstation.app.packing
import packstation.app.shell
import packstation.app.wiring  # noqa: F401
from packstation.devices.config import ScannerSettings
from packstation.devices.decoder import ScanDecoder
from packstation.domain.classify import classify_scan
from packstation.services.order_queue import OrderQueue
from packstation.storage.local_store import open_local_store
from tests.devices.keyboard_sim import GS, GS_FORMS, LAYOUTS, Mangling, Scanner
from tests.devices.make_corpus import CODES, OTHER

TARGET_P99_MS = 2.0
TARGET_MAX_MS = 8.0


def _workload(n: int, seed: int) -> list[tuple[Mangling, str]]:
    rng = random.Random(seed)
    codes = list(CODES.values()) + list(OTHER.values())
    work = []
    for _ in range(n):
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
        work.append((mangling, code))
    return work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--orders", type=int, default=3_000)
    parser.add_argument("--gc", choices=("policy", "default"), default="policy")
    args = parser.parse_args()
    work = _workload(args.scans, args.seed)
    queue = OrderQueue(MemoryMarket(make_orders(args.orders)), FixedClock())  # type: ignore[arg-type]
    asyncio.run(queue.refresh())
    data_dir = tempfile.TemporaryDirectory(prefix="scan-bench-")
    store = open_local_store(Path(data_dir.name))
    journal_order = queue.orders()[0].id
    decoders = {
        (p, suffix): ScanDecoder(ScannerSettings(suffix=suffix), platform=p)
        for p in ("x11", "windows", "")
        for suffix in ("", "#!")
    }
    watch = GcWatch()
    apply(args.gc)
    watch.active = True
    wall: list[float] = []
    cpu: list[float] = []
    during_full: list[float] = []
    wrong = 0
    for i, (mangling, code) in enumerate(work):
        events = Scanner(mangling, seed=i).scan(code)
        decoder = decoders[mangling.platform, "#!" if mangling.suffix == "#!" else ""]
        full_before = watch.full_collections()
        start, start_cpu = time.perf_counter(), time.thread_time()
        scans: tuple[str, ...] = ()
        for event in events:
            scans += decoder.feed(event).scans
        results = [classify_scan(text) for text in scans]
        cpu.append((time.thread_time() - start_cpu) * 1000.0)
        wall.append((time.perf_counter() - start) * 1000.0)
        if watch.full_collections() != full_before:
            during_full.append(wall[-1])
        wrong += len(results) != 1
        store.journal.append(journal_order, {"op": "scan", "text": code, "n": i})
    watch.active = False
    store.close()
    data_dir.cleanup()
    print(f"scans: {len(wall)} (framing errors: {wrong}); {args.orders} orders listed; journal on; "
          f"gc {args.gc}")
    print(f"per scan (wall clock): {percentiles(wall)}")
    print(f"per scan (thread CPU): {percentiles(cpu)}")
    print(watch.summary())
    slowest = sorted(range(len(cpu)), key=cpu.__getitem__)[-3:]
    print("slowest scans (CPU): " + ", ".join(f"#{i} {cpu[i]:.2f} ms" for i in reversed(slowest)))
    if during_full:
        print(f"scans with a full collection inside: {len(during_full)}, slowest {max(during_full):.3f} ms")
    # Wall time includes being preempted by other processes on a busy machine; CPU time is the
    # work itself. Both are printed; the targets are judged on CPU time when they disagree.
    p99, worst = sorted(cpu)[int(len(cpu) * 0.99)], max(cpu)
    met = p99 < TARGET_P99_MS and worst < TARGET_MAX_MS
    verdict = "met" if met else "NOT met"
    print(f"target p99 < {TARGET_P99_MS} ms and max < {TARGET_MAX_MS} ms (CPU): {verdict}; "
          f"wall max {max(wall):.3f} ms")
    return 0 if met and not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
