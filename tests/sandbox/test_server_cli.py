"""`packstation sandbox`: the standalone server and its option checks."""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
import pytest

from packstation.cli import build_parser
from packstation.sandbox.server import serve_cli

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_bad_fault_spec_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["sandbox", "--faults", "jitter=1"])
    assert serve_cli(args) == 2
    err = capsys.readouterr().err
    assert "Неверный параметр --faults" in err
    assert "Invalid --faults" in err


def test_bad_port_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        serve_cli(argparse.Namespace(port=70000, host="127.0.0.1", seed=1, faults="", strict_key=None)) == 2
    )
    assert "Invalid port" in capsys.readouterr().err


def test_bad_clock_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["sandbox", "--clock", "tomorrow"])
    assert serve_cli(args) == 2
    assert "Invalid --clock: tomorrow" in capsys.readouterr().err


def test_bad_order_count_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["sandbox", "--order-count", "0"])
    assert serve_cli(args) == 2
    assert "--order-count must be at least 1" in capsys.readouterr().err


@pytest.mark.slow
def test_standalone_server_with_strict_key() -> None:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "packstation",
            "sandbox",
            "--port",
            str(port),
            "--seed",
            "2",
            "--strict-key",
            "s3",
            "--order-count",
            "120",
            "--clock",
            "+2d",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/_sandbox/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, "the sandbox exited"
            assert time.monotonic() < deadline, "the sandbox did not start"
            time.sleep(0.1)
        assert httpx.get(f"{url}/v2/campaigns", headers={"Api-Key": "nope"}).status_code == 403
        response = httpx.get(f"{url}/v2/campaigns", headers={"Api-Key": "s3"})
        assert [c["id"] for c in response.json()["campaigns"]] == [2001, 2002, 2003]
        ahead = parsedate_to_datetime(response.headers["date"]) - datetime.now(UTC)
        assert timedelta(hours=47) < ahead < timedelta(hours=49)  # --clock +2d
        stats = httpx.post(
            f"{url}/v2/campaigns/2001/stats/orders",
            params={"limit": "200"},
            json={},
            headers={"Api-Key": "s3"},
        ).json()["result"]["orders"]
        dbs = httpx.post(f"{url}/v2/campaigns/2002/stats/orders", json={}, headers={"Api-Key": "s3"})
        assert len(stats) + len(dbs.json()["result"]["orders"]) == 120
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=20)
    assert process.returncode == 0
    assert f"http://127.0.0.1:{port}" in out
    assert "seed 2" in out
