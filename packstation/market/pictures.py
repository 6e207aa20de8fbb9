"""Product pictures from the catalogue's URLs (`services.ports.PicturePort`).

Pictures are a nicety: a picture that cannot be had is None and packing goes on without it.
Each URL is fetched once per run.
"""

from __future__ import annotations

import logging

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

    async def fetch(self, url: str) -> bytes | None:
        """The picture at `url` (cached; None when it cannot be had or is too large)."""
        if url in self._cache:
            return self._cache[url]
        data: bytes | None = None
        try:
            async with httpx.AsyncClient(
                timeout=PICTURE_TIMEOUT_S, follow_redirects=True, transport=self._transport
            ) as client:
                response = await client.get(url)
                response.raise_for_status()
                data = response.content if len(response.content) <= MAX_PICTURE_BYTES else None
        except httpx.HTTPError as error:
            log.info("product picture unavailable (%s): %s", url, type(error).__name__)
        self._cache[url] = data
        return data
