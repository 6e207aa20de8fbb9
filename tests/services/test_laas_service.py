"""The LaaS use cases through the real client and office gateway, over the sandbox (HTTP via
ASGI) on a frozen clock: seeds 002 and 004 step by step, refusals placed on form fields."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from packstation.catalogue import russian
from packstation.domain.laas import Field, OperationState
from packstation.market.client import MarketClient
from packstation.market.office_gateway import OfficeGateway
from packstation.sandbox.app import SandboxConfig, create_app
from packstation.sandbox.clock import MSK, SandboxClock
from packstation.sandbox.demo_data import DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID
from packstation.sandbox.state import Sandbox
from packstation.services.laas import FormRefusedError, LaasService, OrderForm

pytestmark = pytest.mark.asyncio
START = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)


class Env:
    def __init__(self) -> None:
        self.clock = SandboxClock(start=START)
        self.app = create_app(SandboxConfig(clock=self.clock))
        self.sandbox: Sandbox = self.app.state.sandbox
        self.client = MarketClient("k", "http://sandbox.invalid", transport=httpx.ASGITransport(app=self.app))
        self.gateway = OfficeGateway(
            self.client, DEMO_BUSINESS_ID, DEMO_LAAS_CAMPAIGN_ID, today=lambda: self.clock.now().date()
        )
        self.slept: list[float] = []
        self.service = LaasService(self.gateway, self.clock, self.sleep)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.sandbox.advance_clock(seconds)


@pytest_asyncio.fixture
async def env() -> AsyncIterator[Env]:
    environment = Env()
    yield environment
    await environment.client.aclose()


def courier_form(**changes: object) -> OrderForm:
    form = OrderForm(
        items=(("MUG-300", "2", "450"), ("BOOK-WP", "1", "700")),
        pickup=False,
        address="Москва, ул. Тверская, д. 1",
        apartment="12",
        floor="3",
        last_name="Петрова",
        first_name="Анна",
        phone="8 (999) 000-11-22",
        external_id="PS-1",
    )
    return replace(form, **changes)  # type: ignore[arg-type]


async def test_courier_order_as_a_draft_confirmed_moved_and_cancelled(env: Env) -> None:
    svc = env.service
    found = await svc.search("кружка")
    assert [o.offer_id for o in found] == ["MUG-300"]
    assert found[0].price == env.sandbox.catalogue["MUG-300"].price
    assert await svc.search(env.sandbox.catalogue["BOOK-WP"].ean13) == (await svc.search("BOOK-WP"))
    stocks = await svc.stocks(["MUG-300"])
    assert {s.warehouse_id for s in stocks} == {300, 301}
    form = courier_form()
    warehouses = await svc.delivery_options(form)
    assert [w.warehouse_id for w in warehouses] == [300]
    option = warehouses[0].options[1]
    assert option.from_time is not None
    [order] = await svc.create(form, warehouses, [option])
    assert order.is_draft
    assert order.recipient is not None
    assert order.recipient.phone == "+79990001122"
    assert order.draft_left(svc.clock.now()) == timedelta(hours=1)
    env.sandbox.advance_clock(30)
    assert order.draft_left(svc.clock.now()) == timedelta(minutes=59, seconds=30)
    confirm = await svc.confirm(order)
    assert confirm.id in svc.pending
    done = await svc.wait(confirm)
    assert done.state is OperationState.DONE
    assert confirm.id not in svc.pending
    [order] = await svc.orders([order.id])
    assert (order.status, order.substatus) == ("PROCESSING", "STARTED")
    intervals = await svc.intervals(order)
    moved = await svc.change_interval(order, intervals[-1])
    assert (await svc.wait(moved)).state is OperationState.DONE
    [order] = await svc.orders([order.id])
    assert (order.from_date, order.from_time) == (intervals[-1].from_date, intervals[-1].from_time)
    renamed = await svc.change_recipient(order, "Иванов", "Пётр", "+79995554433")
    assert (await svc.wait(renamed)).state is OperationState.DONE
    cancel = await svc.cancel(order)
    assert (await svc.wait(cancel)).state is OperationState.DONE
    [order] = await svc.orders([order.id])
    assert (order.status, order.substatus) == ("CANCELLED", "SHOP_FAILED")
    assert order.recipient is not None
    assert order.recipient.last_name == "Иванов"


async def test_polling_backs_off_and_reports_a_failed_change(env: Env) -> None:
    svc = env.service
    form = courier_form(external_id="PS-2")
    warehouses = await svc.delivery_options(form)
    [order] = await svc.create(replace(form, draft=False), warehouses, [warehouses[0].options[0]])
    [option, *_] = await svc.intervals(order)
    env.sandbox.config.operation_delay = 2.0
    await svc.cancel(order)
    env.sandbox.config.operation_delay = 10.0
    moving = await svc.change_interval(order, option)  # applied after the cancellation: fails
    seen: list[tuple[OperationState, float]] = []
    final = await svc.wait(moving, lambda op, delay: seen.append((op.state, delay)))
    assert final.state is OperationState.FAILED
    assert env.slept[:3] == [1.0, 2.0, 4.0]  # backing off
    assert seen[-1] == (OperationState.FAILED, 0.0)


async def test_pickup_order_with_points_cached_for_the_day(env: Env) -> None:
    svc = env.service
    points = await svc.pickup_points("невский")
    assert [p.id for p in points] == [1006]
    assert (await svc.pickup_points("Тверская"))[0].id == 1001  # from the day's cache
    form = replace(courier_form(external_id="PS-3"), pickup=True, pickup_point=1001, address="")
    warehouses = await svc.delivery_options(form)
    options = warehouses[0].options
    assert {o.pickup_point for o in options} == {1001}
    [order] = await svc.create(form, warehouses, [options[0]])
    assert order.pickup_point == 1001
    assert order.receive_code


async def test_refusals_name_the_field_and_keep_the_form(env: Env) -> None:
    svc = env.service
    with pytest.raises(FormRefusedError) as bad_phone:
        svc.validate(courier_form(phone="12345"))
    assert set(bad_phone.value.problems) == {Field.PHONE}
    with pytest.raises(FormRefusedError) as sold_out:
        await svc.delivery_options(courier_form(items=(("WASHER-6KG", "1", "30000"),)))
    assert set(sold_out.value.problems) == {Field.ITEMS}
    assert "WASHER-6KG (0)" in russian(sold_out.value.problems[Field.ITEMS])
    with pytest.raises(FormRefusedError) as far:
        await svc.delivery_options(courier_form(address="Магадан, ул. Ленина, д. 1"))
    assert set(far.value.problems) == {Field.ADDRESS}
    assert "Маркет:" in russian(far.value.problems[Field.ADDRESS])
    form = courier_form(external_id="PS-DUP")
    warehouses = await svc.delivery_options(form)
    await svc.create(form, warehouses, [warehouses[0].options[0]])
    with pytest.raises(FormRefusedError) as duplicate:
        await svc.create(form, warehouses, [warehouses[0].options[0]])
    assert set(duplicate.value.problems) == {Field.EXTERNAL_ID}
    assert svc.suggest_external_id() != svc.suggest_external_id()
