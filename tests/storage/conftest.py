"""Fixtures of the storage tests: a local store on a temporary data dir with a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.storage.local_store import LocalStore, open_local_store
from tests.storage.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[LocalStore]:
    opened = open_local_store(tmp_path, station="Desk 3", packer="Ирина", clock=clock)
    yield opened
    opened.close()
