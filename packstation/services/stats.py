"""Order statistics (seed 003): a checked query, every page of `stats/orders` (≤200 orders a
page) with progress and a way to stop, totals per day and status, and a CSV export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from packstation.domain.errors import DomainError
from packstation.domain.stats import PAGE_LIMIT, StatsOrder, StatsQuery, Totals, to_csv, totals
from packstation.services.ports import OfficePort


@dataclass(frozen=True, slots=True)
class StatsResult:
    query: StatsQuery
    orders: tuple[StatsOrder, ...]
    complete: bool  # False when stopped before the last page
    pages: int

    @property
    def totals(self) -> Totals:
        first = self.query.date_from if not self.query.by_update else self.query.update_from
        last = self.query.date_to if not self.query.by_update else self.query.update_to
        return totals(self.orders, first, last)

    def csv(self) -> str:
        return to_csv(self.orders)


class StatsService:
    """Reads statistics through the office port.

    `load` may be stopped with `cancel()` between pages; what was read so far is kept.
    """

    def __init__(self, port: OfficePort, *, page_limit: int = PAGE_LIMIT) -> None:
        self.port = port
        self.page_limit = min(page_limit, PAGE_LIMIT)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    async def load(
        self, query: StatsQuery, on_progress: Callable[[int, int], None] | None = None
    ) -> StatsResult:
        """Every page of orders matching `query`; `on_progress(pages, orders)` after each page.
        A query the Market would refuse raises `DomainError` before anything is sent."""
        problem = query.problem()
        if problem is not None:
            raise DomainError(problem)
        self._cancelled = False
        orders: list[StatsOrder] = []
        token: str | None = None
        pages = 0
        while True:
            page = await self.port.stats_page(query, token, self.page_limit)
            pages += 1
            orders.extend(page.orders)
            if on_progress is not None:
                on_progress(pages, len(orders))
            token = page.next_token
            if token is None:
                return StatsResult(query, tuple(orders), True, pages)
            if self._cancelled:
                return StatsResult(query, tuple(orders), False, pages)
