"""The Market's JSON shapes for sandbox records: business orders (ISO dates), legacy orders
(DD-MM-YYYY, Moscow time), campaigns, code statuses and label data. Empty arrays are left out
because the spec gives most arrays `minItems: 1`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from packstation.domain.labels import BoxLabel, OrderLabels
from packstation.sandbox import codes, demo_data
from packstation.sandbox.clock import MSK
from packstation.sandbox.model import CIS, CIS_OPTIONAL, Line, Order

_VAT = "VAT_20"


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def legacy_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def legacy_datetime(moment: datetime) -> str:
    return moment.astimezone(MSK).strftime("%d-%m-%Y %H:%M:%S")


def money(value: Decimal) -> dict[str, Any]:
    return {"value": float(value), "currencyId": "RUR"}


def fulfilment_id(order: Order, number: int) -> str:
    return f"{order.id}-{number}"


def required_types(order: Order, line: Line) -> list[str]:
    """`requiredInstanceTypes`: a business buyer turns CIS_OPTIONAL into CIS."""
    kinds = list(line.product.required)
    if order.buyer_type == "BUSINESS" and CIS_OPTIONAL in kinds:
        kinds = [CIS if kind == CIS_OPTIONAL else kind for kind in kinds]
    return kinds


def instance_out(instance: dict[str, str]) -> dict[str, str]:
    """A stored instance as OrderItemInstanceDTO: `cis` without its crypto tail, `cisFull` with it."""
    if "cis" in instance:
        return {"cis": codes.cis_without_tail(instance["cis"]), "cisFull": instance["cis"]}
    return dict(instance)


def _code_fields(order: Order, line: Line) -> dict[str, Any]:
    """`instances` and `requiredInstanceTypes` of an item line, left out when empty."""
    fields: dict[str, Any] = {}
    if line.instances:
        fields["instances"] = [instance_out(i) for i in line.instances]
    kinds = required_types(order, line)
    if kinds:
        fields["requiredInstanceTypes"] = kinds
    return fields


def _optional_fields(order: Order) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if order.external_id:
        fields["externalOrderId"] = order.external_id
    if order.notes:
        fields["notes"] = order.notes
    return fields


def _box_items_out(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        entry: dict[str, Any] = {"id": item["id"]}
        if item.get("fullCount") is not None:
            entry["fullCount"] = item["fullCount"]
        if item.get("partialCount") is not None:
            entry["partialCount"] = {
                "current": item["partialCount"]["current"],
                "total": item["partialCount"]["total"],
            }
        if item.get("instances"):
            entry["instances"] = [dict(i) for i in item["instances"]]
        out.append(entry)
    return out


def layout_out(order: Order) -> list[dict[str, Any]]:
    """The stored layout as `result.boxes` of setOrderBoxLayout (EnrichedOrderBoxLayoutDTO)."""
    return [{"items": _box_items_out(box.items), "boxId": box.box_id} for box in order.boxes]


def business_order(order: Order) -> dict[str, Any]:
    """BusinessOrderDTO (getBusinessOrders)."""
    items = []
    for line in order.lines:
        item: dict[str, Any] = {
            "id": line.id,
            "offerId": line.product.offer_id,
            "offerName": line.product.name,
            "count": line.count,
            "prices": {"payment": money(line.total), "subsidy": money(Decimal(0)), "vat": _VAT},
            "itemStatuses": [{"status": _unit_status(order), "count": line.count}],
        }
        item |= _code_fields(order, line)
        items.append(item)
    shipment: dict[str, Any] = {"id": order.shipment_id, "shipmentDate": order.shipment_date.isoformat()}
    if order.shipment_time is not None:
        shipment["shipmentTime"] = order.shipment_time.strftime("%H:%M:%S")
    delivery: dict[str, Any] = {
        "type": order.delivery_type,
        "serviceName": order.delivery_service_name,
        "deliveryServiceId": order.delivery_service_id,
        "warehouseId": demo_data.DEMO_WAREHOUSE_ID,
        "deliveryPartnerType": "SHOP" if order.program == "DBS" else "YANDEX_MARKET",
        "dispatchType": "BUYER",
        "dates": {"fromDate": order.shipment_date.isoformat()},
        "shipment": shipment,
        "courier": {
            "address": {
                "country": "Россия",
                "city": order.city,
                "street": order.street,
                "house": order.house,
            },
            "region": {"id": 213, "name": order.city, "type": "CITY"},
        },
    }
    transfer = _transfer(order)
    if transfer:
        delivery["transfer"] = transfer
    if order.laas is not None:
        delivery |= _laas_delivery(order)
    if order.boxes:
        delivery["boxesLayout"] = [
            {"items": _box_items_out(box.items), "boxId": box.box_id, "barcode": fulfilment_id(order, n)}
            for n, box in enumerate(order.boxes, start=1)
        ]
    result: dict[str, Any] = {
        "orderId": order.id,
        "campaignId": order.campaign_id,
        "programType": order.program,
        "status": order.status,
        "substatus": order.substatus,
        "creationDate": iso(order.created_at),
        "updateDate": iso(order.updated_at),
        "paymentType": order.payment_type,
        "paymentMethod": order.payment_method,
        "fake": order.fake,
        "items": items,
        "prices": {
            "payment": money(order.total),
            "subsidy": money(Decimal(0)),
            "cashback": money(Decimal(0)),
        },
        "delivery": delivery,
        "buyerType": order.buyer_type,
        "sourcePlatform": "MARKET",
    }
    return result | _optional_fields(order)


def _laas_delivery(order: Order) -> dict[str, Any]:
    """A LaaS order's window, destination and the code the buyer collects it with."""
    assert order.laas is not None
    laas = order.laas
    dates: dict[str, Any] = {"fromDate": order.shipment_date.isoformat(), "toDate": laas.to_date.isoformat()}
    if laas.time_from and laas.time_to:
        # `format: time` in the spec: validators want seconds, as shipmentTime above has them.
        dates |= {"fromTime": laas.time_from + ":00", "toTime": laas.time_to + ":00"}
    fields: dict[str, Any] = {
        "dates": dates,
        "receiveCode": laas.receive_code,
        "receiveBarcode": f"LAAS{order.id}{laas.receive_code}",
    }
    region = {"id": 213, "name": order.city, "type": "CITY"}
    if laas.pickup_point is not None:
        fields["pickup"] = {
            "address": {"street": laas.address},
            "region": region,
            "logisticPointId": laas.pickup_point,
        }
    else:
        fields["courier"] = {"address": {"street": laas.address}, "region": region}
    return fields


def _unit_status(order: Order) -> str:
    if order.status == "CANCELLED":
        return "CANCELLED"
    if order.substatus in ("SHIPPED", "COURIER_RECEIVED") or order.status in ("DELIVERY", "PICKUP"):
        return "SHIPPED"
    if order.status == "DELIVERED":
        return "DELIVERED_TO_BUYER"
    return "CREATED"


def _transfer(order: Order) -> dict[str, Any]:
    """Express handover data: courier from COURIER_FOUND on; EAC type at the handover stages."""
    if order.eac is None or not order.courier_name:
        return {}
    transfer: dict[str, Any] = {
        "courier": {
            "fullName": order.courier_name,
            "phone": "+79990001122",
            "vehicleNumber": "А123ВС777",
            "vehicleDescription": "Белая Kia Rio",
        },
    }
    if order.substatus in ("COURIER_FOUND", "COURIER_ARRIVED_TO_SENDER", "COURIER_IN_TRANSIT_TO_SENDER"):
        transfer["eac"] = {"eacType": order.eac.eac_type}
        if order.eac.eac_type == "MERCHANT_TO_COURIER":  # the code the seller tells the courier
            transfer["eac"]["eacCode"] = order.eac.code
    return transfer


def legacy_order(order: Order) -> dict[str, Any]:
    """Legacy OrderDTO (getOrders, getOrder, updateOrderStatus): DD-MM-YYYY dates, `id`."""
    items = []
    for line in order.lines:
        item: dict[str, Any] = {
            "id": line.id,
            "offerId": line.product.offer_id,
            "offerName": line.product.name,
            "price": float(line.unit_price),
            "buyerPrice": float(line.unit_price),
            "buyerPriceBeforeDiscount": float(line.unit_price),
            "count": line.count,
            "vat": _VAT,
        }
        if line.promo:
            item["promos"] = [{"type": "DIRECT_DISCOUNT", "subsidy": 0, "discount": 0}]
        item |= _code_fields(order, line)
        items.append(item)
    shipment: dict[str, Any] = {"id": order.shipment_id, "shipmentDate": legacy_date(order.shipment_date)}
    if order.shipment_time is not None:
        shipment["shipmentTime"] = order.shipment_time.strftime("%H:%M")
    if order.boxes:
        shipment["boxes"] = [
            {"id": box.box_id, "fulfilmentId": fulfilment_id(order, n)}
            for n, box in enumerate(order.boxes, start=1)
        ]
    delivery: dict[str, Any] = {
        "type": order.delivery_type,
        "serviceName": order.delivery_service_name,
        "deliveryPartnerType": "SHOP" if order.program == "DBS" else "YANDEX_MARKET",
        "dates": {"fromDate": legacy_date(order.shipment_date)},
        "deliveryServiceId": order.delivery_service_id,
        "dispatchType": "BUYER",
        "region": {"id": 213, "name": order.city, "type": "CITY"},
        "address": {"country": "Россия", "city": order.city, "street": order.street, "house": order.house},
        "shipments": [shipment],
    }
    if order.eac is not None and "eac" in _transfer(order):
        delivery["eacType"] = order.eac.eac_type
        if order.eac.eac_type == "MERCHANT_TO_COURIER":
            delivery["eacCode"] = order.eac.code
    buyer: dict[str, Any] = {"type": order.buyer_type}
    if order.program == "DBS":
        buyer |= {
            "lastName": order.recipient.last_name,
            "firstName": order.recipient.first_name,
            "middleName": order.recipient.middle_name,
        }
    result: dict[str, Any] = {
        "id": order.id,
        "status": order.status,
        "substatus": order.substatus,
        "creationDate": legacy_datetime(order.created_at),
        "updatedAt": legacy_datetime(order.updated_at),
        "currency": "RUR",
        "itemsTotal": float(order.total),
        "deliveryTotal": 0,
        "buyerItemsTotalBeforeDiscount": float(order.total),
        "paymentType": order.payment_type,
        "paymentMethod": order.payment_method,
        "fake": order.fake,
        "items": items,
        "delivery": delivery,
        "buyer": buyer,
        "taxSystem": "OSN",
    }
    return result | _optional_fields(order)


def order_labels(order: Order) -> OrderLabels:
    """The label content of every box, in domain terms (shared with the PDF renderer)."""
    count = len(order.boxes)
    boxes = tuple(
        BoxLabel(
            order_id=order.id,
            order_num=order.external_id or str(order.id),
            box_id=box.box_id,
            fulfilment_id=fulfilment_id(order, n),
            place=f"{n}/{count}",
            supplier_name=demo_data.DEMO_BUSINESS_NAME,
            delivery_service_name=order.delivery_service_name,
            delivery_service_id=str(order.delivery_service_id),
            recipient_name=order.recipient.short_name,
            shipment_date=order.shipment_date,
            delivery_address=f"{order.city}, {order.street}, {order.house}",
        )
        for n, box in enumerate(order.boxes, start=1)
    )
    return OrderLabels(order_id=order.id, places=count, boxes=boxes)


def labels_data(order: Order, base_url: str) -> dict[str, Any]:
    """OrderLabelDTO, consistent with the PDFs the label endpoints render."""
    labels = order_labels(order)
    prefix = f"{base_url}/v2/campaigns/{order.campaign_id}/orders/{order.id}/delivery"
    return {
        "orderId": order.id,
        "placesNumber": labels.places,
        "url": f"{prefix}/labels",
        "parcelBoxLabels": [
            {
                "url": f"{prefix}/shipments/{order.shipment_id}/boxes/{box.box_id}/label",
                "supplierName": box.supplier_name,
                "deliveryServiceName": box.delivery_service_name,
                "orderId": box.order_id,
                "orderNum": box.order_num,
                "recipientName": box.recipient_name,
                "boxId": box.box_id,
                "fulfilmentId": box.fulfilment_id,
                "place": box.place,
                "weight": f"{_box_weight(order):.1f} кг".replace(".", ","),
                "deliveryServiceId": box.delivery_service_id,
                "deliveryAddress": box.delivery_address,
                "shipmentDate": order.shipment_date.strftime("%d.%m.%Y"),
            }
            for box in labels.boxes
        ],
    }


def _box_weight(order: Order) -> Decimal:
    total = sum((line.product.weight_kg * line.count for line in order.lines), Decimal(0))
    return total / max(len(order.boxes), 1)
