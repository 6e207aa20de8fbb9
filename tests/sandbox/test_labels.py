"""Label PDFs (every format, one page per box, Code 128 fulfilment id, Cyrillic), labels data JSON,
per-box labels and the mass-labels report."""

from __future__ import annotations

import httpx
import pytest
import zxingcpp

from packstation.domain.labels import LabelFormat
from packstation.printing.label_render import DOT, barcode_bar_width
from packstation.sandbox.model import Order
from tests.fixtures.sandbox import SandboxServer
from tests.sandbox.helpers import assert_error, box, error_code, order_path, put_boxes, whole
from tests.sandbox.pdf_tools import page_count, page_size_mm, pdf_text, render_page


def _two_box_order(api: httpx.Client, server: SandboxServer) -> Order:
    order = server.sandbox.add_order((("SPLIT-09", 1),))
    line = order.lines[0].id
    parts = [{"items": [{"id": line, "partialCount": {"current": c, "total": 2}}]} for c in (1, 2)]
    assert put_boxes(api, order, parts).status_code == 200
    return order


@pytest.mark.parametrize("fmt", list(LabelFormat))
def test_labels_pdf_one_page_per_box_in_each_format(
    api: httpx.Client, sandbox_server: SandboxServer, fmt: LabelFormat
) -> None:
    order = _two_box_order(api, sandbox_server)
    response = api.get(f"{order_path(order)}/delivery/labels", params={"format": fmt.value})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert page_count(response.content) == 2
    assert page_size_mm(response.content) == pytest.approx(fmt.size_mm, abs=0.2)


def test_label_content_and_barcode(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _two_box_order(api, sandbox_server)
    pdf = api.get(f"{order_path(order)}/delivery/labels", params={"format": "A9_HORIZONTALLY"}).content
    text = pdf_text(pdf)
    assert f"Заказ {order.id}" in text
    assert "1/2" in text
    assert "2/2" in text
    assert order.recipient.short_name in text
    assert order.shipment_date.strftime("%d.%m.%Y") in text
    assert order.delivery_service_name in text
    decoded = [
        (result.text, result.format)
        for page in (1, 2)
        for result in zxingcpp.read_barcodes(render_page(pdf, page))
    ]
    code128 = zxingcpp.BarcodeFormat.Code128
    assert decoded == [(f"{order.id}-1", code128), (f"{order.id}-2", code128)]


def test_bars_are_whole_printer_dots() -> None:
    for value, width in (("51000001-1", 58 * 72 / 25.4), ("51000001-12", 30 * 72 / 25.4)):
        bar = barcode_bar_width(value, width)
        assert bar / DOT == pytest.approx(round(bar / DOT))
        assert bar >= DOT


def test_labels_data_matches_the_pdf(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _two_box_order(api, sandbox_server)
    data = api.get(f"{order_path(order)}/delivery/labels/data").json()["result"]
    assert data["placesNumber"] == 2 == len(data["parcelBoxLabels"])
    first = data["parcelBoxLabels"][0]
    assert first["fulfilmentId"] == f"{order.id}-1"
    assert first["place"] == "1/2"
    assert first["shipmentDate"] == order.shipment_date.strftime("%d.%m.%Y")
    assert first["deliveryServiceId"] == str(order.delivery_service_id)
    box_pdf = httpx.get(first["url"], headers={"Api-Key": "k"})
    assert box_pdf.status_code == 200
    assert page_count(box_pdf.content) == 1
    assert "1/2" in pdf_text(box_pdf.content)
    assert "2/2" not in pdf_text(box_pdf.content)


def test_box_label_of_unknown_box(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = _two_box_order(api, sandbox_server)
    response = api.get(f"{order_path(order)}/delivery/shipments/1/boxes/42/label")
    assert_error(response, 404, "NOT_FOUND")


def test_bad_format_and_missing_layout(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order()
    assert error_code(api.get(f"{order_path(order)}/delivery/labels")) == "NO_BOXES"
    put_boxes(api, order, [box(whole(order.lines[0].id, 1))])
    bad = api.get(f"{order_path(order)}/delivery/labels", params={"format": "A5"})
    assert_error(bad, 400, "INVALID_QUERY_PARAMETER")


def test_mass_labels_report_pending_then_done(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    sandbox = sandbox_server.sandbox
    first, second = _two_box_order(api, sandbox_server), _two_box_order(api, sandbox_server)
    body = {"businessId": 1001, "orderIds": [second.id, first.id], "sortingType": "SORT_BY_GIVEN_ORDER"}
    started = api.post("/v2/reports/documents/labels/generate", params={"format": "A9"}, json=body)
    assert started.status_code == 200
    report_id = started.json()["result"]["reportId"]
    assert api.get(f"/v2/reports/info/{report_id}").json()["result"]["status"] == "PENDING"
    sandbox.finish_verifications()
    info = api.get(f"/v2/reports/info/{report_id}").json()["result"]
    assert info["status"] == "DONE"
    assert "subStatus" not in info
    pdf = httpx.get(info["file"]).content
    assert page_count(pdf) == 4
    assert page_size_mm(pdf) == pytest.approx(LabelFormat.A9.size_mm, abs=0.2)
    assert pdf_text(pdf).index(f"Заказ {second.id}") < pdf_text(pdf).index(f"Заказ {first.id}")


def test_mass_labels_with_unknown_orders(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    body = {"businessId": 1001, "orderIds": [1, 2]}
    report_id = api.post("/v2/reports/documents/labels/generate", json=body).json()["result"]["reportId"]
    sandbox_server.sandbox.finish_verifications()
    info = api.get(f"/v2/reports/info/{report_id}").json()["result"]
    assert (info["status"], info["subStatus"]) == ("FAILED", "RESOURCE_NOT_FOUND")
    duplicate = api.post(
        "/v2/reports/documents/labels/generate", json={"businessId": 1001, "orderIds": [1, 1]}
    )
    assert_error(duplicate, 400, "BAD_REQUEST")


def test_shipment_list_report(api: httpx.Client, sandbox_server: SandboxServer) -> None:
    order = sandbox_server.sandbox.add_order((("WARDROBE-3", 1), ("MUG-300", 2)))
    started = api.post(
        "/v2/reports/documents/shipment-list/generate", json={"campaignId": 2001, "orderIds": [order.id]}
    )
    report_id = started.json()["result"]["reportId"]
    sandbox_server.sandbox.finish_verifications()
    info = api.get(f"/v2/reports/info/{report_id}").json()["result"]
    assert info["status"] == "DONE"
    text = pdf_text(httpx.get(info["file"]).content)
    assert "Лист сборки" in text
    assert "Шкаф-купе 3-дверный" in text
    assert "MUG-300" in text
    dbs = api.post("/v2/reports/documents/shipment-list/generate", json={"campaignId": 2002})
    assert_error(dbs, 400, "BAD_REQUEST")


def test_renderer_embeds_the_cyrillic_font_and_fits_long_text() -> None:
    import subprocess
    import tempfile
    from datetime import date
    from pathlib import Path

    from packstation.domain.labels import BoxLabel, OrderLabels
    from packstation.printing.label_render import render_labels

    label = BoxLabel(
        order_id=7206821,
        order_num="7206821",
        box_id=1,
        fulfilment_id="7206821-1",
        place="1/1",
        supplier_name="Общество с ограниченной ответственностью «Очень длинное название продавца»",
        delivery_service_name="Яндекс Доставка",
        delivery_service_id="1006360",
        recipient_name="Щукина Ё. Ж.",
        shipment_date=date(2026, 3, 2),
    )
    pdf = render_labels(OrderLabels(order_id=7206821, places=1, boxes=(label,)), LabelFormat.A9_HORIZONTALLY)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "label.pdf"
        path.write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts
    assert all(" yes " in line for line in fonts.splitlines() if "DejaVu" in line)  # embedded
    assert "Щукина Ё. Ж." in pdf_text(pdf)
    seller = next(line for line in pdf_text(pdf).splitlines() if line.startswith("Продавец"))
    assert seller.startswith("Продавец: Общество с ограниченной ответственностью «")
    assert seller.endswith("…")  # shortened to stay legible rather than cut off by the page edge
    empty = render_labels(OrderLabels(order_id=1, places=0, boxes=()), LabelFormat.A7)
    assert page_count(empty) == 1
