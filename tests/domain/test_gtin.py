"""The GTIN check digit rule, held to biip's (the GS1 library the station used before, issue 19)."""

from __future__ import annotations

from biip import ParseError
from biip.gtin import Gtin
from hypothesis import given, settings
from hypothesis import strategies as st

from packstation.domain.gtin import GTIN_LENGTHS, check_digit, gtin_error


def _biip_accepts(code: str) -> bool:
    try:
        Gtin.parse(code)
    except ParseError:
        return False
    return True


@settings(max_examples=500, deadline=None)
@given(length=st.sampled_from(sorted(GTIN_LENGTHS)), data=st.data())
def test_the_check_digit_rule_agrees_with_biip(length: int, data: st.DataObject) -> None:
    payload = data.draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    right = payload + str(check_digit(payload))
    wrong = payload + str((check_digit(payload) + data.draw(st.integers(1, 9))) % 10)
    assert gtin_error(right) is None
    assert _biip_accepts(right)
    assert gtin_error(wrong) is not None
    assert not _biip_accepts(wrong)


def test_the_refusals_say_why() -> None:
    assert gtin_error("4601234567893") is None
    assert gtin_error("4601234567890") == "GTIN check digit is wrong: expected 3, got 0"
    assert gtin_error("46012340") is None  # GTIN-8
    assert gtin_error("46012345") == "GTIN check digit is wrong: expected 0, got 5"
    assert gtin_error("12345") == "a GTIN has 8, 12, 13 or 14 digits, got 5 characters"
