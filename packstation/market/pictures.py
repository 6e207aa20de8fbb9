"""Product pictures from the catalogue's URLs (`services.ports.PicturePort`).

Pictures are a nicety: a picture that cannot be had is None and packing goes on without it.
Each URL is fetched once per run. The TLS context (the CA bundle loaded and parsed: ~20 ms) is
built once, in a worker thread: built per fetch on the event loop's thread, it held the GUI
thread for 20-40 ms each time an order opened (issue 19, `bench/stall_bench.py`).
"""

from __future__ import annotations

import asyncio
import logging
import ssl

import httpx

log = logging.getLogger("packstation.market")
PICTURE_TIMEOUT_S = 5.0
MAX_PICTURE_BYTES = 5_000_000


class PictureFetcher:
    """Fetches and caches product pictures.

    Args:
        transport: the HTTP transport (tests pass an in-process one); the default network one
            when None.
    """

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._transport = transport
        self._cache: dict[str, bytes | None] = {}
        self._tls: ssl.SSLContext | None = None
        self._building: asyncio.Future[ssl.SSLContext] | None = None
        self._warming: asyncio.Future[ssl.SSLContext] | None = None  # `warm_up`'s, kept referenced

    def warm_up(self) -> None:
        """Start building the TLS context now, in its worker thread, while the station is idle:
        built at the first fetch, it took the GIL from the first order's opening for ~3-4 ms
        (issue 19)."""
        if self._tls is None and self._warming is None:
            self._warming = asyncio.ensure_future(self.tls_context())
            self._warming.add_done_callback(_quietly)

    async def tls_context(self) -> ssl.SSLContext:
        """httpx's default TLS context (CA bundle, `SSL_CERT_FILE`/`SSL_CERT_DIR`), built once in a
        worker thread; concurrent first fetches share it."""
        if self._tls is None:
            building = self._building
            if building is None or building.get_loop() is not asyncio.get_running_loop():
                building = self._building = asyncio.ensure_future(asyncio.to_thread(httpx.create_ssl_context))
            try:
                self._tls = await asyncio.shield(building)
            except BaseException:
                if self._building is building and building.done():
                    self._building = None  # failed: the next call builds it again
                raise
        return self._tls

    async def fetch(self, url: str) -> bytes | None:
        """The picture at `url` (cached; None when it cannot be had or is too large)."""
        if url in self._cache:
            return self._cache[url]
        try:
            verify = await self.tls_context()
        except OSError as error:  # the CA bundle could not be loaded (ssl.SSLError): tried again next time
            log.info("product pictures unavailable: no TLS context: %s", error)
            return None
        data: bytes | None = None
        try:
            async with httpx.AsyncClient(
                timeout=PICTURE_TIMEOUT_S, follow_redirects=True, transport=self._transport, verify=verify
            ) as client:
                response = await client.get(url)
                response.raise_for_status()
                data = response.content if len(response.content) <= MAX_PICTURE_BYTES else None
        except httpx.HTTPError as error:
            log.info("product picture unavailable (%s): %s", url, type(error).__name__)
        self._cache[url] = data
        return data


def _quietly(future: asyncio.Future[ssl.SSLContext]) -> None:
    """A warm-up that failed: the first fetch builds the context again, and says why."""
    if not future.cancelled() and future.exception() is not None:
        log.info("TLS context for pictures not built ahead: %s", future.exception())
