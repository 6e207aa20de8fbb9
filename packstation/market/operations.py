"""The operations the client calls, with the spec's hourly/minutely limits and retry safety.

Limits are the spec's `x-resource-limit-config` (`none` tier); a contract test checks this table
against the bundled spec so a spec update cannot silently drift from what the client enforces.
"""

from __future__ import annotations

from dataclasses import dataclass

HOUR = 3600.0
MINUTE = 60.0


@dataclass(frozen=True, slots=True)
class Operation:
    """One API operation.

    Attributes:
        id: the spec's operationId.
        method: HTTP method.
        path: path template with `{campaignId}`-style placeholders.
        limit: requests (or units) allowed per `period` seconds.
        period: the quota window in seconds.
        retry_safe: the transport may resend it by itself after a lost answer (timeout, broken
            connection, 5xx): reads only. No mutation is, not even the box layout's replacing
            PUT: resent blind after its answer was lost, the layout is written twice (the Market
            mints new box ids each time) and may land on an order that moved on meanwhile. A
            mutation whose answer was lost is settled by reading the order back
            (`services.lost_answer`); verifyEac attempts, status changes and the external id
            consume something and must never go twice.
        units_per_order: the quota counts orders in the response (`resp.result.orders`).
    """

    id: str
    method: str
    path: str
    limit: int
    period: float
    retry_safe: bool
    units_per_order: bool = False


def _op(
    op_id: str, method: str, path: str, limit: int, period: float, *, safe: bool, per_order: bool = False
) -> Operation:
    return Operation(op_id, method, path, limit, period, safe, per_order)


_ORDER = "/v2/campaigns/{campaignId}/orders/{orderId}"
_LAAS = "/v1/campaigns/{campaignId}"
_REPORTS = "/v2/reports"
_POINTS = "/v1/businesses/{businessId}/logistics-points"
_FM = "/v2/campaigns/{campaignId}/first-mile/shipments"

OPERATIONS: dict[str, Operation] = {
    op.id: op
    for op in (
        _op("getAuthTokenInfo", "POST", "/v2/auth/token", 100, HOUR, safe=True),
        _op("getCampaigns", "GET", "/v2/campaigns", 1000, HOUR, safe=True),
        _op("getCampaign", "GET", "/v2/campaigns/{campaignId}", 5000, HOUR, safe=True),
        _op("getBusinessOrders", "POST", "/v1/businesses/{businessId}/orders", 10000, HOUR, safe=True),
        _op("getOrders", "GET", "/v2/campaigns/{campaignId}/orders", 10000, HOUR, safe=True),
        _op("getOrder", "GET", _ORDER, 10000, HOUR, safe=True),
        _op("getOrderBuyerInfo", "GET", _ORDER + "/buyer", 3000, HOUR, safe=True),
        _op("getOrderBusinessBuyerInfo", "POST", _ORDER + "/business-buyer", 3000, HOUR, safe=True),
        _op("setOrderBoxLayout", "PUT", _ORDER + "/boxes", 10000, HOUR, safe=False),
        _op("getOrderIdentifiersStatus", "POST", _ORDER + "/identifiers/status", 1000, HOUR, safe=True),
        _op("updateExternalOrderId", "POST", _ORDER + "/external-id", 1000, HOUR, safe=False),
        _op("generateOrderLabels", "GET", _ORDER + "/delivery/labels", 10000, HOUR, safe=True),
        _op("getOrderLabelsData", "GET", _ORDER + "/delivery/labels/data", 10000, HOUR, safe=True),
        _op(
            "generateOrderLabel",
            "GET",
            _ORDER + "/delivery/shipments/{shipmentId}/boxes/{boxId}/label",
            10000,
            HOUR,
            safe=True,
        ),
        _op(
            "generateMassOrderLabelsReport", "POST",
            _REPORTS + "/documents/labels/generate", 1000, HOUR, safe=False
        ),
        _op("getReportInfo", "GET", _REPORTS + "/info/{reportId}", 100, MINUTE, safe=True),
        _op("updateOrderStatus", "PUT", _ORDER + "/status", 10000, HOUR, safe=False),
        _op(
            "updateOrderStatuses",
            "POST",
            "/v2/campaigns/{campaignId}/orders/status-update",
            10000,
            HOUR,
            safe=False,
            per_order=True,
        ),
        _op("verifyOrderEac", "PUT", _ORDER + "/verifyEac", 10000, HOUR, safe=False),
        _op("getDeliveryOptions", "POST", _LAAS + "/delivery-options", 1000, MINUTE, safe=True),
        _op("createOrder", "POST", _LAAS + "/orders/create", 10000, HOUR, safe=False),
        _op("updateOrder", "POST", _LAAS + "/orders/update", 10000, HOUR, safe=False),
        _op("getOrderUpdateOptions", "POST", _LAAS + "/orders/update-options", 10000, HOUR, safe=True),
        _op("getOperations", "POST", "/v1/businesses/{businessId}/operations", 1000, HOUR, safe=True),
        _op("getOrdersStats", "POST", "/v2/campaigns/{campaignId}/stats/orders", 10000, HOUR, safe=True),
        _op("getStocks", "POST", "/v2/campaigns/{campaignId}/offers/stocks", 100000, MINUTE, safe=True),
        _op("getLogisticPoints", "POST", _POINTS, 10000, HOUR, safe=True),
        _op("getOfferMappings", "POST", "/v2/businesses/{businessId}/offer-mappings", 100, MINUTE, safe=True),
        _op(
            "generateShipmentListDocumentReport",
            "POST",
            _REPORTS + "/documents/shipment-list/generate",
            200,
            HOUR,
            safe=False,
        ),
        _op("searchShipments", "PUT", _FM, 200, HOUR, safe=True),
        _op("getShipment", "GET", _FM + "/{shipmentId}", 200, HOUR, safe=True),
        _op("getShipmentOrdersInfo", "GET", _FM + "/{shipmentId}/orders/info", 200, HOUR, safe=True),
        # Confirming twice is refused (already confirmed), so a lost answer is read back, not resent.
        _op("confirmShipment", "POST", _FM + "/{shipmentId}/confirm", 200, HOUR, safe=False),
        _op("downloadShipmentAct", "GET", _FM + "/{shipmentId}/act", 200, HOUR, safe=True),
        # This one confirms the nearest shipment as a side effect.
        _op(
            "downloadShipmentReceptionTransferAct",
            "GET",
            "/v2/campaigns/{campaignId}/shipments/reception-transfer-act",
            200,
            HOUR,
            safe=False,
        ),
        _op("downloadShipmentInboundAct", "GET", _FM + "/{shipmentId}/inbound-act", 200, HOUR, safe=True),
        _op(
            "downloadShipmentTransportationWaybill",
            "GET",
            _FM + "/{shipmentId}/transportation-waybill",
            200,
            HOUR,
            safe=True,
        ),
        _op(
            "downloadShipmentDiscrepancyAct",
            "GET",
            _FM + "/{shipmentId}/discrepancy-act",
            200,
            HOUR,
            safe=True,
        ),
        _op("setShipmentPalletsCount", "PUT", _FM + "/{shipmentId}/pallets", 200, HOUR, safe=True),
        _op("downloadShipmentPalletLabels", "GET", _FM + "/{shipmentId}/pallet/labels", 200, HOUR, safe=True),
    )
}
