"""Suite-wide setup: offscreen Qt before any Qt import, an in-memory keyring, the qasync event
loop for async tests (see tests/fixtures/qt.py), and a scan of every log line for the test API
key and full marking codes (tests/fixtures/log_scan.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # for subprocesses
os.environ.setdefault("PACKSTATION_NO_SOUND", "1")
os.environ.pop("PACKSTATION_API_KEY", None)

pytest_plugins = [
    "tests.fixtures.qt",
    "tests.fixtures.keyring_memory",
    "tests.fixtures.sandbox",
    "tests.fixtures.cups",
    "tests.fixtures.log_scan",
    "tests.fixtures.postgres",
]
