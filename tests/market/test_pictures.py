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


@pytest.fixture
def built_in(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads TLS contexts are built in, one entry per context built."""
    threads: list[int] = []
    real = httpx.create_ssl_context

    def recording() -> ssl.SSLContext:
        threads.append(threading.get_ident())
        return real()

    monkeypatch.setattr(pictures_module.httpx, "create_ssl_context", recording)
    return threads


async def test_the_tls_context_is_built_once_in_a_worker_thread_and_shared_by_every_fetch(
    built_in: list[int],
) -> None:
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


async def test_warm_up_builds_the_context_ahead_and_the_first_fetch_uses_it(built_in: list[int]) -> None:
    fetcher = PictureFetcher()
    fetcher.warm_up()
    fetcher.warm_up()  # once is enough: the second asks for nothing more
    for _ in range(200):  # the worker thread builds it while the loop runs on
        if built_in and fetcher._tls is not None:
            break
        await asyncio.sleep(0.01)
    assert len(built_in) == 1
    assert built_in[0] != threading.get_ident()
    with respx.mock(assert_all_called=False) as router:
        router.get("https://img.example/a.png").mock(return_value=httpx.Response(200, content=b"png"))
        assert await fetcher.fetch("https://img.example/a.png") == b"png"
    assert len(built_in) == 1  # the fetch used the context built ahead


async def test_a_warm_up_that_fails_is_said_and_the_fetch_tries_again(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = httpx.create_ssl_context

    def broken() -> ssl.SSLContext:
        raise ssl.SSLError("no CA bundle")

    monkeypatch.setattr(pictures_module.httpx, "create_ssl_context", broken)
    fetcher = PictureFetcher()
    with caplog.at_level("INFO", logger="packstation.market"):
        fetcher.warm_up()
        for _ in range(200):
            if fetcher._warming is not None and fetcher._warming.done():
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0)
    assert "not built ahead" in caplog.text
    assert await fetcher.fetch("https://img.example/a.png") is None  # no picture, no crash
    monkeypatch.setattr(pictures_module.httpx, "create_ssl_context", real)
    with respx.mock(assert_all_called=False) as router:
        router.get("https://img.example/a.png").mock(return_value=httpx.Response(200, content=b"png"))
        assert await fetcher.fetch("https://img.example/a.png") == b"png"
