"""Benchmark: the instructions a scan executes, counted by valgrind's callgrind (issue 19).

Timings on a shared machine drift up to 2x, and a scan after a pause runs at half the speed of
back-to-back ones (cold caches), so milliseconds hide whether a change made a scan do less. The
number of instructions a scan executes does not drift: callgrind counts the same figure run after
run (within 0.4% here, the Python hash seed fixed), whatever else the machine does, so a change
can be judged as "+/- x% instructions".

The scans are `bench/packing_bench.py`'s (`--scenario stream|coded|undo`, its scenario functions
and its scan step `_timed_scan`: the scan, then the event loop's layout and paint of what it
changed, exactly what packing_bench times). Only the scans of one position are counted per
valgrind run: first / mid / last of their order (stream, coded; an order's only scan counts as
first), or item scan / UNDO (undo). The script re-runs itself under valgrind, once per position
(`--jobs` at a time), with collection off except inside the counted scans: a tiny C helper,
compiled at run time with the system C compiler, issues callgrind's CALLGRIND_TOGGLE_COLLECT
client request around each of them. The counts include the bench's own few calls around the scan
(timer reads, the feedback check): a constant that cancels out in a comparison.

Prints, per scenario, the instructions per scan of each position; with `--top N` the N functions
with most inclusive instructions per scan (callgrind_annotate: paint, glyph drawing, sqlite...);
`--json FILE` saves the figures, `--compare FILE` prints them against such a saved run.

Needs valgrind (callgrind_annotate for `--top`), a C compiler and valgrind's headers
(Debian: valgrind). On a 2-core machine the defaults (stream) take about 3 minutes, all
three scenarios about 5.

Usage: python3 bench/scan_instructions.py [--scenario stream coded undo] [--scans 150]
       [--orders 300] [--jobs 2] [--top 15] [--json FILE] [--compare FILE] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHILD_ENV = "SCAN_INSTRUCTIONS_CHILD"
POSITIONS: dict[str, tuple[str, ...]] = {
    "stream": ("first", "mid", "last"),
    "coded": ("first", "mid", "last"),
    "undo": ("item", "undo"),
}
HELPER_C = "#include <valgrind/callgrind.h>\nvoid toggle_collect(void) { CALLGRIND_TOGGLE_COLLECT; }\n"
_COST_LINE = re.compile(r"^\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(\S.*?)\s*$")


class SetupError(RuntimeError):
    """What the machine lacks to count instructions, said plainly."""


@dataclass(frozen=True)
class Counted:
    """The instructions of the scans counted at one position, and how many scans they were."""

    scans: int
    instructions: int
    top: tuple[tuple[str, int], ...] = ()

    @property
    def per_scan(self) -> float:
        return self.instructions / self.scans if self.scans else 0.0


@dataclass
class ScenarioResult:
    scenario: str
    scans: int
    positions: dict[str, Counted] = field(default_factory=dict)


# --- reading callgrind's output (pure, tested without valgrind) -------------------------------


def read_totals(path: Path, event: str = "Ir") -> int:
    """The total of `event` in a callgrind output file: its `totals:` line (or `summary:`, which
    older callgrinds write), the column of `event` in its `events:` line."""
    events: list[str] = []
    totals: str | None = None
    summary: str | None = None
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("events:"):
                events = line.split(":", 1)[1].split()
            elif line.startswith("totals:"):
                totals = line.split(":", 1)[1]
            elif line.startswith("summary:"):
                summary = line.split(":", 1)[1]
    figures = totals if totals is not None else summary
    if figures is None or event not in events:
        raise ValueError(f"{path}: no totals of {event} (a callgrind output file?)")
    column = events.index(event)
    values = figures.split()
    return int(values[column]) if column < len(values) else 0


def parse_annotate(text: str) -> list[tuple[str, int]]:
    """The functions (`file:function [object]`) and their counts in callgrind_annotate's
    function table, in its order (the program's total left out)."""
    rows: list[tuple[str, int]] = []
    table = False
    for line in text.splitlines():
        if line.startswith("Ir") and "file:function" in line:
            table = True
            continue
        if not table or line.startswith("-") or not line.strip():
            continue
        match = _COST_LINE.match(line)
        if match is None:
            continue
        name = match.group(2)
        if "PROGRAM TOTALS" in name:
            continue
        rows.append((name, int(match.group(1).replace(",", ""))))
    return rows


def function_and_object(name: str) -> tuple[str, str]:
    """`file:function [object]` as the function and its object file's name (`?` unknown)."""
    _, _, rest = name.partition(":")
    match = re.fullmatch(r"(.*?)(?: \[(.*)\])?", rest)
    function, library = (match.group(1), match.group(2)) if match else (rest, None)
    return function, Path(library).name if library else "?"


def is_interpreter(name: str) -> bool:
    """The frames every Python-level call goes through (the interpreter's loop and calls, the
    asyncio task, the process's start, recursion entries `'2`): their inclusive cost is the
    whole scan and tells nothing of where it went."""
    function, library = function_and_object(name)
    return (
        "'" in function
        or function in ("(below main)", "0x0000000000000000")
        or function.startswith(("__libc_start", "0x"))
        or library in ("?", "???")
        or library.startswith(("python3", "libpython3", "_asyncio", "_ctypes", "libffi"))
    )


# Qt's frames that only pass an event on to the next (their inclusive cost is the paint's or the
# event's they deliver): left out of the costliest functions, the loop's own entry point kept.
_DISPATCH = (
    "QCoreApplication::sendEvent(",
    "QCoreApplication::notifyInternal2(",
    "QCoreApplication::sendPostedEvents(",
    "QCoreApplication::sendSpontaneousEvent(",
    "QCoreApplicationPrivate::",
    "QApplication::notify(",
    "QApplicationPrivate::notify_helper(",
    "QEventDispatcherGlib::",
    "QPAEventDispatcherGlib::",
    "g_main_context_",
    "QWidget::event(",
    "QFrame::event(",
    "QAbstractScrollArea::viewportEvent(",
    "QAbstractItemView::viewportEvent(",
    "QWidgetPrivate::syncBackingStore(",
    "QWidgetRepaintManager::sync(",
)


def where_the_work_goes(rows: Sequence[tuple[str, int]], count: int) -> list[tuple[str, int]]:
    """The `count` costliest rows outside the interpreter's own frames and Qt's event dispatch,
    named `function (object)`."""
    kept = []
    for name, instructions in rows:
        if is_interpreter(name):
            continue
        function, library = function_and_object(name)
        if function.startswith(_DISPATCH):
            continue
        kept.append((f"{function} ({library})", instructions))
        if len(kept) == count:
            break
    return kept


# --- the report ---------------------------------------------------------------------------------


def millions(instructions: float) -> str:
    return f"{instructions / 1e6:.2f} M"


def change(now: float, before: float) -> str:
    return f"{(now - before) / before * 100:+.1f}%" if before else "n/a"


def report_line(result: ScenarioResult, reference: dict[str, Any] | None = None) -> str:
    """`stream, 150 scans: first 3.98 M, mid 3.25 M, last 3.88 M instructions per scan`, each
    position against the reference run's (`(was 4.10 M, -2.9%)`) when one is given."""
    parts = []
    for position, counted in result.positions.items():
        part = f"{position} {millions(counted.per_scan)}"
        before = _reference_per_scan(reference, result.scenario, position)
        if before is not None:
            part += f" (was {millions(before)}, {change(counted.per_scan, before)})"
        parts.append(part)
    return f"{result.scenario}, {result.scans} scans: {', '.join(parts)} instructions per scan"


def counts_line(result: ScenarioResult) -> str:
    return "  scans counted: " + ", ".join(
        f"{position} {counted.scans}" for position, counted in result.positions.items()
    )


def top_lines(result: ScenarioResult, count: int) -> list[str]:
    lines = []
    for position, counted in result.positions.items():
        if not counted.top:
            continue
        lines.append(f"  {position}: the {count} functions with most inclusive instructions per scan")
        for name, instructions in counted.top[:count]:
            share = instructions / counted.instructions * 100 if counted.instructions else 0.0
            lines.append(f"    {millions(instructions / counted.scans):>9} {share:5.1f}%  {name}")
    return lines


def _reference_per_scan(reference: dict[str, Any] | None, scenario: str, position: str) -> float | None:
    if reference is None:
        return None
    saved = reference.get("scenarios", {}).get(scenario, {}).get("positions", {}).get(position)
    if not saved or not saved.get("scans"):
        return None
    return float(saved["instructions"]) / float(saved["scans"])


def mismatch(result: ScenarioResult, orders: int, reference: dict[str, Any]) -> str | None:
    """Why a comparison with the saved run may mislead: other scan or order counts (the first
    scans of a run cost more, and the mix of orders differs)."""
    saved = reference.get("scenarios", {}).get(result.scenario)
    if saved is None:
        return None
    if saved.get("scans") != result.scans or reference.get("orders") != orders:
        return (
            f"  note: the saved {result.scenario} run had {saved.get('scans')} scans and "
            f"{reference.get('orders')} orders listed, this one {result.scans} and {orders}: "
            "compare runs of the same counts"
        )
    return None


def to_json(results: Sequence[ScenarioResult], orders: int, commit: str | None = None) -> dict[str, Any]:
    return {
        "bench": "scan_instructions",
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "commit": commit,
        "orders": orders,
        "scenarios": {
            result.scenario: {
                "scans": result.scans,
                "positions": {
                    position: {
                        "scans": counted.scans,
                        "instructions": counted.instructions,
                        "per_scan": round(counted.per_scan),
                    }
                    for position, counted in result.positions.items()
                },
            }
            for result in results
        },
    }


def _git_commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() or None


# --- the parent: valgrind runs ------------------------------------------------------------------


def real_interpreter() -> Path:
    """The interpreter's binary: valgrind must run it, not a launcher script (pyenv's shim is a
    bash script, and valgrind would count bash)."""
    path = Path(os.path.realpath(sys.executable))
    with path.open("rb") as head:
        if head.read(2) == b"#!":
            raise SetupError(
                f"{sys.executable} is a script, not the Python binary; run this with the real one"
            )
    return path


def compile_helper(folder: Path) -> Path:
    """The client-request helper as a shared library in `folder`."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SetupError("no C compiler (cc/gcc) on PATH: it builds the callgrind client-request helper")
    source = folder / "toggle_collect.c"
    source.write_text(HELPER_C, encoding="utf-8")
    library = folder / "libtoggle_collect.so"
    try:
        done = subprocess.run(
            [compiler, "-O1", "-shared", "-fPIC", "-o", str(library), str(source)],
            capture_output=True,
            text=True,
        )
    except OSError as error:
        raise SetupError(f"the C compiler {compiler} did not run: {error}") from error
    if done.returncode != 0:
        raise SetupError(
            "the callgrind client-request helper did not compile (valgrind's headers, "
            f"valgrind/callgrind.h, missing?):\n{done.stderr.strip()}"
        )
    return library


def _run_position(
    scenario: str, position: str, options: argparse.Namespace, library: Path, folder: Path
) -> Counted:
    out = folder / f"{scenario}-{position}.callgrind"
    counts_file = folder / f"{scenario}-{position}.counts.json"
    log = folder / f"{scenario}-{position}.log"
    command = [
        "valgrind",
        "--tool=callgrind",
        "--collect-atstart=no",
        f"--callgrind-out-file={out}",
        str(real_interpreter()),
        str(Path(__file__).resolve()),
        "--scenario",
        scenario,
        "--scans",
        str(options.scans),
        "--orders",
        str(options.orders),
    ]
    child = {"position": position, "library": str(library), "counts": str(counts_file)}
    # A fixed hash seed: the same dict and set layouts, so the same instructions, run after run.
    env = {**os.environ, CHILD_ENV: json.dumps(child), "QT_QPA_PLATFORM": "offscreen", "PYTHONHASHSEED": "0"}
    with log.open("w", encoding="utf-8") as sink:
        done = subprocess.run(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    if done.returncode != 0 or not out.exists() or not counts_file.exists():
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:])
        raise RuntimeError(f"the valgrind run of {scenario}/{position} failed ({done.returncode}):\n{tail}")
    scans = int(json.loads(counts_file.read_text(encoding="utf-8")).get(position, 0))
    top: tuple[tuple[str, int], ...] = ()
    if options.top:
        top = tuple(annotate_top(out, options.top))
    return Counted(scans=scans, instructions=read_totals(out), top=top)


def annotate_top(path: Path, count: int) -> list[tuple[str, int]]:
    """The `count` functions with most inclusive instructions in a callgrind output file."""
    done = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--auto=no", "--threshold=100", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return where_the_work_goes(parse_annotate(done.stdout), count)


def measure(options: argparse.Namespace) -> list[ScenarioResult]:
    if shutil.which("valgrind") is None:
        raise SetupError("valgrind is not installed (Debian: apt-get install valgrind)")
    if options.top and shutil.which("callgrind_annotate") is None:
        raise SetupError("--top needs callgrind_annotate (it comes with valgrind)")
    with tempfile.TemporaryDirectory(prefix="scan-instructions-") as name:
        folder = Path(name)
        if options.keep is not None:
            options.keep.mkdir(parents=True, exist_ok=True)
            folder = options.keep
        library = compile_helper(folder)
        jobs = [(scenario, position) for scenario in options.scenario for position in POSITIONS[scenario]]
        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            futures = {
                job: pool.submit(_run_position, job[0], job[1], options, library, folder) for job in jobs
            }
            counted = {job: future.result() for job, future in futures.items()}
    return [
        ScenarioResult(
            scenario,
            options.scans,
            {position: counted[(scenario, position)] for position in POSITIONS[scenario]},
        )
        for scenario in options.scenario
    ]


# --- the child: the scans under valgrind --------------------------------------------------------


def _position_of(index: int, total: int) -> str:
    """An order's scan's position; an order's only scan is its first."""
    if index == 0:
        return "first"
    return "last" if index == total - 1 else "mid"


def run_child(spec: dict[str, str], scenario: str, scans: int, orders: int) -> None:
    """Runs the scenario with packing_bench's scan step wrapped: the scans at `spec`'s position
    collected by callgrind, every scan's position counted into `spec["counts"]`."""
    import asyncio
    import ctypes
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import packing_bench
    from PySide6.QtWidgets import QApplication

    toggle: Callable[[], None] = ctypes.CDLL(spec["library"]).toggle_collect
    wanted = spec["position"]
    timed_scan = packing_bench._timed_scan
    counts: Counter[str] = Counter()
    order: dict[str, Any] = {"desk": None, "index": 0, "total": 0}

    def scans_of(desk: Any) -> int:
        if scenario == "coded":
            # The packer's scans of this order as the scenario makes them (a throwaway generator:
            # only their number matters).
            return len(packing_bench._coded_scans(desk, random.Random(0)))
        return sum(line.count for line in desk.order.lines)

    def position(desk: Any, text: str) -> str:
        if scenario == "undo":
            return "undo" if text == "PS:UNDO" else "item"
        if desk is not order["desk"]:
            order.update(desk=desk, index=0, total=scans_of(desk))
        index = order["index"]
        order["index"] = index + 1
        return _position_of(index, order["total"])

    def counted_scan(desk: Any, text: str, journal: Any, paint: str, into: Any) -> None:
        at = position(desk, text)
        counts[at] += 1
        if at != wanted:
            timed_scan(desk, text, journal, paint, into)
            return
        toggle()
        try:
            timed_scan(desk, text, journal, paint, into)
        finally:
            toggle()

    packing_bench._timed_scan = counted_scan
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if scenario == "stream":
        asyncio.run(packing_bench.stream_latency(scans, orders, "policy"))
    elif scenario == "coded":
        asyncio.run(packing_bench.coded_latency(scans, orders, "policy"))
    else:
        asyncio.run(packing_bench.scan_latency(scans, orders, "policy"))
    Path(spec["counts"]).write_text(json.dumps(dict(counts)), encoding="utf-8")
    del app


# --- the command line ---------------------------------------------------------------------------


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--scenario",
        nargs="+",
        choices=tuple(POSITIONS),
        default=["stream"],
        help="packing_bench's scenarios: small orders packed whole (stream), orders of marked goods, "
        "barcode then Chestny Znak code per unit (coded), item scans and UNDO alternating (undo)",
    )
    parser.add_argument(
        "--scans", type=_positive, default=150, help="scans per scenario (all run, some counted)"
    )
    parser.add_argument("--orders", type=_positive, default=300, help="orders in the list shown meanwhile")
    parser.add_argument("--jobs", type=_positive, default=2, help="valgrind runs at a time")
    parser.add_argument("--top", type=int, default=0, metavar="N", help="the N costliest functions")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep callgrind's output files (one per position, for callgrind_annotate or kcachegrind) "
        "and the runs' logs in DIR",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the figures to FILE")
    parser.add_argument("--compare", type=Path, metavar="FILE", help="a saved run (--json) to compare with")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    child = os.environ.get(CHILD_ENV)
    if child:
        run_child(json.loads(child), options.scenario[0], options.scans, options.orders)
        return 0
    reference = json.loads(options.compare.read_text(encoding="utf-8")) if options.compare else None
    started = time.monotonic()
    commit = _git_commit()  # the code measured: the tree as the runs start
    try:
        results = measure(options)
    except SetupError as error:
        print(f"scan_instructions: {error}", file=sys.stderr)
        return 2
    if reference is not None:
        print(f"compared with {options.compare} ({reference.get('date')}, commit {reference.get('commit')})")
    for result in results:
        print(report_line(result, reference))
        note = mismatch(result, options.orders, reference) if reference is not None else None
        if note is not None:
            print(note)
        print(counts_line(result))
        for line in top_lines(result, options.top):
            print(line)
    print(f"({options.orders} orders listed; {time.monotonic() - started:.0f} s under valgrind)")
    if options.json is not None:
        options.json.write_text(
            json.dumps(to_json(results, options.orders, commit), indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
