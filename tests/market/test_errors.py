"""The error tree: every mapped Market code speaks to the packer in both languages, unknown codes
still quote the Market, and marking codes never appear whole in texts or logs."""

from __future__ import annotations

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import PackstationError
from packstation.market.errors import (
    KNOWN_ERROR_CODES,
    ApiErrorItem,
    BadRequestError,
    ForbiddenError,
    MarketError,
    RateLimitedError,
    error_for_status,
    mask_codes,
)

CODE = "0104601234567890215Abc!\x1d93Zjqw"


@pytest.mark.parametrize("code", sorted(KNOWN_ERROR_CODES))
def test_every_known_code_has_its_own_text_in_both_languages(code: str) -> None:
    error = BadRequestError((ApiErrorItem(code, "raw market text"),))
    generic = BadRequestError((ApiErrorItem("SOMETHING_ELSE", "raw market text"),))
    assert russian(error.text) != russian(generic.text)
    assert error.en != generic.en
    assert russian(error.text) != error.en
    assert "raw market text" in error.en  # the Market's own words are kept too
    assert isinstance(error, PackstationError)


@pytest.mark.parametrize(
    "code",
    [
        "PROMO_PROHIBITS_DELETE",
        "DUPLICATE_CIS",
        "INVALID_CIS",
        "STATUS_NOT_ALLOWED",
        "CIS_VALIDATION_IN_PROGRESS_ERROR",
    ],
)
def test_packing_codes_named_by_the_brief_are_mapped(code: str) -> None:
    assert code in KNOWN_ERROR_CODES


def test_first_known_code_wins_and_all_codes_are_preserved() -> None:
    error = BadRequestError((ApiErrorItem("WHATEVER", "a"), ApiErrorItem("DUPLICATE_CIS", "b")))
    assert error.codes == ("WHATEVER", "DUPLICATE_CIS")
    assert "дважды" in russian(error.text)


def test_marking_codes_are_masked_in_texts_and_str_but_kept_in_errors() -> None:
    error = BadRequestError((ApiErrorItem("INVALID_CIS", f"CIS {CODE} is invalid"),))
    for text in (russian(error), error.english(), str(error)):
        assert CODE not in text
        assert "93Zjqw" not in text
        assert "010460123456789021…" in text
    assert error.errors[0].message == f"CIS {CODE} is invalid"
    assert mask_codes("no codes here") == "no codes here"


def test_forbidden_tells_scope_problems_from_store_problems() -> None:
    scope = ForbiddenError((ApiErrorItem("FORBIDDEN", "Token has no access to this method"),))
    store = ForbiddenError((ApiErrorItem("API_DISABLED", "Campaign is disabled"),))
    assert scope.missing_scope
    assert not store.missing_scope
    assert str(scope.hint) != str(store.hint)


def test_rate_limited_tells_when() -> None:
    assert "через 5 мин" in russian(RateLimitedError(300))
    assert "later" in RateLimitedError(None).english()
    assert RateLimitedError(1).retryable


@pytest.mark.parametrize(
    ("status", "retryable"), [(400, False), (404, False), (420, True), (500, True), (502, True)]
)
def test_retryable_flags(status: int, retryable: bool) -> None:
    error = error_for_status(status, ())
    assert isinstance(error, MarketError)
    assert error.retryable is retryable
