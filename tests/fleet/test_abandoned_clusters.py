"""The private PostgreSQL fixture cleans up after a killed test run: a cluster whose test process
is gone is stopped and deleted when the next run starts one; a live run's cluster is left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

from tests.fixtures.postgres import PostgresCluster, _alive, _start_cluster, _unavailable, sweep_abandoned


def _cluster() -> PostgresCluster:
    try:
        return _start_cluster()
    except Exception as exc:
        _unavailable(str(exc))
        raise


def _server_pid(cluster: PostgresCluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


def test_a_cluster_whose_test_run_is_gone_is_stopped_and_deleted() -> None:
    abandoned, kept = _cluster(), _cluster()
    try:
        finished = subprocess.Popen(["true"])
        finished.wait()  # a test process that was killed: its pid is free
        (abandoned.root / "owner.pid").write_text(str(finished.pid))
        (kept.root / "owner.pid").write_text(str(os.getppid()))  # another run, still going
        server = _server_pid(abandoned)
        assert _alive(server)

        swept = sweep_abandoned(abandoned.root.parent)

        assert abandoned.root in swept
        assert not abandoned.root.exists()
        deadline = time.monotonic() + 10
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(server)
        assert kept.root not in swept
        assert _alive(_server_pid(kept))
    finally:
        for cluster in (abandoned, kept):
            if (cluster.data / "postmaster.pid").exists():
                cluster.stop("immediate")
            shutil.rmtree(cluster.root, ignore_errors=True)
