"""Fault handling of the client over httpx.MockTransport: status mapping, retries only where
safe, 420 and the rate-limit headers, timeouts, garbage, PDFs answering JSON, the parallel cap."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import httpx
import pytest

from packstation.catalogue import russian
from packstation.domain.layout import BoxEntry, BoxPlan, LayoutPlan
from packstation.market import (
    BadRequestError,
    ConnectionFailedError,
    ForbiddenError,
    InvalidResponseError,
    MarketError,
    MarketTimeoutError,
    NotFoundError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    UnauthorizedError,
    UnexpectedStatusError,
)
from packstation.market.layout_wire import layout_request
from packstation.market.models import OrderStateDTO, SetOrderBoxLayoutRequest
from packstation.market.throttle import QuotaTracker
from tests.fixtures.log_scan import TEST_API_KEY
from tests.market.fakes import FakeClock, make_client, rfc822
from tests.market.spec_support import json_response

LABELS_DATA = {
    "status": "OK",
    "result": {"orderId": 7, "placesNumber": 0, "url": "u", "parcelBoxLabels": []},
}


def _error(status: int, code: str = "BAD_REQUEST", message: str = "nope", **headers: str) -> httpx.Response:
    body = {"status": "ERROR", "errors": [{"code": code, "message": message}]}
    return json_response(body, status, headers)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, UnauthorizedError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (420, RateLimitedError),
        (500, ServerError),
        (503, ServerError),
        (423, UnexpectedStatusError),
    ],
)
async def test_each_status_maps_to_its_error(status: int, error_type: type[Exception]) -> None:
    clock = FakeClock()
    async with make_client(lambda r: _error(status), clock, retry=RetryPolicy(attempts=1)) as client:
        with pytest.raises(error_type) as caught:
            await client.labels_data(2001, 7)
    error = caught.value
    assert isinstance(error, MarketError)
    assert error.status_code == status
    assert error.operation == "getOrderLabelsData"
    assert error.codes == ("BAD_REQUEST",)
    assert russian(error.text) != error.en
    assert russian(error.hint)
    assert str(error.hint)


@pytest.mark.asyncio
async def test_bad_request_keeps_market_codes_and_speaks_to_the_packer() -> None:
    clock = FakeClock()
    answer = _error(400, "CANNOT_REMOVE_LAST_ITEM", "Cannot remove the last item")
    async with make_client(lambda r: answer, clock) as client:
        with pytest.raises(BadRequestError) as caught:
            await client.verify_eac(2001, 7, "1234")
    error = caught.value
    assert error.codes == ("CANNOT_REMOVE_LAST_ITEM",)
    assert "единственный товар" in russian(error)
    assert "Cannot remove the last item" in error.english()
    assert "cancel" in str(error.hint).lower()


@pytest.mark.asyncio
async def test_forbidden_for_a_missing_scope_says_so() -> None:
    clock = FakeClock()
    answer = _error(403, "FORBIDDEN", "Access denied: token has no scope OFFERS_AND_CARDS_MANAGEMENT")
    async with make_client(lambda r: answer, clock) as client:
        with pytest.raises(ForbiddenError) as caught:
            await client.offer_mappings(1001, ["SKU"])
    assert caught.value.missing_scope
    assert "доступ" in russian(caught.value.hint)


@pytest.mark.asyncio
async def test_420_with_reset_header_waits_until_reset_then_retries() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            until = rfc822(clock.wall() + timedelta(seconds=12))
            return _error(
                420,
                "REQUEST_LIMIT_EXCEEDED",
                "Hit rate limit",
                **{
                    "X-RateLimit-Resource-Limit": "10000",
                    "X-RateLimit-Resource-Remaining": "0",
                    "X-RateLimit-Resource-Until": until,
                },
            )
        return json_response(LABELS_DATA)

    async with make_client(handler, clock) as client:
        result = await client.labels_data(2001, 7)
    assert result.order_id == 7
    assert len(calls) == 2
    assert clock.sleeps == [pytest.approx(12.0, abs=1.0)]


@pytest.mark.asyncio
async def test_420_is_retried_even_for_a_non_idempotent_call_because_it_was_refused() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            return _error(420, "REQUEST_LIMIT_EXCEEDED", "slow down", **{"Retry-After": "3"})
        return json_response({"status": "OK", "result": {"verificationResult": "ACCEPTED"}})

    async with make_client(handler, clock) as client:
        result = await client.verify_eac(2001, 7, "1234")
    assert result.verification_result == "ACCEPTED"
    assert clock.sleeps == [3.0]


@pytest.mark.asyncio
async def test_420_with_a_distant_reset_fails_fast_with_the_wait() -> None:
    clock = FakeClock()
    until = rfc822(clock.wall() + timedelta(minutes=40))
    answer = _error(420, "REQUEST_LIMIT_EXCEEDED", "hourly", **{"X-RateLimit-Resource-Until": until})
    async with make_client(lambda r: answer, clock) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.identifiers_status(2001, 7)
    assert caught.value.retry_after == pytest.approx(2400, abs=2)
    assert "40 min" in caught.value.english()
    assert clock.sleeps == []


@pytest.mark.asyncio
async def test_5xx_on_a_safe_call_is_retried_with_backoff_then_fails_clearly() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return _error(500, "INTERNAL_ERROR", "boom")

    policy = RetryPolicy(attempts=4, base_delay=0.5, max_delay=8.0)
    async with make_client(handler, clock, retry=policy) as client:
        with pytest.raises(ServerError) as caught:
            await client.labels_data(2001, 7)
    assert len(calls) == 4
    assert len(clock.sleeps) == 3
    for attempt, delay in enumerate(clock.sleeps, start=1):
        assert 0 <= delay <= min(8.0, 0.5 * 2**attempt)
    assert caught.value.retryable
    assert "Сбой" in russian(caught.value)


@pytest.mark.asyncio
async def test_5xx_then_success_returns_the_result() -> None:
    clock = FakeClock()
    answers = [_error(502), _error(503), json_response(LABELS_DATA)]
    async with make_client(lambda r: answers.pop(0), clock) as client:
        assert (await client.labels_data(2001, 7)).order_id == 7
    assert answers == []


@pytest.mark.asyncio
async def test_5xx_on_a_non_idempotent_post_is_not_retried() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return _error(500)

    async with make_client(handler, clock) as client:
        with pytest.raises(ServerError):
            await client.update_order_statuses(2001, [OrderStateDTO(id=1, status="PROCESSING")])
    assert len(calls) == 1


@pytest.mark.asyncio
async def test_read_timeout_retried_for_box_layout_reads_but_not_for_verify_eac() -> None:
    clock = FakeClock()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        raise httpx.ReadTimeout("slow", request=request)

    async with make_client(handler, clock, retry=RetryPolicy(attempts=3)) as client:
        with pytest.raises(MarketTimeoutError):
            await client.labels_data(2001, 7)
        assert len(calls) == 3
        calls.clear()
        with pytest.raises(MarketTimeoutError) as caught:
            await client.verify_eac(2001, 7, "1234")
        assert len(calls) == 1
    assert "вовремя" in russian(caught.value)


@pytest.mark.asyncio
async def test_connect_error_is_retried_for_any_call_since_nothing_was_sent() -> None:
    clock = FakeClock()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) < 3:
            raise httpx.ConnectError("refused", request=request)
        result = {"verificationResult": "REJECTED", "attemptsLeft": 2}
        return json_response({"status": "OK", "result": result})

    async with make_client(handler, clock) as client:
        result = await client.verify_eac(2001, 7, "0000")
    assert (result.verification_result, result.attempts_left) == ("REJECTED", 2)
    assert len(calls) == 3


def _one_box() -> SetOrderBoxLayoutRequest:
    return layout_request(LayoutPlan((BoxPlan((BoxEntry(11, full_count=1),)),)))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("failure", "error_type"),
    [
        (httpx.RemoteProtocolError("peer closed connection"), ConnectionFailedError),
        (httpx.ReadError("reset"), ConnectionFailedError),
        (httpx.ReadTimeout("slow"), MarketTimeoutError),
        (500, ServerError),
    ],
)
async def test_a_layout_or_status_whose_answer_may_be_lost_is_sent_once_and_says_so(
    failure: Exception | int, error_type: type[MarketError]
) -> None:
    """The transport does not resend a mutation the Market may have applied: the caller reads
    the order back (services.lost_answer) instead."""
    clock = FakeClock()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method + " " + request.url.path.rsplit("/", 1)[1])
        if isinstance(failure, int):
            return _error(failure)
        raise type(failure)(str(failure), request=request)

    async with make_client(handler, clock) as client:
        with pytest.raises(error_type) as layout_error:
            await client.set_box_layout(2001, 7, _one_box())
        with pytest.raises(error_type) as status_error:
            await client.update_order_status(2001, 7, "PROCESSING", "READY_TO_SHIP")
    assert calls == ["PUT boxes", "PUT status"]
    assert layout_error.value.answer_lost
    assert status_error.value.answer_lost
    assert clock.sleeps == []


@pytest.mark.asyncio
async def test_a_layout_that_never_left_is_retried_and_not_taken_for_a_lost_answer() -> None:
    clock = FakeClock()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        raise httpx.ConnectError("refused", request=request)

    async with make_client(handler, clock, retry=RetryPolicy(attempts=3)) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.set_box_layout(2001, 7, _one_box())
    assert len(calls) == 3
    assert not caught.value.answer_lost


@pytest.mark.asyncio
async def test_connection_failure_when_retries_run_out() -> None:
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network down", request=request)

    async with make_client(handler, clock, retry=RetryPolicy(attempts=2)) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.campaign(2001)
    assert "Нет связи" in russian(caught.value)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "body", [b"<html>gateway</html>", b"{not json", b'{"status":"OK","result":{"orderId":"x"}}']
)
async def test_garbage_answers_raise_invalid_response(body: bytes) -> None:
    clock = FakeClock()
    answer = httpx.Response(200, content=body, headers={"content-type": "application/json"})
    async with make_client(lambda r: answer, clock) as client:
        with pytest.raises(InvalidResponseError) as caught:
            await client.labels_data(2001, 7)
    assert caught.value.operation == "getOrderLabelsData"
    assert "непонятный" in russian(caught.value)


@pytest.mark.asyncio
async def test_ok_status_error_envelope_in_200_raises_bad_request() -> None:
    clock = FakeClock()
    answer = json_response(
        {"status": "ERROR", "errors": [{"code": "STATUS_NOT_ALLOWED", "message": "m"}]}
        | {"result": {"verificationResult": "REJECTED"}}
    )
    async with make_client(lambda r: answer, clock) as client:
        with pytest.raises(BadRequestError) as caught:
            await client.verify_eac(2001, 7, "1")
    assert caught.value.codes == ("STATUS_NOT_ALLOWED",)


@pytest.mark.asyncio
async def test_pdf_endpoint_returns_bytes_on_pdf_and_raises_on_json() -> None:
    clock = FakeClock()
    pdf = b"%PDF-1.7\nlabel"
    answers = [
        httpx.Response(200, content=pdf, headers={"content-type": "application/pdf"}),
        json_response({"status": "ERROR", "errors": [{"code": "NO_BOXES", "message": "no boxes"}]}),
        httpx.Response(200, content=b"<html/>", headers={"content-type": "text/html"}),
        _error(400, "NO_BOXES", "no boxes"),
    ]
    async with make_client(lambda r: answers.pop(0), clock) as client:
        assert await client.labels_pdf(2001, 7, "A9") == pdf
        with pytest.raises(BadRequestError) as caught:
            await client.box_label_pdf(2001, 7, 1, "A7")
        assert caught.value.codes == ("NO_BOXES",)
        with pytest.raises(InvalidResponseError):
            await client.labels_pdf(2001, 7)
        with pytest.raises(BadRequestError):
            await client.labels_pdf(2001, 7)


@pytest.mark.asyncio
async def test_bulk_status_update_surfaces_partial_failures_and_batches_by_30() -> None:
    clock = FakeClock()
    bodies: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        import json

        body = json.loads(request.content)
        bodies.append(body)
        outcomes = [
            {"id": o["id"], "status": o["status"], "substatus": o.get("substatus"), "updateStatus": "OK"}
            if o["id"] % 2
            else {"id": o["id"], "updateStatus": "ERROR", "errorDetails": "Order is already cancelled"}
            for o in body["orders"]  # type: ignore[index]
        ]
        return json_response({"status": "OK", "result": {"orders": outcomes}})

    states = [OrderStateDTO(id=i, status="PROCESSING", substatus="READY_TO_SHIP") for i in range(1, 32)]
    async with make_client(handler, clock) as client:
        outcomes = await client.update_order_statuses(2001, states)
    assert [len(b["orders"]) for b in bodies] == [30, 1]  # type: ignore[arg-type]
    assert len(outcomes) == 31
    failed = [o for o in outcomes if o.update_status == "ERROR"]
    assert [o.id for o in failed] == list(range(2, 32, 2))
    assert failed[0].error_details == "Order is already cancelled"


@pytest.mark.asyncio
async def test_in_flight_cap_holds_under_50_concurrent_calls() -> None:
    clock = FakeClock()
    active: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        campaign = request.url.path.split("/")[3]
        active[campaign] = active.get(campaign, 0) + 1
        peak[campaign] = max(peak.get(campaign, 0), active[campaign])
        await asyncio.sleep(0.005)
        active[campaign] -= 1
        return json_response(LABELS_DATA)

    async with make_client(handler, clock) as client:
        results = await asyncio.gather(*(client.labels_data(2001 + i % 2, 7) for i in range(50)))
    assert len(results) == 50
    assert peak == {"2001": 4, "2002": 4}  # the cap is reached and never exceeded, per campaign


@pytest.mark.asyncio
async def test_headers_name_packstation_and_carry_the_key_which_never_reaches_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _error(500) if len(seen) == 1 else json_response(LABELS_DATA)

    caplog.set_level(logging.DEBUG)
    async with make_client(handler, clock) as client:
        await client.labels_data(2001, 7)
    assert seen[0].headers["Api-Key"] == TEST_API_KEY
    assert seen[0].headers["User-Agent"].startswith("Packstation/0.")
    assert TEST_API_KEY not in caplog.text
    assert "getOrderLabelsData" in caplog.text  # the retry was logged


@pytest.mark.asyncio
async def test_quota_pacing_slows_down_before_the_hourly_limit_and_never_exceeds_it() -> None:
    clock = FakeClock()
    sent_at: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent_at.append(clock.now)
        return json_response({"status": "OK", "result": {"items": []}})

    async with make_client(handler, clock) as client:
        for _ in range(1200):  # identifiers/status allows 1000 per hour
            await client.identifiers_status(2001, 7)
    assert sent_at[799] == sent_at[0]  # full speed for the first 80 %
    assert sent_at[800] > sent_at[799]  # then paced
    for i in range(len(sent_at) - 1000):
        assert sent_at[i + 1000] - sent_at[i] >= 3600  # never 1001 calls within an hour


class _YieldingClock(FakeClock):
    """A fake clock whose sleep lets the other tasks run before it ends, as a real one does."""

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        due = self.now + seconds
        await asyncio.sleep(0)
        self.now = max(self.now, due)


@pytest.mark.asyncio
async def test_concurrent_calls_at_a_used_up_quota_go_one_by_one_as_the_window_frees() -> None:
    clock = _YieldingClock()
    sent_at: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent_at.append(clock.now)
        info = {"orderIdsWithLabels": [], "orderIdsWithoutLabels": []}
        return json_response({"status": "OK", "result": info})

    async with make_client(handler, clock, quota=QuotaTracker(slow_at=1.0)) as client:
        for _ in range(200):  # orders/info of a shipment allows 200 per hour: one a second, used up
            await client.shipment_orders_info(2001, 5)
            clock.now += 1
        clock.now = sent_at[0] + 3600 - 5  # the oldest call leaves the window in 5 s
        await asyncio.gather(*(client.shipment_orders_info(2001, 5) for _ in range(3)))
    assert sent_at[200:] == [sent_at[0] + 3600, sent_at[1] + 3600, sent_at[2] + 3600]
    for i in range(len(sent_at) - 200):
        assert sent_at[i + 200] - sent_at[i] >= 3600  # never 201 calls within an hour


@pytest.mark.asyncio
async def test_quota_exhausted_locally_raises_without_calling_the_market() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return json_response({"status": "OK", "result": {"items": []}})

    async with make_client(handler, clock, quota=QuotaTracker(slow_at=1.0)) as client:
        for _ in range(1000):
            await client.identifiers_status(2001, 7)
        with pytest.raises(RateLimitedError) as caught:
            await client.identifiers_status(2001, 7)
    assert len(calls) == 1000
    assert caught.value.retry_after == pytest.approx(3600)


@pytest.mark.asyncio
async def test_server_rate_headers_pace_the_client_before_any_420() -> None:
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        until = rfc822(clock.wall() + timedelta(seconds=100))
        headers = {
            "X-RateLimit-Resource-Limit": "1000",
            "X-RateLimit-Resource-Remaining": "10",
            "X-RateLimit-Resource-Until": until,
        }
        return json_response({"status": "OK", "result": {"items": []}}, headers=headers)

    async with make_client(handler, clock) as client:
        await client.identifiers_status(2001, 7)
        assert clock.sleeps == []
        await client.identifiers_status(2001, 7)
    # The server reports 10 calls left for the next 100 s: one call per 10 s.
    assert clock.sleeps == [pytest.approx(10.0, rel=0.01)]


def test_timeouts_and_user_agent_defaults() -> None:
    from packstation.market import MarketClient

    client = MarketClient("k")
    timeout = client.transport.http.timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)
    assert str(client.transport.http.base_url).startswith("https://api.partner.market.yandex.ru")
    asyncio.run(client.aclose())


@pytest.mark.asyncio
async def test_mass_labels_poll_until_done_and_the_key_never_goes_to_the_file_host() -> None:
    clock = FakeClock()
    seen: list[httpx.Request] = []
    states = iter(["PENDING", "PROCESSING", "DONE"])

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/generate"):
            return json_response(
                {"status": "OK", "result": {"reportId": "r1", "estimatedGenerationTime": 1500}}
            )
        if request.url.path.startswith("/v2/reports/info/"):
            state = next(states)
            result = {"status": state, "generationRequestedAt": "2026-11-23T10:00:00+03:00"}
            if state == "DONE":
                result["file"] = "https://storage.example/labels/r1.pdf?sig=abc"
            return json_response({"status": "OK", "result": result})
        assert request.url.host == "storage.example"
        return httpx.Response(200, content=b"%PDF-1.4 mass", headers={"content-type": "application/pdf"})

    async with make_client(handler, clock) as client:
        pdf = await client.mass_labels_pdf(1001, [5, 6, 5], "A4")
    assert pdf == b"%PDF-1.4 mass"
    import json

    assert json.loads(seen[0].content) == {"businessId": 1001, "orderIds": [5, 6]}
    assert seen[0].url.params["format"] == "A4"
    assert clock.sleeps[0] == 1.5  # the Market's own estimate first
    assert "Api-Key" in seen[1].headers
    assert "Api-Key" not in seen[-1].headers


@pytest.mark.asyncio
async def test_a_failed_or_endless_report_raises_a_clear_error() -> None:
    clock = FakeClock()

    def failed(request: httpx.Request) -> httpx.Response:
        result = {
            "status": "FAILED",
            "subStatus": "RESOURCE_NOT_FOUND",
            "generationRequestedAt": "2026-11-23",
        }
        return json_response({"status": "OK", "result": result})

    async with make_client(failed, clock) as client:
        with pytest.raises(MarketError) as caught:
            await client.wait_report("r1")
    assert "RESOURCE_NOT_FOUND" in caught.value.english()

    def pending(request: httpx.Request) -> httpx.Response:
        return json_response(
            {"status": "OK", "result": {"status": "PENDING", "generationRequestedAt": "2026-11-23"}}
        )

    async with make_client(pending, clock) as client:
        with pytest.raises(MarketError) as slow:
            await client.wait_report("r1", give_up_after=30)
    assert "долго" in russian(slow.value)


@pytest.mark.asyncio
@pytest.mark.parametrize(("second_size", "second_token"), [(0, "p3"), (1, "p2")])
async def test_paging_stops_on_an_empty_page_or_a_repeated_token(second_size: int, second_token: str) -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []
    order = {
        "orderId": 1,
        "campaignId": 2001,
        "status": "PROCESSING",
        "substatus": "STARTED",
        "creationDate": "2026-11-23T10:00:00+03:00",
        "items": [],
        "delivery": {},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if "pageToken" not in request.url.params:
            return json_response({"orders": [order], "paging": {"nextPageToken": "p2"}})
        return json_response({"orders": [order] * second_size, "paging": {"nextPageToken": second_token}})

    async with make_client(handler, clock) as client:
        pages = [page async for page in client.iter_business_order_pages(1001)]
    assert [len(page) for page in pages] == [1, second_size]
    assert len(calls) == 2


@pytest.mark.asyncio
async def test_paging_stops_when_a_full_page_repeats_its_token() -> None:
    clock = FakeClock()
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return json_response({"campaigns": [{"id": len(calls)}], "paging": {"nextPageToken": "same"}})

    async with make_client(handler, clock) as client:
        campaigns = await client.campaigns()
    assert [c.id for c in campaigns] == [1, 2]
    assert len(calls) == 2


@pytest.mark.asyncio
async def test_an_undecodable_body_is_an_invalid_response_not_a_raw_httpx_error() -> None:
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.DecodingError("bad gzip", request=request)

    async with make_client(handler, clock) as client:
        with pytest.raises(InvalidResponseError) as caught:
            await client.labels_data(2001, 7)
    assert isinstance(caught.value.__cause__, httpx.DecodingError)
