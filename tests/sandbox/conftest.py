"""The HTTP client fixture of the sandbox rule tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.fixtures.log_scan import TEST_API_KEY
from tests.fixtures.sandbox import SandboxServer


@pytest.fixture
def api(sandbox_server: SandboxServer) -> Iterator[httpx.Client]:
    """A real-HTTP client on the sandbox, with an Api-Key."""
    with httpx.Client(base_url=sandbox_server.url, headers={"Api-Key": TEST_API_KEY}, timeout=10) as client:
        yield client
