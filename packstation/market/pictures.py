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

    async def tls_context(self) -> ssl.SSLContext:
        """httpx's default TLS context (CA bundle, `SSL_CERT_FILE`/`SSL_CERT_DIR`), built once in a
        worker thread; concurrent first fetches share it."""
        if self._tls is None:
            building = self._building
            if building is None or building.get_loop() is not asyncio.get_running_loop():
                building = self._building = asyncio.ensure_future(asyncio.to_thread(httpx.create_ssl_context))
            self._tls = await asyncio.shield(building)
        return self._tls

    async def fetch(self, url: str) -> bytes | None:
        """The picture at `url` (cached; None when it cannot be had or is too large)."""
        if url in self._cache:
            return self._cache[url]
        data: bytes | None = None
        try:
            verify = await self.tls_context()
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
