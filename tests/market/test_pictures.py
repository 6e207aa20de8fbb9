"""Product pictures: fetched once per URL, over one TLS context built off the event loop's thread."""

from __future__ import annotations

import asyncio
import ssl
import threading

import httpx
import pytest
import respx

from packstation.market import pictures as pictures_module
from packstation.market.pictures import PictureFetcher

pytestmark = [pytest.mark.asyncio]


async def test_the_tls_context_is_built_once_in_a_worker_thread_and_shared_by_every_fetch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built_in: list[int] = []
    real = httpx.create_ssl_context

    def recording() -> ssl.SSLContext:
        built_in.append(threading.get_ident())
        return real()

    monkeypatch.setattr(pictures_module.httpx, "create_ssl_context", recording)
    with respx.mock(assert_all_called=False) as router:
        picture = httpx.Response(200, content=b"png")
        router.get(url__regex=r"https://img\.example/.*\.png").mock(return_value=picture)
        fetcher = PictureFetcher()
        # Two orders' first pictures at once, then more: one context for all of them.
        first = await asyncio.gather(
            fetcher.fetch("https://img.example/a.png"), fetcher.fetch("https://img.example/b.png")
        )
        assert first == [b"png", b"png"]
        assert await fetcher.fetch("https://img.example/c.png") == b"png"
        context = await fetcher.tls_context()

    assert len(built_in) == 1
    assert built_in[0] != threading.get_ident()  # not on the event loop's (the GUI) thread
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode is ssl.CERT_REQUIRED  # httpx's default verification, unchanged
