"""Suite-wide setup: offscreen Qt before any Qt import, an in-memory keyring, and the qasync
event loop for async tests (see tests/fixtures/qt.py)."""

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
    "tests.fixtures.postgres",
]
