"""The courier hand-over rules: what may be a courier's code, who gives the code, arrivals once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from packstation.catalogue import russian
from packstation.domain.courier_handover import (
    ArrivalWatch,
    EacType,
    HandoverKind,
    HandoverOutcome,
    awaits_courier,
    courier_code,
    not_a_courier_code,
)
from packstation.domain.order import Courier, Program
from packstation.domain.packing.errors import Reason
from packstation.domain.verification import EacResult, EacVerdict
from tests.services.fakes import make_order

CIS = "0104006381333931215Abc123456789" + "\x1d" + "93TEST"


@pytest.mark.parametrize("text", ["4821", "0000", " 4821 \r\n", "12345", "123456", "4821\t"])
def test_short_digit_strings_are_courier_codes(text: str) -> None:
    assert courier_code(text) == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "482",  # too short
        "1234567",  # too long: no code has 7 digits
        "51000001",  # an order number (8 digits)
        "40170725",  # an EAN-8
        "4006381333931",  # an EAN-13 item barcode
        "51000001-1",  # a box label
        CIS,  # a marking code
        "PS:SUBMIT",  # a command
        "48 21",
        "４８２１",  # full-width digits are not what the Market sends
        "AB12",
    ],
)
def test_anything_else_is_not_a_courier_code(text: str) -> None:
    assert courier_code(text) is None


def test_the_refusal_names_the_shape_and_says_nothing_was_spent() -> None:
    error = not_a_courier_code()
    assert error.reason is Reason.NOT_COURIER_CODE
    assert "4" in error.en
    assert "6" in error.en
    assert "не потрачена" in russian(error)


def test_eac_types_as_the_market_defines_them() -> None:
    order = make_order(1, program=Program.EXPRESS)
    assert EacType.of(order) is EacType.COURIER_TO_MERCHANT  # not given yet: the default
    assert EacType.of(replace(order, eac_type="CHECKING_BY_MERCHANT")).packer_checks
    assert EacType.of(replace(order, eac_type="COURIER_TO_MERCHANT")).packer_checks
    assert not EacType.of(replace(order, eac_type="MERCHANT_TO_COURIER")).packer_checks
    assert EacType.of(replace(order, eac_type="SOMETHING_NEW")) is EacType.COURIER_TO_MERCHANT


def test_only_a_packed_express_order_awaits_its_courier() -> None:
    express = make_order(1, program=Program.EXPRESS, substatus="COURIER_SEARCH")
    assert awaits_courier(express)
    assert not awaits_courier(replace(express, substatus="STARTED"))
    assert not awaits_courier(replace(express, substatus="COURIER_RECEIVED"))
    assert not awaits_courier(make_order(2, substatus="READY_TO_SHIP"))  # FBS


def test_each_arrival_is_told_once_per_order_and_courier_state() -> None:
    watch = ArrivalWatch()
    courier = Courier("Петров Иван", vehicle_number="А123ВС777", vehicle_description="Белая Kia Rio")
    searching = make_order(1, program=Program.EXPRESS, substatus="COURIER_SEARCH")
    assert watch.update([searching]) == ()
    found = replace(searching, substatus="COURIER_FOUND", courier=courier)
    (arrival,) = watch.update([found])
    assert (arrival.order_id, arrival.substatus, arrival.courier) == (1, "COURIER_FOUND", courier)
    assert courier.vehicle == "Белая Kia Rio, А123ВС777"
    assert watch.update([found]) == ()  # the next refresh: already told
    in_transit = replace(found, substatus="COURIER_IN_TRANSIT_TO_SENDER")
    assert watch.update([in_transit]) == ()
    arrived = replace(found, substatus="COURIER_ARRIVED_TO_SENDER")
    assert [a.substatus for a in watch.update([arrived])] == ["COURIER_ARRIVED_TO_SENDER"]
    assert watch.update([arrived]) == ()
    assert watch.update([]) == ()  # handed over: it left the list
    assert len(watch.update([arrived])) == 1  # came back: told again


def test_outcomes_of_the_markets_verdicts() -> None:
    assert HandoverOutcome.of_verdict(EacResult(EacVerdict.ACCEPTED)).ok
    rejected = HandoverOutcome.of_verdict(EacResult(EacVerdict.REJECTED, 2))
    assert (rejected.kind, rejected.attempts_left) == (HandoverKind.REJECTED, 2)
    assert HandoverOutcome.of_verdict(EacResult(EacVerdict.NEED_UPDATE)).kind is HandoverKind.NEED_UPDATE
    assert HandoverOutcome.of_verdict(EacResult(EacVerdict.UNKNOWN)).kind is HandoverKind.REFUSED
