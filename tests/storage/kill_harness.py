"""Running `tests/storage/kill_worker.py` processes and SIGKILLing them at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class WorkerArgs:
    """What every worker of one test gets (the data dir differs per run)."""

    url: str
    script_file: Path
    pace_ms: float = 1.0
    submit: bool = False


def spawn(data_dir: Path, order_id: int, args: WorkerArgs) -> subprocess.Popen[str]:
    """Start a worker; it imports everything, prints READY and waits for `go`."""
    data_dir.mkdir()
    argv = [str(data_dir), args.url, str(order_id), str(args.script_file), str(args.pace_ms)]
    if args.submit:
        argv.append("submit")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.kill_worker", *argv],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def go(worker: subprocess.Popen[str]) -> None:
    """Wait for READY, then let the worker start."""
    assert worker.stdin is not None
    assert worker.stdout is not None
    ready = worker.stdout.readline()
    assert ready.strip() == "READY", worker.communicate(timeout=30)[1][-2000:]
    worker.stdin.write("GO\n")
    worker.stdin.flush()


def kill_after(worker: subprocess.Popen[str], target: int, delay: float) -> int:
    """SIGKILL the worker `delay` seconds after its `ACK target` (target -1: after GO).

    Returns:
        The last step the worker acknowledged (-1: none).
    """
    assert worker.stdout is not None
    assert worker.stderr is not None
    seen: list[str] = []
    if target >= 0:
        while line := worker.stdout.readline():
            seen.append(line.strip())
            if line.startswith((f"ACK {target}\n", "DONE")):
                break
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    # Read through the same buffered pipe objects: communicate() would bypass their buffers
    # and lose ACK lines already read ahead.
    seen += worker.stdout.read().split("\n")
    errors = worker.stderr.read()
    worker.wait(timeout=30)
    for pipe in (worker.stdin, worker.stdout, worker.stderr):
        if pipe is not None:
            pipe.close()
    assert worker.returncode == -signal.SIGKILL or "DONE" in seen, f"worker failed: {errors[-2000:]}"
    acks = [int(line.split()[1]) for line in seen if line.startswith("ACK ")]
    return acks[-1] if acks else -1


def kill_seed() -> int:
    """The seed of this run (`KILL_TEST_SEED` reproduces a failure)."""
    return int(os.environ.get("KILL_TEST_SEED", random.randrange(1_000_000)))
