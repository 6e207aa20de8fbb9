"""The emulated Market's state and rules: orders, box layouts, marking-code verification, status
transitions, Express handover, labels reports, LaaS operations, and the events a desk must
survive (buyer cancels, moved shipment date, new order), triggered from Python by tests and
demo mode.

Every public method takes the lock: the HTTP server runs in another thread than the tests.
"""

from __future__ import annotations

import itertools
import random
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from packstation.sandbox import codes, demo_data, laas
from packstation.sandbox.config import SandboxConfig
from packstation.sandbox.errors import ApiError, bad_request
from packstation.sandbox.first_mile import Shipment, schedule
from packstation.sandbox.layout import check_layout, mandatory_kinds
from packstation.sandbox.model import Box, CodeRecord, Eac, LaasDelivery, Order, Recipient, shipment_id_for
from packstation.sandbox.request_log import RequestLog

COURIER_STAGES = (
    "READY_TO_SHIP",
    "COURIER_SEARCH",
    "COURIER_FOUND",
    "COURIER_IN_TRANSIT_TO_SENDER",
    "COURIER_ARRIVED_TO_SENDER",
)
EAC_TYPES = ("COURIER_TO_MERCHANT", "CHECKING_BY_MERCHANT", "MERCHANT_TO_COURIER")
EAC_STAGES = ("COURIER_FOUND", "COURIER_IN_TRANSIT_TO_SENDER", "COURIER_ARRIVED_TO_SENDER")
TERMINAL = ("CANCELLED", "DELIVERED", "RETURNED", "PARTIALLY_RETURNED")
FIRST_BOX_ID = 300_000_001


@dataclass(slots=True)
class Campaign:
    id: int
    name: str
    placement: str  # FBS / DBS / LAAS


@dataclass(slots=True)
class Report:
    """A mass-labels report: PENDING until `ready_at`, then DONE with its PDF."""

    id: str
    order_ids: list[int]
    label_format: str
    requested_at: datetime
    ready_at: datetime
    missing: bool = False
    kind: str = "labels"  # or "shipment-list"


@dataclass(slots=True)
class Operation:
    """An asynchronous LaaS operation: IN_PROGRESS until `done_at`, when its change is applied
    (`apply` returns a reason when the change cannot be made any more: the operation FAILED)."""

    id: str
    type: str
    order_id: int
    done_at: datetime
    apply: Callable[[], str | None] | None = None
    status: str = "IN_PROGRESS"
    failure: str = ""


@dataclass(slots=True)
class CodeView:
    """One code's reported state."""

    line_id: int
    kind: str
    value: str
    status: str
    substatus: str | None = None


@dataclass(slots=True)
class StatusResult:
    order: Order | None
    error_code: str | None = None
    error_message: str | None = None
    operation: Operation | None = None  # LaaS: the change is applied by this operation


class Sandbox:
    """The stateful Market emulator behind `create_app`; tests and demo mode drive events here."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        self.clock = self.config.clock
        self.seed = self.config.seed
        self.catalogue = demo_data.build_catalogue(self.seed)
        self.code_stock = demo_data.build_code_stock(self.seed, self.catalogue)
        self.campaigns = {
            demo_data.DEMO_CAMPAIGN_ID: Campaign(demo_data.DEMO_CAMPAIGN_ID, demo_data.DEMO_SHOP_NAME, "FBS"),
            demo_data.DEMO_DBS_CAMPAIGN_ID: Campaign(demo_data.DEMO_DBS_CAMPAIGN_ID, "Ромашка DBS", "DBS"),
            demo_data.DEMO_LAAS_CAMPAIGN_ID: Campaign(
                demo_data.DEMO_LAAS_CAMPAIGN_ID, "Ромашка LaaS", "LAAS"
            ),
        }
        self._lock = threading.RLock()
        self._rng = random.Random(f"events-{self.seed}")
        self._factory = demo_data.OrderFactory(self.seed, self.catalogue)
        self._box_ids = itertools.count(FIRST_BOX_ID)
        self._report_ids = itertools.count(1)
        self._operation_ids = itertools.count(800_000_001)
        self.orders: dict[int, Order] = {}
        self.reports: dict[str, Report] = {}
        self.operations: dict[str, Operation] = {}
        self.stocks = laas.build_stocks(self.catalogue)  # LaaS warehouses: id -> offer -> units
        self.shipments: dict[int, Shipment] = {}  # first-mile shipments met so far, by id
        self.received = RequestLog()  # every Market request, faulted ones included
        now = self.clock.now()
        self.opened_at = now
        for order in demo_data.build_orders(self._factory, now, self.config.order_count):
            self._admit(order)
        if self.config.laas_history:
            self._seed_laas_history()
        self._cover_first_mile(now.date())

    def _cover_first_mile(self, today: date) -> None:
        # Whatever the seed and the hour, today's shipment (past its cutoff) and tomorrow's (on
        # pallets) hold orders: the first FBS orders of the demo set are moved there if needed.
        fbs = [
            o
            for o in self.orders.values()
            if o.program == "FBS" and o.campaign_id == demo_data.DEMO_CAMPAIGN_ID
        ]
        for index, day in enumerate((today, today + timedelta(days=1))):
            if fbs and not any(o.shipment_date == day for o in fbs):
                fbs[min(index, len(fbs) - 1)].shipment_date = day

    # -- lookups ---------------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    def shipment(self, day: date) -> Shipment:
        """The first-mile shipment of a shipment date (planned when first met)."""
        with self._lock:
            shipment_id = shipment_id_for(day)
            if shipment_id not in self.shipments:
                self.shipments[shipment_id] = schedule(shipment_id, day, self.opened_at)
            return self.shipments[shipment_id]

    def campaign(self, campaign_id: int) -> Campaign:
        """The campaign, or 403 as the Market answers for a store the key cannot see."""
        campaign = self.campaigns.get(campaign_id)
        if campaign is None:
            raise ApiError(403, "FORBIDDEN", f"Access denied to campaign {campaign_id}")
        return campaign

    def check_business(self, business_id: int) -> None:
        if business_id != demo_data.DEMO_BUSINESS_ID:
            raise ApiError(403, "FORBIDDEN", f"Access denied to business {business_id}")

    def order(self, campaign_id: int, order_id: int) -> Order:
        """The order of this campaign, brought up to date with the clock; 404 if unknown."""
        with self._lock:
            self.campaign(campaign_id)
            order = self.orders.get(order_id)
            if order is None or order.campaign_id != campaign_id:
                raise ApiError(404, "NOT_FOUND", f"Order {order_id} not found")
            self._refresh(order)
            return order

    def find(self, order_id: int) -> Order:
        """Any order by id (for events); KeyError if unknown."""
        with self._lock:
            order = self.orders[order_id]
            self._refresh(order)
            return order

    def all_orders(self, campaign_ids: Iterable[int] | None = None) -> list[Order]:
        with self._lock:
            wanted = set(campaign_ids) if campaign_ids is not None else None
            result = [o for o in self.orders.values() if wanted is None or o.campaign_id in wanted]
            for order in result:
                self._refresh(order)
            return result

    # -- packing -------------------------------------------------------------------------------

    def set_layout(self, campaign_id: int, order_id: int, body: Any) -> list[Box]:
        """`PUT .../boxes`: validate the whole request, then store boxes, codes and removals."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            self._require_editable(order)
            accepted = check_layout(order, body, self._codes_elsewhere(order))
            now = self.now()
            for line in order.lines:
                removed = line.count - accepted.new_counts[line.id]
                if removed:
                    order.removed_units += removed
                    line.count -= removed
            order.lines = [line for line in order.lines if line.count > 0]
            order.boxes = [Box(next(self._box_ids), items) for items in accepted.boxes]
            old = {(r.line_id, r.kind, r.value): r for r in order.codes}
            records: list[CodeRecord] = []
            for line in order.lines:
                line.instances = []
            for unit in accepted.unit_codes:
                owner = order.line(unit.line_id)
                if owner is None:
                    continue
                instance = {unit.kind: unit.value}
                if unit.country_code:
                    instance["countryCode"] = unit.country_code
                owner.instances.append(instance)
                if unit.kind in ("cis", "uin"):
                    key = (unit.line_id, unit.kind, unit.value)
                    records.append(
                        old.get(key) or self._new_record(order, unit.line_id, unit.kind, unit.value)
                    )
            order.codes = records
            order.updated_at = now
            return order.boxes

    def set_identifiers(self, campaign_id: int, order_id: int, body: Any) -> Order:
        """`PUT .../identifiers` (DBS only): one instance per unit, stored without GIS MT checks."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            if order.program != "DBS":
                raise bad_request(
                    "ACTION_FORBIDDEN", "Use PUT .../boxes to send codes for FBS and Express orders"
                )
            self._require_editable(order)
            items = body.get("items") if isinstance(body, dict) else None
            if not isinstance(items, list) or not items:
                raise bad_request("BAD_REQUEST", "items must be a non-empty array")
            layout_items = []
            for item in items:
                line_id = item.get("id") if isinstance(item, dict) else None
                line = order.line(line_id) if isinstance(line_id, int) else None
                if line is None:
                    raise bad_request("ITEM_NOT_FOUND", f"order {order.id} has no item {item!r}")
                layout_items.append(
                    {"id": line.id, "fullCount": line.count, "instances": item.get("instances")}
                )
            kept = [
                {"id": line.id, "fullCount": line.count}
                for line in order.lines
                if line.id not in {i["id"] for i in layout_items}
            ]
            boxes = order.boxes
            self.set_layout(campaign_id, order_id, {"boxes": [{"items": layout_items + kept}]})
            order.boxes = boxes  # identifiers do not change the stored layout
            return order

    def update_items(self, campaign_id: int, order_id: int, body: Any) -> None:
        """`PUT .../items` (DBS only): shorten the order; a left-out line or count 0 is removed."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            if order.program != "DBS":
                raise bad_request(
                    "ACTION_FORBIDDEN", "Use PUT .../boxes with allowRemove for FBS and Express orders"
                )
            if order.status != "PROCESSING" or order.substatus != "STARTED":
                raise bad_request("STATUS_NOT_ALLOWED", "Items can be changed only in PROCESSING/STARTED")
            items = body.get("items") if isinstance(body, dict) else None
            if not isinstance(items, list) or not items:
                raise bad_request("BAD_REQUEST", "items must be a non-empty array")
            counts: dict[int, int] = {}
            for item in items:
                line_id = item.get("id") if isinstance(item, dict) else None
                count = item.get("count") if isinstance(item, dict) else None
                if not isinstance(line_id, int) or not isinstance(count, int) or count < 0:
                    raise bad_request("BAD_REQUEST", "every item needs an integer id and count >= 0")
                if order.line(line_id) is None:
                    raise bad_request("ITEM_NOT_FOUND", f"order {order.id} has no item {line_id}")
                counts[line_id] = count
            entries = [
                {"id": line.id, "fullCount": counts[line.id]}
                for line in order.lines
                if counts.get(line.id, 0) > 0
            ]
            if not entries:
                raise bad_request(
                    "CANNOT_REMOVE_LAST_ITEM", "the only item cannot be removed: cancel the order"
                )
            boxes = order.boxes
            self.set_layout(campaign_id, order_id, {"boxes": [{"items": entries}], "allowRemove": True})
            order.boxes = boxes

    def set_external_id(self, campaign_id: int, order_id: int, external_id: Any) -> None:
        """Write-once external id, not after READY_TO_SHIP."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            if not isinstance(external_id, str) or not external_id:
                raise bad_request("BAD_REQUEST", "externalOrderId must be a non-empty string")
            if order.external_id is not None:
                raise bad_request("EXTERNAL_ORDER_ID_UPDATE_ERROR", "External order id is already set")
            if order.status != "PROCESSING" or order.substatus != "STARTED":
                raise bad_request(
                    "EXTERNAL_ORDER_ID_UPDATE_ERROR", "External order id can be set only before READY_TO_SHIP"
                )
            order.external_id = external_id
            order.updated_at = self.now()

    def code_views(self, order: Order) -> list[CodeView]:
        """Every sent CIS/UIN with its status now (NOT_ON_VALIDATION for DBS)."""
        now = self.now()
        views = []
        for record in order.codes:
            if record.verdict == "NOT_ON_VALIDATION":
                views.append(CodeView(record.line_id, record.kind, record.value, "NOT_ON_VALIDATION"))
            elif now < record.due:
                views.append(CodeView(record.line_id, record.kind, record.value, "IN_PROGRESS"))
            else:
                views.append(
                    CodeView(record.line_id, record.kind, record.value, record.verdict, record.substatus)
                )
        return views

    # -- statuses ------------------------------------------------------------------------------

    def update_status(self, campaign_id: int, order_id: int, status: Any, substatus: Any) -> Order:
        """`PUT .../status`: the seller's transitions, with the READY_TO_SHIP gate."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            if not isinstance(status, str) or (substatus is not None and not isinstance(substatus, str)):
                raise bad_request("BAD_REQUEST", "order.status is required")
            if order.status in TERMINAL:
                raise bad_request(
                    "ORDER_IN_TERMINAL_STATE", f"Order {order.id} is {order.status}/{order.substatus}"
                )
            if (status, substatus) == (order.status, order.substatus):
                return order  # a retry of a transition that already happened
            now = self.now()
            if status == "PROCESSING" and substatus == "READY_TO_SHIP":
                if order.substatus != "STARTED":
                    raise bad_request(
                        "STATUS_NOT_ALLOWED", f"Cannot go from {order.substatus} to READY_TO_SHIP"
                    )
                self._check_ready(order)
                order.ready_at = now
            elif status == "PROCESSING" and substatus == "STARTED" and order.status == "RESERVED":
                pass  # LaaS draft confirmation
            elif order.program == "LAAS" and order.status == "PROCESSING" and status == "PROCESSING":
                raise bad_request("STATUS_NOT_ALLOWED", "A LaaS order is processed by the Market")
            elif status == "CANCELLED":
                if substatus == "USER_UNREACHABLE":
                    raise bad_request(
                        "USER_UNREACHABLE_NOT_ALLOWED", "Call rules for USER_UNREACHABLE are not met"
                    )
                if substatus != "SHOP_FAILED":
                    raise bad_request(
                        "SUBSTATUS_NOT_ALLOWED", f"Sellers cancel with SHOP_FAILED, not {substatus}"
                    )
                if order.status == "RESERVED":
                    pass
                elif order.status != "PROCESSING" or order.substatus not in ("STARTED", "READY_TO_SHIP"):
                    raise bad_request("STATUS_NOT_ALLOWED", f"Cannot cancel an order in {order.substatus}")
            elif order.program == "DBS" and status in ("DELIVERY", "PICKUP", "DELIVERED"):
                allowed = {
                    "DELIVERY": ("PROCESSING",),
                    "PICKUP": ("DELIVERY",),
                    "DELIVERED": ("DELIVERY", "PICKUP"),
                }
                if order.status not in allowed[status] or (
                    order.status == "PROCESSING" and order.substatus != "READY_TO_SHIP"
                ):
                    raise bad_request("STATUS_NOT_ALLOWED", f"Cannot go from {order.status} to {status}")
                substatus = substatus or ("DELIVERY_SERVICE_RECEIVED" if status == "DELIVERY" else None)
            else:
                raise bad_request("STATUS_NOT_ALLOWED", f"Transition to {status}/{substatus} is not allowed")
            if order.program == "LAAS":  # applied asynchronously, see `laas_status_operation`
                return order
            order.status = status
            order.substatus = substatus or "UNKNOWN"
            order.updated_at = order.status_updated_at = now
            return order

    def laas_status_operation(self, order: Order, status: str, substatus: str | None) -> Operation:
        """The operation that applies an accepted LaaS status change (confirm or cancel)."""

        def apply() -> str | None:
            if (order.status, order.substatus) == (status, substatus or "UNKNOWN"):
                return None  # a repeated request: already applied
            if order.status in TERMINAL:
                return f"Order {order.id} is already {order.status}"
            if status == "PROCESSING" and order.status != "RESERVED":
                return f"Order {order.id} is {order.status}, not RESERVED"
            self._set_status(order, status, substatus or "UNKNOWN")
            return None

        return self.new_operation(order, "ORDER_STATUS_UPDATE", apply=apply)

    def _set_status(self, order: Order, status: str, substatus: str) -> None:
        if status == "CANCELLED":
            order.cancelled_from = order.status
        if status == "CANCELLED" and order.laas is not None:
            for line in order.lines:  # the reserved units go back on the shelf
                stock = self.stocks[order.laas.warehouse_id]
                stock[line.product.offer_id] = stock.get(line.product.offer_id, 0) + line.count
        order.status, order.substatus = status, substatus
        order.updated_at = order.status_updated_at = self.now()

    def update_statuses(self, campaign_id: int, body: Any) -> list[tuple[int, StatusResult]]:
        """`POST .../orders/status-update`: per-order results, partial failure inside HTTP 200."""
        with self._lock:
            self.campaign(campaign_id)
            orders = body.get("orders") if isinstance(body, dict) else None
            if not isinstance(orders, list) or not 1 <= len(orders) <= 30:
                raise bad_request("BAD_REQUEST", "orders must hold 1 to 30 entries")
            results = []
            for entry in orders:
                order_id = entry.get("id") if isinstance(entry, dict) else None
                if not isinstance(order_id, int):
                    raise bad_request("BAD_REQUEST", "every order needs an integer id")
                try:
                    status, substatus = entry.get("status"), entry.get("substatus")
                    order = self.update_status(campaign_id, order_id, status, substatus)
                    operation = None
                    if order.program == "LAAS":
                        operation = self.laas_status_operation(order, status, substatus)
                    results.append((order_id, StatusResult(order, operation=operation)))
                except ApiError as error:
                    current = self.orders.get(order_id)
                    results.append((order_id, StatusResult(current, error.code, error.message)))
            return results

    def verify_eac(self, campaign_id: int, order_id: int, code: Any) -> tuple[str, int | None]:
        """`PUT .../verifyEac`: ACCEPTED, REJECTED with attempts left, or NEED_UPDATE (new code)."""
        with self._lock:
            order = self.order(campaign_id, order_id)
            if not isinstance(code, str) or not code:
                raise bad_request("BAD_REQUEST", "code is required")
            if order.eac is None:
                raise bad_request("ACTION_FORBIDDEN", "The order has no handover code (not an Express order)")
            if order.eac.eac_type == "MERCHANT_TO_COURIER":
                raise bad_request("ACTION_FORBIDDEN", "The seller gives this order's code to the courier")
            if order.eac.accepted:
                if code == order.eac.code:
                    return "ACCEPTED", None
                raise bad_request("CODE_ALREADY_ACCEPTED", "The handover code was already accepted")
            if order.substatus not in EAC_STAGES:
                raise bad_request("STATUS_NOT_ALLOWED", f"No courier at the desk yet ({order.substatus})")
            if code == order.eac.code:
                order.eac.accepted = True
                order.substatus = "COURIER_RECEIVED"
                order.updated_at = self.now()
                return "ACCEPTED", None
            order.eac.attempts_left -= 1
            if order.eac.attempts_left <= 0:
                order.eac.code = self._new_eac_code()
                order.eac.attempts_left = self.config.eac_attempts
                return "NEED_UPDATE", None
            return "REJECTED", order.eac.attempts_left

    # -- reports and LaaS operations -----------------------------------------------------------

    def create_labels_report(
        self, business_id: int, order_ids: Any, label_format: str, sorting: Any
    ) -> Report:
        with self._lock:
            self.check_business(business_id)
            if not isinstance(order_ids, list) or not 1 <= len(order_ids) <= 1000:
                raise bad_request("BAD_REQUEST", "orderIds must hold 1 to 1000 ids")
            if len(set(order_ids)) != len(order_ids) or not all(isinstance(i, int) for i in order_ids):
                raise bad_request("BAD_REQUEST", "orderIds must be unique integers")
            known = [i for i in order_ids if i in self.orders]
            if sorting != "SORT_BY_GIVEN_ORDER":
                known.sort(key=lambda i: (self.orders[i].campaign_id, self.orders[i].created_at))
            now = self.now()
            report = Report(
                id=f"labels-{next(self._report_ids)}",
                order_ids=known,
                label_format=label_format,
                requested_at=now,
                ready_at=now + timedelta(seconds=self.config.report_delay),
                missing=len(known) != len(order_ids),
            )
            self.reports[report.id] = report
            return report

    def create_shipment_list_report(
        self, campaign_id: int, order_ids: Any, shipment_id: Any = None
    ) -> Report:
        """The FBS pick list of a shipment's live orders or of the given orders (one is required)."""
        with self._lock:
            if self.campaign(campaign_id).placement != "FBS":
                raise bad_request("BAD_REQUEST", "The pick list is for FBS stores")
            if order_ids is None and shipment_id is None:
                raise bad_request("BAD_REQUEST", "Pass shipmentId or orderIds")
            if order_ids is not None:
                if not (isinstance(order_ids, list) and order_ids and all(type(i) is int for i in order_ids)):
                    raise bad_request("BAD_REQUEST", "orderIds must be a non-empty array of integers")
                wanted = [
                    i for i in order_ids if i in self.orders and self.orders[i].campaign_id == campaign_id
                ]
            else:
                if type(shipment_id) is not int:
                    raise bad_request("BAD_REQUEST", "shipmentId must be an integer")
                wanted = [
                    o.id
                    for o in self.all_orders([campaign_id])
                    if o.program == "FBS" and o.shipment_id == shipment_id and o.status != "CANCELLED"
                ]
            now = self.now()
            report = Report(
                id=f"shipment-list-{next(self._report_ids)}",
                order_ids=wanted,
                label_format="A4",
                requested_at=now,
                ready_at=now + timedelta(seconds=self.config.report_delay),
                missing=isinstance(order_ids, list) and len(wanted) != len(order_ids),
                kind="shipment-list",
            )
            self.reports[report.id] = report
            return report

    def report(self, report_id: str) -> Report:
        with self._lock:
            if report_id not in self.reports:
                raise ApiError(404, "NOT_FOUND", f"Report {report_id} not found")
            return self.reports[report_id]

    def new_operation(
        self,
        order: Order,
        kind: str,
        delay: float | None = None,
        *,
        apply: Callable[[], str | None] | None = None,
    ) -> Operation:
        wait = self.config.operation_delay if delay is None else delay
        with self._lock:
            operation = Operation(
                f"op-{next(self._operation_ids)}", kind, order.id, self.now() + timedelta(seconds=wait), apply
            )
            self.operations[operation.id] = operation
            return operation

    def operation_states(self, ids: Iterable[str], kind: str) -> list[Operation]:
        """The named operations of this type, settled up to now."""
        with self._lock:
            found = [self.operations[i] for i in ids if i in self.operations]
            for operation in found:
                self._refresh(self.orders[operation.order_id])
            return [op for op in found if op.type == kind]

    def _settle(self, order: Order) -> None:
        """Apply the order's due operations, then expire an unconfirmed LaaS draft after an hour."""
        now = self.now()
        due = sorted(
            (op for op in self.operations.values() if op.order_id == order.id and op.status == "IN_PROGRESS"),
            key=lambda op: op.done_at,
        )
        for operation in due:
            expiry = order.created_at + laas.DRAFT_LIFETIME
            if order.status == "RESERVED" and expiry <= operation.done_at:
                break  # the draft expires first
            if operation.done_at > now:
                break
            failure = operation.apply() if operation.apply is not None else None
            operation.status, operation.failure = ("FAILED", failure) if failure else ("DONE", "")
        if order.program == "LAAS" and order.status == "RESERVED":
            expiry = order.created_at + laas.DRAFT_LIFETIME
            if now >= expiry:
                self._set_status(order, "CANCELLED", "RESERVATION_EXPIRED")
                order.updated_at = order.status_updated_at = expiry
                for operation in due:
                    if operation.status == "IN_PROGRESS":
                        operation.status, operation.failure = "FAILED", "the draft expired"

    # -- events (tests and demo mode) ----------------------------------------------------------

    def cancel_by_buyer(self, order_id: int, reason: str = "USER_CHANGED_MIND") -> Order:
        """The buyer cancels (automatic in PROCESSING): the order becomes CANCELLED/`reason`."""
        with self._lock:
            order = self.find(order_id)
            order.status, order.substatus = "CANCELLED", reason
            order.updated_at = order.status_updated_at = self.now()
            return order

    def move_shipment_date(
        self, order_id: int, new_date: date | None = None, new_time: time | None = None
    ) -> Order:
        """The Market moves the shipment date (default: one day later); `updateDate` changes."""
        with self._lock:
            order = self.find(order_id)
            order.shipment_date = new_date or order.shipment_date + timedelta(days=1)
            if new_time is not None:
                order.shipment_time = new_time
            order.updated_at = self.now()
            return order

    def add_order(
        self,
        offers: tuple[tuple[str, int], ...] = (("MUG-300", 1),),
        *,
        program: str = "FBS",
        buyer_type: str = "PERSON",
        promo_offer: str | None = None,
        line_ids: tuple[int, ...] | None = None,
    ) -> Order:
        """A new order arrives now (offers from the demo catalogue; `line_ids` to fix item ids)."""
        with self._lock:
            spec = demo_data.DemoSpec(program, offers, buyer_type=buyer_type, promo_offer=promo_offer)
            order = self._factory.build(spec, self.now(), age_minutes=0)
            if line_ids is not None:
                for line, line_id in zip(order.lines, line_ids, strict=True):
                    line.id = line_id
            self._admit(order)
            return order

    def add_laas_order(
        self,
        items: tuple[tuple[str, int, Decimal], ...],
        *,
        external_id: str,
        recipient: Recipient,
        delivery_date: date,
        draft: bool = False,
        fake: bool = False,
        delivery: LaasDelivery | None = None,
    ) -> Order:
        """A LaaS order created through the API: RESERVED when a draft, else PROCESSING/STARTED.
        Its units are taken from the warehouse's stock."""
        with self._lock:
            order = self.add_order(tuple((offer, count) for offer, count, _ in items), program="LAAS")
            for line, (_, _, price) in zip(order.lines, items, strict=True):
                line.unit_price = price
            order.initial = [(line.product, line.count, line.unit_price) for line in order.lines]
            order.external_id, order.recipient, order.fake = external_id, recipient, fake
            order.shipment_date = delivery_date
            if delivery is not None:
                order.laas = delivery
                stock = self.stocks[delivery.warehouse_id]
                for offer, count, _ in items:
                    stock[offer] = max(0, stock.get(offer, 0) - count)
                if delivery.pickup_point is not None:
                    order.delivery_type = "PICKUP"
            if draft:
                order.status, order.substatus = "RESERVED", "UNKNOWN"
            return order

    def ship(self, order_id: int) -> Order:
        """The carrier takes a READY_TO_SHIP order: PROCESSING/SHIPPED."""
        with self._lock:
            order = self.find(order_id)
            if order.substatus != "READY_TO_SHIP":
                raise ValueError(f"order {order_id} is {order.substatus}, not READY_TO_SHIP")
            order.substatus = "SHIPPED"
            order.updated_at = order.status_updated_at = self.now()
            return order

    def restore_outcomes(self, outcomes: Mapping[int, str]) -> None:
        """Demo restart: replay what the station recorded as done, so the fresh emulator agrees.

        `outcomes` maps order ids to "ready_to_ship", "handed_over" or "cancelled"; orders the
        emulator does not hold, or that are already past that point, are left alone.
        """
        with self._lock:
            now = self.now()
            for order_id, outcome in outcomes.items():
                order = self.orders.get(order_id)
                if order is None or order.status != "PROCESSING" or order.substatus != "STARTED":
                    continue
                if outcome == "cancelled":
                    order.status, order.substatus = "CANCELLED", "SHOP_FAILED"
                elif outcome in ("ready_to_ship", "handed_over"):
                    order.substatus = "READY_TO_SHIP"
                    order.ready_at = now
                    if outcome == "handed_over" and order.eac is not None:
                        order.eac.accepted = True
                        order.substatus = "COURIER_RECEIVED"
                else:
                    continue
                order.updated_at = order.status_updated_at = now

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox clock (verifications, reports and couriers progress with it)."""
        self.clock.advance(seconds)

    def accept_shipment(self, shipment_id: int, *, discrepancies: bool = False) -> Shipment:
        """The sorting centre accepts a confirmed shipment (with discrepancies when asked)."""
        with self._lock:
            shipment = self.shipments.get(shipment_id)
            if shipment is None or shipment.confirmed_at is None:
                raise ValueError(f"shipment {shipment_id} is not confirmed")
            shipment.accepted = "ACCEPTED_WITH_DISCREPANCIES" if discrepancies else "ACCEPTED"
            shipment.accepted_at = self.now()
            return shipment

    def finish_verifications(self) -> None:
        """Complete every pending code verification and report now."""
        with self._lock:
            now = self.now()
            for order in self.orders.values():
                for record in order.codes:
                    record.due = min(record.due, now)
            for report in self.reports.values():
                report.ready_at = min(report.ready_at, now)

    def eac_code(self, order_id: int) -> str:
        """The code the courier would show for an Express order (for tests and the demo UI)."""
        with self._lock:
            eac = self.find(order_id).eac
            if eac is None:
                raise ValueError(f"order {order_id} is not an Express order")
            return eac.code

    def set_eac_type(self, order_id: int, eac_type: str) -> None:
        """Choose how an Express order is handed over: COURIER_TO_MERCHANT (the default) and
        CHECKING_BY_MERCHANT (the seller checks the courier's code with verifyEac), or
        MERCHANT_TO_COURIER (the Market gives the seller `eacCode` to tell the courier)."""
        if eac_type not in EAC_TYPES:
            raise ValueError(f"unknown eacType {eac_type!r}; known: {', '.join(EAC_TYPES)}")
        with self._lock:
            eac = self.find(order_id).eac
            if eac is None:
                raise ValueError(f"order {order_id} is not an Express order")
            eac.eac_type = eac_type

    def courier_enters_code(self, order_id: int, code: str) -> bool:
        """MERCHANT_TO_COURIER: the courier types the code the seller told them into their app;
        the right code at the desk hands the order over (COURIER_RECEIVED)."""
        with self._lock:
            order = self.find(order_id)
            eac = order.eac
            if eac is None or eac.eac_type != "MERCHANT_TO_COURIER" or order.substatus not in EAC_STAGES:
                return False
            if code != eac.code:
                return False
            eac.accepted = True
            order.substatus = "COURIER_RECEIVED"
            order.updated_at = self.now()
            return True

    def codes_for(self, offer_id: str) -> list[str]:
        """The demo stock of scannable codes for a marked offer (empty for unmarked ones)."""
        return list(self.code_stock.get(offer_id, ()))

    def unused_codes(self, offer_id: str) -> list[str]:
        """The stock codes not yet sent for any live order: what the demo UI offers to "scan"."""
        with self._lock:
            used = {
                value
                for order in self.orders.values()
                if order.status != "CANCELLED"
                for line in order.lines
                for instance in line.instances
                for value in instance.values()
            }
            return [code for code in self.code_stock.get(offer_id, ()) if code not in used]

    # -- internals -----------------------------------------------------------------------------

    def _seed_laas_history(self) -> None:
        """Two weeks of finished LaaS orders (delivered, cancelled, returned, shortened...), so the
        demo's statistics and LaaS list have something to show. Their units are not taken from
        today's stock."""
        rng = random.Random(f"laas-history-{self.seed}")
        offers = [o for o in sorted(self.catalogue) if o not in laas.NO_STOCK + laas.ONLY_IN_SPB]
        now = self.now()
        for n, (outcome, status, substatus) in enumerate(laas.HISTORY):
            created = now - timedelta(days=rng.randint(1, laas.HISTORY_DAYS), minutes=rng.randint(0, 600))
            picks = rng.sample(offers, k=rng.choice((1, 1, 2)))
            pair = outcome in ("shortened", "partly returned")  # a unit to lose needs two
            counts = [2 if pair else rng.choice((1, 1, 2)) for _ in picks]
            items = tuple((o, c, self.catalogue[o].price) for o, c in zip(picks, counts, strict=True))
            point = rng.choice(laas.PICKUP_POINTS) if rng.random() < 0.5 else None
            warehouse = laas.WAREHOUSES[0]
            delivery_day = (created + timedelta(days=warehouse.lead_days)).date()
            order = self.add_laas_order(
                items,
                external_id=f"ZK-{4100 + n}",
                recipient=Recipient("Клиентова", rng.choice(("Мария", "Ольга", "Ирина")), "", "+79990000000"),
                delivery_date=delivery_day,
                delivery=LaasDelivery(
                    warehouse_id=warehouse.id,
                    pickup_point=point.id if point else None,
                    address=point.full_address if point else "Москва, ул. Профсоюзная, д. 12, кв. 5",
                    to_date=delivery_day,
                    time_from=None if point else "10:00",
                    time_to=None if point else "14:00",
                    price=laas.PICKUP_PRICE if point else warehouse.courier_price,
                    receive_code="",
                ),
            )
            assert order.laas is not None
            order.laas.receive_code = laas.receive_code(order.id)
            for offer, count, _ in items:  # history: today's stock stays as it is
                self.stocks[warehouse.id][offer] += count
            if outcome == "shortened":
                order.lines[0].count -= 1
                order.removed_units = 1
            if status == "CANCELLED":
                order.cancelled_from = "RESERVED" if outcome == "expired" else "PROCESSING"
            order.status, order.substatus = status, substatus
            order.created_at = created
            order.updated_at = order.status_updated_at = created + timedelta(days=rng.randint(1, 3))

    def _admit(self, order: Order) -> None:
        order.initial = [(line.product, line.count, line.unit_price) for line in order.lines]
        if order.program == "EXPRESS":
            order.eac = Eac("COURIER_TO_MERCHANT", self._new_eac_code(), self.config.eac_attempts)
        self.orders[order.id] = order

    def _new_eac_code(self) -> str:
        return f"{self._rng.randint(0, 9999):04d}"

    def _refresh(self, order: Order) -> None:
        """LaaS: due operations and draft expiry. Express: after READY_TO_SHIP the courier
        progresses one substatus per `courier_step`."""
        if order.program == "LAAS":
            self._settle(order)
            return
        if order.program != "EXPRESS" or order.ready_at is None or order.status != "PROCESSING":
            return
        if order.substatus not in COURIER_STAGES:
            return
        elapsed = (self.now() - order.ready_at).total_seconds()
        stage = (
            min(int(elapsed // self.config.courier_step), len(COURIER_STAGES) - 1)
            if self.config.courier_step > 0
            else len(COURIER_STAGES) - 1
        )
        if COURIER_STAGES[stage] != order.substatus and stage > COURIER_STAGES.index(order.substatus):
            order.substatus = COURIER_STAGES[stage]
            order.updated_at = order.ready_at + timedelta(seconds=stage * self.config.courier_step)
            if not order.courier_name:
                order.courier_name = self._rng.choice(("Петров Иван", "Сидоров Олег", "Каримов Рустам"))

    def _require_editable(self, order: Order) -> None:
        if order.status in TERMINAL:
            raise bad_request(
                "ORDER_IN_TERMINAL_STATE", f"Order {order.id} is {order.status}/{order.substatus}"
            )
        if order.status != "PROCESSING" or order.substatus != "STARTED":
            raise bad_request(
                "STATUS_NOT_ALLOWED", f"Order {order.id} is {order.substatus}: the layout is frozen"
            )

    def _codes_elsewhere(self, order: Order) -> set[str]:
        return {
            record.value
            for other in self.orders.values()
            if other.id != order.id and other.status != "CANCELLED"
            for record in other.codes
            if record.mandatory
        }

    def _new_record(self, order: Order, line_id: int, kind: str, value: str) -> CodeRecord:
        line = order.line(line_id)
        mandatory = line is not None and kind in mandatory_kinds(order, line)
        due = self.now() + timedelta(seconds=self.config.verification_delay)
        if order.program == "DBS":
            return CodeRecord(line_id, kind, value, due, "NOT_ON_VALIDATION", mandatory=mandatory)
        if kind == "cis":
            structure = codes.cis_structure_substatus(value)
            if structure is not None:
                return CodeRecord(line_id, kind, value, due, "INVALID", structure, mandatory=mandatory)
        failure = self.config.failure_rule(kind, value)
        if failure is not None:
            return CodeRecord(line_id, kind, value, due, "FAILED", failure or None, mandatory=mandatory)
        return CodeRecord(line_id, kind, value, due, "OK", mandatory=mandatory)

    def _check_ready(self, order: Order) -> None:
        """READY_TO_SHIP needs a layout and, for FBS/Express, every mandatory code sent and OK."""
        if not order.boxes:
            raise bad_request("NO_BOXES", "Send the box layout (PUT .../boxes) before READY_TO_SHIP")
        if order.program not in ("FBS", "EXPRESS"):
            return
        views = self.code_views(order)
        for line in order.lines:
            for kind in sorted(mandatory_kinds(order, line)):
                mine = [v for v in views if v.line_id == line.id and v.kind == kind]
                label = "CISES" if kind == "cis" else "UINS"
                if len(mine) < line.count:
                    raise bad_request(
                        f"TOO_FEW_{label}_FOR_ITEM",
                        f"item {line.id}: {len(mine)} of {line.count} {kind.upper()} codes sent",
                    )
                if any(v.status in ("IN_PROGRESS", "NOT_ON_VALIDATION") for v in mine):
                    raise bad_request(
                        f"{kind.upper()}_VALIDATION_IN_PROGRESS_ERROR",
                        f"item {line.id}: {kind.upper()} codes are still being checked",
                    )
                bad = [v for v in mine if v.status != "OK"]
                if bad:
                    raise bad_request(
                        f"INVALID_{kind.upper()}",
                        f"item {line.id}: code {codes.mask(bad[0].value)} is {bad[0].status}",
                    )
