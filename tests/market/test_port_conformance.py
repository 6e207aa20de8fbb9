"""MarketGateway satisfies `services.ports.MarketPort` structurally, checked the way the
services will use it: by the type checker (a runtime Protocol check would only see names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

REPO = Path(__file__).resolve().parents[2]

SNIPPET = """
from packstation.market.client import MarketClient
from packstation.market.gateway import MarketGateway
from packstation.services.ports import MarketPort, ShipmentsPort


def bind(client: MarketClient) -> MarketPort:
    return MarketGateway(client, 1001, 2001)


def bind_shipments(client: MarketClient) -> ShipmentsPort:
    return MarketGateway(client, 1001, 2001)
"""


@pytest.mark.slow
def test_gateway_is_a_market_port_for_mypy(tmp_path: Path) -> None:
    module = tmp_path / "port_check.py"
    module.write_text(SNIPPET, encoding="utf-8")
    stdout, stderr, status = api.run(
        ["--strict", "--config-file", str(REPO / "pyproject.toml"), "--no-incremental", str(module)]
    )
    assert status == 0, stdout + stderr


def test_gateway_has_every_port_method() -> None:
    from packstation.market.gateway import MarketGateway
    from packstation.services.ports import MarketPort, ShipmentsPort

    wanted = {name for name in [*vars(MarketPort), *vars(ShipmentsPort)] if not name.startswith("_")}
    assert wanted <= set(dir(MarketGateway))
