"""`MarketClient`: one typed async method per Market operation a packing desk needs.

Methods take and return the wire models of `packstation.market.models` (field names as in the
spec, snake_case in Python). Paged readers are async iterators over all pages. Every failure is a
`packstation.market.errors.MarketError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import date
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.market.errors import (
    BadRequestError,
    ConnectionFailedError,
    InvalidResponseError,
    MarketError,
    MarketTimeoutError,
    error_for_status,
)
from packstation.market.models import (
    ApiResponse,
    BusinessOrderDTO,
    CampaignDTO,
    ConfirmShipmentRequest,
    CreateOrderRequest,
    CreateOrderResponse,
    DeliveryIntervalsUpdateOptionDTO,
    EacVerificationResultDTO,
    EmptyApiResponse,
    ForwardPager,
    GenerateMassOrderLabelsRequest,
    GenerateReportDTO,
    GenerateReportResponse,
    GenerateShipmentListDocumentReportRequest,
    GetBusinessBuyerInfoResponse,
    GetBusinessOrdersRequest,
    GetBusinessOrdersResponse,
    GetCampaignResponse,
    GetCampaignsResponse,
    GetDeliveryOptionsDTO,
    GetDeliveryOptionsRequest,
    GetDeliveryOptionsResponse,
    GetLogisticPointsResponse,
    GetOfferMappingDTO,
    GetOfferMappingsRequest,
    GetOfferMappingsResponse,
    GetOperationsRequest,
    GetOperationsResponse,
    GetOrderBuyerInfoResponse,
    GetOrderIdentifiersStatusDTO,
    GetOrderIdentifiersStatusResponse,
    GetOrderLabelsDataResponse,
    GetOrderResponse,
    GetOrdersResponse,
    GetOrdersStatsRequest,
    GetOrdersStatsResponse,
    GetOrderUpdateOptionsRequest,
    GetOrderUpdateOptionsResponse,
    GetReportInfoResponse,
    GetShipmentOrdersInfoResponse,
    GetShipmentResponse,
    GetTokenInfoResponse,
    GetWarehouseStocksRequest,
    GetWarehouseStocksResponse,
    LaasOperationDTO,
    LabelsSortingType,
    LogisticPointDTO,
    OperationResultDTO,
    OperationType,
    OrderBoxesLayoutDTO,
    OrderBusinessBuyerDTO,
    OrderBuyerInfoDTO,
    OrderDTO,
    OrderLabelDTO,
    OrdersShipmentInfoDTO,
    OrdersStatsOrderDTO,
    OrderStateDTO,
    OrderStatusChangeDTO,
    PageFormatType,
    ReportInfoDTO,
    ReportStatusType,
    SearchShipmentsRequest,
    SearchShipmentsResponse,
    SetOrderBoxLayoutRequest,
    SetOrderBoxLayoutResponse,
    SetShipmentPalletsCountRequest,
    ShipmentDTO,
    ShipmentInfoDTO,
    ShipmentPalletLabelPageFormatType,
    ShipmentStatusType,
    TokenDTO,
    UpdateExternalOrderIdRequest,
    UpdateOrderRequest,
    UpdateOrderResponse,
    UpdateOrderStatusDTO,
    UpdateOrderStatusesRequest,
    UpdateOrderStatusesResponse,
    UpdateOrderStatusRequest,
    UpdateOrderStatusResponse,
    VerifyOrderEacRequest,
    VerifyOrderEacResponse,
    WarehouseOffersDTO,
)
from packstation.market.operations import OPERATIONS
from packstation.market.throttle import QuotaTracker
from packstation.market.transport import DEFAULT_BASE_URL, MarketTransport, RetryPolicy, parse_errors

M = TypeVar("M", bound=BaseModel)

STATUS_BATCH = 30
"""`updateOrderStatuses` takes at most 30 orders per call."""
OFFER_BATCH = 100
"""`getOfferMappings` takes at most 100 offer ids per call."""
ANY_SHIPMENT_ID = 0
"""The per-box label path carries a `shipmentId` the Market ignores ("pass any number")."""


def _parse(model: type[M], response: httpx.Response, op_id: str) -> M:
    try:
        parsed = model.model_validate_json(response.content)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InvalidResponseError(
            f"{model.__name__}: {exc.error_count()} problem(s), first at {where}: {first['msg']}",
            status_code=response.status_code,
            operation=op_id,
        ) from exc
    if isinstance(parsed, ApiResponse) and parsed.status == "ERROR":
        raise BadRequestError(parse_errors(response.content), operation=op_id)
    return parsed


def _pdf(response: httpx.Response, op_id: str) -> bytes:
    """PDF endpoints answer `application/pdf` on success and JSON on errors, even with 200."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/pdf" and response.content.startswith(b"%PDF"):
        return response.content
    if content_type.endswith("json"):
        errors = parse_errors(response.content)
        if errors:
            raise BadRequestError(errors, operation=op_id)
    raise InvalidResponseError(
        f"expected a PDF, got {content_type or 'no content type'} ({len(response.content)} bytes)",
        status_code=response.status_code,
        operation=op_id,
    )


_XLS_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # XLSX (zip) or legacy XLS (OLE2)


def _spreadsheet(response: httpx.Response, op_id: str) -> bytes:
    """Waybill and discrepancy act: `application/vnd.ms-excel` (an XLS/XLSX file), JSON on errors."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and response.content.startswith(_XLS_MAGIC):
        return response.content
    if content_type.endswith("json"):
        errors = parse_errors(response.content)
        if errors:
            raise BadRequestError(errors, operation=op_id)
    raise InvalidResponseError(
        f"expected a spreadsheet, got {content_type or 'no content type'} ({len(response.content)} bytes)",
        status_code=response.status_code,
        operation=op_id,
    )


def _next_token(paging: ForwardPager | None, previous: str | None, count: int) -> str | None:
    """The next page's token, or None on the last page. An empty page or a token that repeats
    also ends the walk: a server bug must not turn a reader into an endless loop."""
    token = paging.next_page_token if paging else None
    if not token or count == 0 or token == previous:
        return None
    return token


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class MarketClient:
    """The Yandex Market Partner API over one shared `httpx.AsyncClient`.

    Args:
        api_key: the `Api-Key` token (never logged).
        base_url: the Market by default; the sandbox in demo mode and tests.
        transport: an httpx transport (MockTransport / ASGITransport in tests).
        retry: retry policy; parallel_limit: requests in flight per campaign/business.
        quota: a shared quota tracker; **transport_options: passed to `MarketTransport`
            (sleep, clock, wall, rng, timeout) for tests.

    Use as `async with MarketClient(...) as client:` or call `aclose()`.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        parallel_limit: int = 4,
        quota: QuotaTracker | None = None,
        **transport_options: Any,
    ) -> None:
        self.transport = MarketTransport(
            api_key,
            base_url,
            transport=transport,
            retry=retry,
            parallel_limit=parallel_limit,
            quota=quota,
            **transport_options,
        )

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self.transport.aclose()

    async def __aenter__(self) -> MarketClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _call(
        self,
        op_id: str,
        model: type[M],
        path: Mapping[str, int | str] | None = None,
        *,
        params: dict[str, Any] | None = None,
        body: BaseModel | None = None,
        units: int = 1,
    ) -> M:
        json = None if body is None else body.model_dump(mode="json", by_alias=True, exclude_none=True)
        response = await self.transport.send(OPERATIONS[op_id], path, params=params, json=json, units=units)
        return _parse(model, response, op_id)

    async def _raw(self, op_id: str, path: Mapping[str, int | str], params: dict[str, Any]) -> httpx.Response:
        return await self.transport.send(OPERATIONS[op_id], path, params=params)

    # --- auth & stores -------------------------------------------------------------------

    async def check_token(self) -> TokenDTO:
        """`POST /v2/auth/token`: is the key valid, and which scopes it has."""
        return (await self._call("getAuthTokenInfo", GetTokenInfoResponse)).result

    async def iter_campaigns(self, limit: int = 100) -> AsyncIterator[CampaignDTO]:
        """`GET /v2/campaigns`, all pages: the stores the key can work with."""
        token: str | None = None
        while True:
            page = await self._call(
                "getCampaigns", GetCampaignsResponse, params={"limit": limit, "pageToken": token}
            )
            for campaign in page.campaigns:
                yield campaign
            token = _next_token(page.paging, token, len(page.campaigns))
            if token is None:
                return

    async def campaigns(self) -> list[CampaignDTO]:
        """All stores of the cabinet."""
        return [campaign async for campaign in self.iter_campaigns()]

    async def campaign(self, campaign_id: int) -> CampaignDTO:
        """`GET /v2/campaigns/{campaignId}`."""
        return (await self._call("getCampaign", GetCampaignResponse, {"campaignId": campaign_id})).campaign

    # --- orders -------------------------------------------------------------------------

    async def business_orders_page(
        self,
        business_id: int,
        request: GetBusinessOrdersRequest | None = None,
        *,
        page_token: str | None = None,
        limit: int = 50,
    ) -> GetBusinessOrdersResponse:
        """One page of `POST /v1/businesses/{businessId}/orders`."""
        return await self._call(
            "getBusinessOrders",
            GetBusinessOrdersResponse,
            {"businessId": business_id},
            params={"pageToken": page_token, "limit": limit},
            body=request or GetBusinessOrdersRequest(),
        )

    async def iter_business_order_pages(
        self, business_id: int, request: GetBusinessOrdersRequest | None = None, *, limit: int = 50
    ) -> AsyncIterator[list[BusinessOrderDTO]]:
        """All pages of the business orders reader, as lists of orders."""
        token: str | None = None
        while True:
            page = await self.business_orders_page(business_id, request, page_token=token, limit=limit)
            yield page.orders
            token = _next_token(page.paging, token, len(page.orders))
            if token is None:
                return

    async def iter_business_orders(
        self, business_id: int, request: GetBusinessOrdersRequest | None = None, *, limit: int = 50
    ) -> AsyncIterator[BusinessOrderDTO]:
        """Every order matching `request`, across all pages."""
        async for page in self.iter_business_order_pages(business_id, request, limit=limit):
            for order in page:
                yield order

    async def legacy_orders_page(
        self,
        campaign_id: int,
        *,
        order_ids: Sequence[int] = (),
        statuses: Sequence[str] = (),
        substatuses: Sequence[str] = (),
        page_token: str | None = None,
        limit: int = 50,
    ) -> GetOrdersResponse:
        """Deprecated `GET /v2/campaigns/{campaignId}/orders` (fallback only; arrays repeat the key)."""
        params: dict[str, Any] = {"limit": limit, "pageToken": page_token}
        if order_ids:
            params["orderIds"] = list(order_ids)
        if statuses:
            params["status"] = list(statuses)
        if substatuses:
            params["substatus"] = list(substatuses)
        return await self._call("getOrders", GetOrdersResponse, {"campaignId": campaign_id}, params=params)

    async def legacy_order(self, campaign_id: int, order_id: int) -> OrderDTO:
        """Deprecated `GET /v2/campaigns/{campaignId}/orders/{orderId}` (fallback only)."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("getOrder", GetOrderResponse, path)).order

    async def buyer(self, campaign_id: int, order_id: int) -> OrderBuyerInfoDTO:
        """`GET .../orders/{orderId}/buyer` (names only for DBS)."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("getOrderBuyerInfo", GetOrderBuyerInfoResponse, path)).result

    async def business_buyer(self, campaign_id: int, order_id: int) -> OrderBusinessBuyerDTO:
        """`POST .../orders/{orderId}/business-buyer` (no body)."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("getOrderBusinessBuyerInfo", GetBusinessBuyerInfoResponse, path)).result

    async def set_external_order_id(self, campaign_id: int, order_id: int, external_id: str) -> None:
        """`POST .../orders/{orderId}/external-id` (write-once, before READY_TO_SHIP)."""
        await self._call(
            "updateExternalOrderId",
            EmptyApiResponse,
            {"campaignId": campaign_id, "orderId": order_id},
            body=UpdateExternalOrderIdRequest(external_order_id=external_id),
        )

    # --- packing ------------------------------------------------------------------------

    async def set_box_layout(
        self, campaign_id: int, order_id: int, request: SetOrderBoxLayoutRequest
    ) -> OrderBoxesLayoutDTO:
        """`PUT .../orders/{orderId}/boxes`: layout, marking codes and optional removal."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("setOrderBoxLayout", SetOrderBoxLayoutResponse, path, body=request)).result

    async def identifiers_status(self, campaign_id: int, order_id: int) -> GetOrderIdentifiersStatusDTO:
        """`POST .../orders/{orderId}/identifiers/status` (1000/h: poll with back-off)."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("getOrderIdentifiersStatus", GetOrderIdentifiersStatusResponse, path)).result

    async def update_order_status(
        self, campaign_id: int, order_id: int, status: str, substatus: str | None = None
    ) -> UpdateOrderStatusResponse:
        """`PUT .../orders/{orderId}/status` (answers with the legacy order shape)."""
        return await self._call(
            "updateOrderStatus",
            UpdateOrderStatusResponse,
            {"campaignId": campaign_id, "orderId": order_id},
            body=UpdateOrderStatusRequest(order=OrderStatusChangeDTO(status=status, substatus=substatus)),
        )

    async def update_order_statuses(
        self, campaign_id: int, orders: Sequence[OrderStateDTO]
    ) -> list[UpdateOrderStatusDTO]:
        """`POST .../orders/status-update` in batches of 30.

        Per-order failures arrive inside HTTP 200 as `update_status == "ERROR"` with
        `error_details`; they are returned, not raised, so the caller sees every outcome.
        """
        outcomes: list[UpdateOrderStatusDTO] = []
        for batch in _chunks(orders, STATUS_BATCH):
            response = await self._call(
                "updateOrderStatuses",
                UpdateOrderStatusesResponse,
                {"campaignId": campaign_id},
                body=UpdateOrderStatusesRequest(orders=list(batch)),
                units=len(batch),
            )
            outcomes.extend(response.result.orders)
        return outcomes

    async def verify_eac(self, campaign_id: int, order_id: int, code: str) -> EacVerificationResultDTO:
        """`PUT .../orders/{orderId}/verifyEac`: the courier's code (Express); never retried."""
        return (
            await self._call(
                "verifyOrderEac",
                VerifyOrderEacResponse,
                {"campaignId": campaign_id, "orderId": order_id},
                body=VerifyOrderEacRequest(code=code),
            )
        ).result

    # --- labels and reports -------------------------------------------------------------

    async def labels_pdf(
        self, campaign_id: int, order_id: int, fmt: PageFormatType | str = PageFormatType.A7
    ) -> bytes:
        """`GET .../delivery/labels`: one PDF with a label per box."""
        path: dict[str, int | str] = {"campaignId": campaign_id, "orderId": order_id}
        response = await self._raw("generateOrderLabels", path, {"format": str(fmt)})
        return _pdf(response, "generateOrderLabels")

    async def box_label_pdf(
        self,
        campaign_id: int,
        order_id: int,
        box_id: int,
        fmt: PageFormatType | str = PageFormatType.A7,
        *,
        shipment_id: int = ANY_SHIPMENT_ID,
    ) -> bytes:
        """`GET .../delivery/shipments/{shipmentId}/boxes/{boxId}/label`: one box's label."""
        path: dict[str, int | str] = {
            "campaignId": campaign_id,
            "orderId": order_id,
            "shipmentId": shipment_id,
            "boxId": box_id,
        }
        response = await self._raw("generateOrderLabel", path, {"format": str(fmt)})
        return _pdf(response, "generateOrderLabel")

    async def labels_data(self, campaign_id: int, order_id: int) -> OrderLabelDTO:
        """`GET .../delivery/labels/data`: label contents as JSON."""
        path = {"campaignId": campaign_id, "orderId": order_id}
        return (await self._call("getOrderLabelsData", GetOrderLabelsDataResponse, path)).result

    async def generate_mass_labels(
        self,
        business_id: int,
        order_ids: Sequence[int],
        fmt: PageFormatType | str = PageFormatType.A7,
        sorting: LabelsSortingType | None = None,
    ) -> GenerateReportDTO:
        """`POST /v2/reports/documents/labels/generate` (up to 1000 orders, asynchronous)."""
        request = GenerateMassOrderLabelsRequest(
            business_id=business_id, order_ids=list(dict.fromkeys(order_ids)), sorting_type=sorting
        )
        response = await self._call(
            "generateMassOrderLabelsReport", GenerateReportResponse, params={"format": str(fmt)}, body=request
        )
        return response.result

    async def report_info(self, report_id: str) -> ReportInfoDTO:
        """`GET /v2/reports/info/{reportId}` (100/min; each call mints a new file URL)."""
        return (await self._call("getReportInfo", GetReportInfoResponse, {"reportId": report_id})).result

    async def wait_report(
        self, report_id: str, *, first_wait: float = 1.0, poll: float = 2.0, give_up_after: float = 300.0
    ) -> ReportInfoDTO:
        """Poll a report until DONE; raise `MarketError` when it FAILED or took too long."""
        clock, sleep = self.transport.clock, self.transport.sleep
        deadline = clock() + give_up_after
        await sleep(first_wait)
        while True:
            info = await self.report_info(report_id)
            if info.status == ReportStatusType.DONE and info.file:
                return info
            if info.status == ReportStatusType.FAILED:
                raise MarketError(
                    QT_TRANSLATE_NOOP("Client", "The Market could not generate the labels (%1).")(
                        info.sub_status or QT_TRANSLATE_NOOP("Client", "failed")
                    ),
                    operation="getReportInfo",
                    hint=QT_TRANSLATE_NOOP("Client", "Check the order numbers and try again."),
                )
            if clock() >= deadline:
                raise MarketError(
                    QT_TRANSLATE_NOOP("Client", "The Market is taking too long to generate the labels."),
                    operation="getReportInfo",
                    hint=QT_TRANSLATE_NOOP("Client", "Try again later."),
                )
            await sleep(poll)

    async def download_report(self, url: str) -> bytes:
        """Fetch a report file. The Api-Key goes only to the Market's own host, never to the
        storage host a report link usually points at."""
        request = self.transport.http.build_request("GET", url)
        if urlsplit(url).netloc and urlsplit(url).netloc != urlsplit(self.transport.base_url).netloc:
            del request.headers["Api-Key"]
        try:
            response = await self.transport.http.send(request)
        except httpx.TimeoutException as exc:
            raise MarketTimeoutError(operation="downloadReport") from exc
        except httpx.TransportError as exc:
            raise ConnectionFailedError(type(exc).__name__, operation="downloadReport") from exc
        if not response.is_success:
            raise error_for_status(response.status_code, (), operation="downloadReport")
        return response.content

    async def mass_labels_pdf(
        self, business_id: int, order_ids: Sequence[int], fmt: PageFormatType | str = PageFormatType.A7
    ) -> bytes:
        """Generate, wait for and download one PDF with the labels of many orders."""
        report = await self.generate_mass_labels(business_id, order_ids, fmt)
        info = await self.wait_report(report.report_id, first_wait=report.estimated_generation_time / 1000)
        assert info.file is not None  # wait_report returns only DONE reports with a file
        return await self.download_report(info.file)

    async def generate_shipment_list(
        self, campaign_id: int, *, shipment_id: int | None = None, order_ids: Sequence[int] | None = None
    ) -> GenerateReportDTO:
        """`POST /v2/reports/documents/shipment-list/generate`: the pick list of a shipment or of
        the given orders (one of them is required)."""
        if shipment_id is None and not order_ids:
            raise ValueError("a pick list needs a shipment or orders")
        request = GenerateShipmentListDocumentReportRequest(
            campaign_id=campaign_id,
            shipment_id=shipment_id,
            order_ids=list(dict.fromkeys(order_ids)) if order_ids else None,
        )
        response = await self._call(
            "generateShipmentListDocumentReport", GenerateReportResponse, body=request
        )
        return response.result

    async def shipment_list_pdf(
        self, campaign_id: int, *, shipment_id: int | None = None, order_ids: Sequence[int] | None = None
    ) -> bytes:
        """Generate, wait for and download the pick list (A4 PDF)."""
        report = await self.generate_shipment_list(campaign_id, shipment_id=shipment_id, order_ids=order_ids)
        info = await self.wait_report(report.report_id, first_wait=report.estimated_generation_time / 1000)
        assert info.file is not None  # wait_report returns only DONE reports with a file
        return await self.download_report(info.file)

    # --- first-mile shipments (FBS) -----------------------------------------------------

    async def search_shipments(
        self,
        campaign_id: int,
        date_from: date,
        date_to: date,
        *,
        statuses: Sequence[ShipmentStatusType | str] | None = None,
        order_ids: Sequence[int] | None = None,
        cancelled_orders: bool = True,
    ) -> list[ShipmentInfoDTO]:
        """`PUT .../first-mile/shipments`: every shipment planned from `date_from` to `date_to`
        (inclusive), all pages."""
        request = SearchShipmentsRequest(
            date_from=date_from,
            date_to=date_to,
            statuses=[ShipmentStatusType(s) for s in statuses] if statuses else None,
            order_ids=list(dict.fromkeys(order_ids)) if order_ids else None,
            cancelled_orders=None if cancelled_orders else False,
        )
        found: list[ShipmentInfoDTO] = []
        token: str | None = None
        while True:
            response = await self._call(
                "searchShipments",
                SearchShipmentsResponse,
                {"campaignId": campaign_id},
                params={"pageToken": token, "limit": 30},
                body=request,
            )
            found.extend(response.result.shipments)
            token = _next_token(response.result.paging, token, len(response.result.shipments))
            if token is None:
                return found

    async def shipment(
        self, campaign_id: int, shipment_id: int, *, cancelled_orders: bool = True
    ) -> ShipmentDTO:
        """`GET .../first-mile/shipments/{shipmentId}` with its `availableActions`."""
        path = {"campaignId": campaign_id, "shipmentId": shipment_id}
        params = None if cancelled_orders else {"cancelledOrders": "false"}
        return (await self._call("getShipment", GetShipmentResponse, path, params=params)).result

    async def shipment_orders_info(self, campaign_id: int, shipment_id: int) -> OrdersShipmentInfoDTO:
        """`GET .../{shipmentId}/orders/info`: which orders of the shipment can have labels."""
        path = {"campaignId": campaign_id, "shipmentId": shipment_id}
        return (await self._call("getShipmentOrdersInfo", GetShipmentOrdersInfoResponse, path)).result

    async def confirm_shipment(
        self,
        campaign_id: int,
        shipment_id: int,
        *,
        external_id: str | None = None,
        signatory: str | None = None,
    ) -> None:
        """`POST .../{shipmentId}/confirm` (offered after the shipment's cutoff; before it the
        Market answers 400)."""
        await self._call(
            "confirmShipment",
            EmptyApiResponse,
            {"campaignId": campaign_id, "shipmentId": shipment_id},
            body=ConfirmShipmentRequest(external_shipment_id=external_id, signatory=signatory),
        )

    async def set_shipment_pallets(self, campaign_id: int, shipment_id: int, count: int) -> None:
        """`PUT .../{shipmentId}/pallets`: the pallets (packages) the seller brings."""
        await self._call(
            "setShipmentPalletsCount",
            EmptyApiResponse,
            {"campaignId": campaign_id, "shipmentId": shipment_id},
            body=SetShipmentPalletsCountRequest(places_count=count),
        )

    async def _shipment_file(
        self, op_id: str, campaign_id: int, shipment_id: int, **params: Any
    ) -> httpx.Response:
        return await self._raw(op_id, {"campaignId": campaign_id, "shipmentId": shipment_id}, params)

    async def shipment_act_pdf(self, campaign_id: int, shipment_id: int) -> bytes:
        """`GET .../{shipmentId}/act`: the reception-transfer act (after confirmation)."""
        op_id = "downloadShipmentAct"
        return _pdf(await self._shipment_file(op_id, campaign_id, shipment_id), op_id)

    async def inbound_act_pdf(self, campaign_id: int, shipment_id: int) -> bytes:
        """`GET .../{shipmentId}/inbound-act`: what the sorting centre accepted."""
        op_id = "downloadShipmentInboundAct"
        return _pdf(await self._shipment_file(op_id, campaign_id, shipment_id), op_id)

    async def transportation_waybill(self, campaign_id: int, shipment_id: int) -> bytes:
        """`GET .../{shipmentId}/transportation-waybill`: an XLS(X) file, not a PDF."""
        op_id = "downloadShipmentTransportationWaybill"
        return _spreadsheet(await self._shipment_file(op_id, campaign_id, shipment_id), op_id)

    async def discrepancy_act(self, campaign_id: int, shipment_id: int) -> bytes:
        """`GET .../{shipmentId}/discrepancy-act`: an XLS(X) file, not a PDF."""
        op_id = "downloadShipmentDiscrepancyAct"
        return _spreadsheet(await self._shipment_file(op_id, campaign_id, shipment_id), op_id)

    async def pallet_labels_pdf(
        self,
        campaign_id: int,
        shipment_id: int,
        fmt: ShipmentPalletLabelPageFormatType | str = ShipmentPalletLabelPageFormatType.A4,
    ) -> bytes:
        """`GET .../{shipmentId}/pallet/labels`: a label per pallet (stick two on each)."""
        op_id = "downloadShipmentPalletLabels"
        response = await self._shipment_file(op_id, campaign_id, shipment_id, format=str(fmt))
        return _pdf(response, op_id)

    async def reception_transfer_act_pdf(
        self, campaign_id: int, *, warehouse_id: int | None = None, signatory: str | None = None
    ) -> bytes:
        """`GET .../shipments/reception-transfer-act`: confirms the nearest shipment and returns
        its act."""
        op_id = "downloadShipmentReceptionTransferAct"
        params = {"warehouse_id": warehouse_id, "signatory": signatory}
        response = await self._raw(op_id, {"campaignId": campaign_id}, params)
        return _pdf(response, op_id)

    # --- catalogue and statistics -------------------------------------------------------

    async def offer_mappings(self, business_id: int, offer_ids: Sequence[str]) -> list[GetOfferMappingDTO]:
        """`POST /v2/businesses/{businessId}/offer-mappings` for the given offers (batches of 100).

        Needs a catalogue scope: an order-processing-only key gets `ForbiddenError`.
        """
        found: list[GetOfferMappingDTO] = []
        for batch in _chunks(list(dict.fromkeys(offer_ids)), OFFER_BATCH):
            response = await self._call(
                "getOfferMappings",
                GetOfferMappingsResponse,
                {"businessId": business_id},
                body=GetOfferMappingsRequest(offer_ids=list(batch)),
            )
            found.extend(response.result.offer_mappings)
        return found

    async def iter_offer_mappings(
        self, business_id: int, *, limit: int = 100
    ) -> AsyncIterator[GetOfferMappingDTO]:
        """The whole catalogue of the cabinet, page by page (for searching offers by name)."""
        token: str | None = None
        while True:
            response = await self._call(
                "getOfferMappings",
                GetOfferMappingsResponse,
                {"businessId": business_id},
                params={"pageToken": token, "limit": limit},
                body=GetOfferMappingsRequest(),
            )
            for mapping in response.result.offer_mappings:
                yield mapping
            token = _next_token(response.result.paging, token, len(response.result.offer_mappings))
            if token is None:
                return

    async def orders_stats_page(
        self,
        campaign_id: int,
        request: GetOrdersStatsRequest,
        *,
        page_token: str | None = None,
        limit: int = 200,
    ) -> GetOrdersStatsResponse:
        """One page of `POST /v2/campaigns/{campaignId}/stats/orders` (for progress and cancel)."""
        return await self._call(
            "getOrdersStats",
            GetOrdersStatsResponse,
            {"campaignId": campaign_id},
            params={"pageToken": page_token, "limit": limit},
            body=request,
        )

    async def iter_orders_stats(
        self, campaign_id: int, request: GetOrdersStatsRequest, *, limit: int = 200
    ) -> AsyncIterator[OrdersStatsOrderDTO]:
        """`POST /v2/campaigns/{campaignId}/stats/orders`, all pages."""
        token: str | None = None
        while True:
            response = await self._call(
                "getOrdersStats",
                GetOrdersStatsResponse,
                {"campaignId": campaign_id},
                params={"pageToken": token, "limit": limit},
                body=request,
            )
            for order in response.result.orders:
                yield order
            token = _next_token(response.result.paging, token, len(response.result.orders))
            if token is None:
                return

    # --- LaaS ---------------------------------------------------------------------------

    async def iter_stocks(
        self, campaign_id: int, request: GetWarehouseStocksRequest | None = None, *, limit: int = 200
    ) -> AsyncIterator[WarehouseOffersDTO]:
        """`POST /v2/campaigns/{campaignId}/offers/stocks`, all pages: stock per warehouse."""
        token: str | None = None
        while True:
            response = await self._call(
                "getStocks",
                GetWarehouseStocksResponse,
                {"campaignId": campaign_id},
                params={"pageToken": token, "limit": limit},
                body=request or GetWarehouseStocksRequest(),
            )
            for warehouse in response.result.warehouses:
                yield warehouse
            count = sum(len(w.offers) for w in response.result.warehouses)
            token = _next_token(response.result.paging, token, count)
            if token is None:
                return

    async def iter_logistic_points(
        self, business_id: int, *, limit: int = 500
    ) -> AsyncIterator[LogisticPointDTO]:
        """`POST /v1/businesses/{businessId}/logistics-points`, all pages: the Market's pickup
        points (fetch about once a day)."""
        token: str | None = None
        while True:
            response = await self._call(
                "getLogisticPoints",
                GetLogisticPointsResponse,
                {"businessId": business_id},
                params={"pageToken": token, "limit": limit},
            )
            for point in response.result.logistic_points:
                yield point
            token = _next_token(response.result.paging, token, len(response.result.logistic_points))
            if token is None:
                return

    async def delivery_options(
        self, campaign_id: int, request: GetDeliveryOptionsRequest
    ) -> GetDeliveryOptionsDTO:
        """`POST /v1/campaigns/{campaignId}/delivery-options`."""
        path = {"campaignId": campaign_id}
        return (await self._call("getDeliveryOptions", GetDeliveryOptionsResponse, path, body=request)).result

    async def create_order(self, campaign_id: int, request: CreateOrderRequest) -> list[int]:
        """`POST /v1/campaigns/{campaignId}/orders/create`: ids of the created orders (one per
        warehouse). Never retried: a lost answer must be checked by `externalOrderId`."""
        path = {"campaignId": campaign_id}
        response = await self._call("createOrder", CreateOrderResponse, path, body=request)
        return [order.id for order in response.result.orders]

    async def update_order(self, campaign_id: int, request: UpdateOrderRequest) -> list[LaasOperationDTO]:
        """`POST /v1/campaigns/{campaignId}/orders/update`: asynchronous; poll `operations`."""
        path = {"campaignId": campaign_id}
        response = await self._call("updateOrder", UpdateOrderResponse, path, body=request)
        return response.result.operations

    async def order_update_options(
        self, campaign_id: int, order_id: int
    ) -> list[DeliveryIntervalsUpdateOptionDTO]:
        """`POST /v1/campaigns/{campaignId}/orders/update-options`."""
        response = await self._call(
            "getOrderUpdateOptions",
            GetOrderUpdateOptionsResponse,
            {"campaignId": campaign_id},
            body=GetOrderUpdateOptionsRequest(id=order_id),
        )
        return response.result.delivery_intervals.available_delivery_intervals

    async def operations(
        self, business_id: int, operation_type: OperationType | str, operation_ids: Sequence[str]
    ) -> list[OperationResultDTO]:
        """`POST /v1/businesses/{businessId}/operations`: state of asynchronous LaaS changes."""
        response = await self._call(
            "getOperations",
            GetOperationsResponse,
            {"businessId": business_id},
            body=GetOperationsRequest(operation_type=operation_type, operation_ids=list(operation_ids)),
        )
        return response.result.operations
