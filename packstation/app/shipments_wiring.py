"""Builds the Shipments window: the shipments service over the Market, the packing desk's journal
and the documents printer (Settings: the second printer role, A4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from packstation.app.packing import PackingWiring
from packstation.domain.time import moscow_today
from packstation.printing.factory import make_printer, virtual_folder
from packstation.services.ports import ShipmentsPort
from packstation.services.shipments import ShipmentsService
from packstation.settings import AppSettings
from packstation.ui.packing_view import TaskRunnerLike
from packstation.ui.shipments_view import ShipmentsView


class _JournalReader:
    """`PackedOrdersPort` over the packing desk's store, once it is open."""

    def __init__(self, packing: PackingWiring) -> None:
        self.packing = packing

    def is_finished(self, order_id: int) -> bool:
        store = self.packing.store
        return store is not None and store.journal.is_finished(order_id)




def build_shipments_view(
    market: ShipmentsPort,
    packing: PackingWiring,
    tasks: TaskRunnerLike,
    settings: AppSettings,
    data_dir: Path,
    *,
    show_info: Callable[[str], None],
    show_error: Callable[[str], None],
    today: Callable[[], date] = moscow_today,
) -> ShipmentsView:
    printing = settings.printing
    printer = make_printer(printing.documents, virtual_folder(printing, data_dir))
    store = packing.store
    service = ShipmentsService(market, _JournalReader(packing), printer, store.audit if store else None)
    view = ShipmentsView(
        service,
        tasks,
        today=today,
        save_folder=data_dir / "documents",
        show_info=show_info,
        show_error=show_error,
        label_format=printing.label_format,
    )
    view.order_requested.connect(packing.desk.open_order)
    return view
