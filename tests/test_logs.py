"""Logging: rotating file in the data dir, per-area loggers, secrets masked, unwritable dir."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from packstation.catalogue import russian
from packstation.logs import (
    AREAS,
    LOG_FILE_NAME,
    area_logger,
    forget_secrets,
    mask_secrets,
    register_secret,
    setup_logging,
    shutdown_logging,
)
from packstation.secrets import ENV_VAR, load_api_key
from tests.fixtures.log_scan import TEST_API_KEY, find_leaks

CIS = "0104601234567890215Abc!def\x1d93dGVz"
KEY = "ACMA:AbCdEfGh12345678:0a1b2c3d"


@pytest.fixture(autouse=True)
def _clean_logging() -> Iterator[None]:
    yield
    shutdown_logging()


@pytest.mark.parametrize(
    ("raw", "leak"),
    [
        (f"headers {{'Api-Key': '{KEY}'}}", "AbCdEfGh"),
        ("Authorization: Bearer y0_AgAAAAAAbbbbbbbbbbbbbbbbbbbbbbb", "AgAAAAAA"),
        (f"sent api_key={KEY}&x=1", "AbCdEfGh"),
        (f"token {KEY} in text", "AbCdEfGh"),
        (f"code {CIS} accepted", "Abc!def"),
        ("code (01)04601234567890(21)5Abc!def(91)EE07(92)xyz", "Abc!def"),
    ],
)
def test_mask_secrets_hides_tokens_and_codes(raw: str, leak: str) -> None:
    masked = mask_secrets(raw)
    assert leak not in masked
    assert "***" in masked
    assert "\x1d" not in masked


def test_mask_keeps_the_gtin_for_support_and_plain_text_untouched() -> None:
    assert "04601234567890" in mask_secrets(f"code {CIS}")
    assert mask_secrets("order 51000001 packed into 2 boxes") == "order 51000001 packed into 2 boxes"


def test_log_file_in_data_dir_with_area_loggers_and_masking(tmp_path: Path) -> None:
    setup = setup_logging(tmp_path / "logs", stderr=False)
    assert setup.warning is None
    assert setup.log_file == tmp_path / "logs" / LOG_FILE_NAME
    for area in AREAS:
        area_logger(area).info("hello from %s", area)
    area_logger("api").info("request with Api-Key: %s", KEY)
    area_logger("scan").warning("scanned %s", CIS)
    try:
        raise ValueError(f"bad code {CIS}")
    except ValueError:
        area_logger("ui").exception("failure")
    shutdown_logging()
    text = setup.log_file.read_text(encoding="utf-8")
    for area in AREAS:
        assert f"packstation.{area}: hello from {area}" in text
    assert "AbCdEfGh" not in text
    assert "Abc!def" not in text
    assert "ValueError: bad code 0104601234567890215A***" in text


def test_unknown_area_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown log area"):
        area_logger("printing")


def test_unwritable_log_dir_falls_back_to_stderr_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    setup = setup_logging(blocker / "logs")
    assert setup.log_file is None
    assert setup.warning is not None
    assert "журнал" in russian(setup.warning).lower()
    assert "log" in setup.warning.english()
    area_logger("print").info("still logging %s", KEY)
    captured = capsys.readouterr().err
    assert "still logging ***" in captured
    assert "Cannot write the log" in captured


def test_setup_twice_does_not_duplicate_lines(tmp_path: Path) -> None:
    setup_logging(tmp_path, stderr=False)
    setup = setup_logging(tmp_path, stderr=False)
    logging.getLogger("packstation.ui").warning("once")
    shutdown_logging()
    assert setup.log_file is not None
    assert setup.log_file.read_text(encoding="utf-8").count("once") == 1


GS = "\x1d"
SIG = "XF+bh3eM+xA6oD7CWFOY6agEnaVVJZFgnvzXhK2E2Ec="
FULL = "0104601234567893215Tr!Q+aB9c%kZ" + GS + "91EE06" + GS + "92" + SIG
# The same code typed by a scanner under the Russian keyboard layout.
FULL_RU = "0104601234567893215Ек!Й+фИ9с%лЯ" + GS + "91УУ06" + GS + "92ЧА+ир3уЬ+чФ6щВ7СЦАЩН6фпУ"
PACK = "00000046198488X?io+qCABm8wAYa"


@pytest.fixture
def _forget() -> Iterator[None]:
    yield
    forget_secrets()


@pytest.mark.usefixtures("_forget")
@pytest.mark.parametrize(
    "raw",
    [
        "sent {key} to the Market",
        "glued:{key}:here and again{key}",
        "url-encoded {quoted}",
        "upper {upper}",
        "Api-Key: {key}",
        "headers [('api-key', '{key}'), ('accept', 'json')]",
        "X-API-KEY  :  {key}",
        "GET /path?key={key}&x=1",
        "{{b'Api-Key': b'{key}'}}",
        "AUTHORIZATION: Bearer {key}",
    ],
)
def test_the_configured_key_is_masked_wherever_it_appears(raw: str) -> None:
    key = "pstest:Lw7/Zx9+f3Vb8"
    register_secret(key)
    line = raw.format(key=key, quoted=quote(key, safe=""), upper=key.upper())
    masked = mask_secrets(line)
    assert find_leaks(masked) == []
    assert "lw7" not in masked.lower()
    assert "***" in masked


@pytest.mark.parametrize(
    "line",
    [
        f"scan ]d2{FULL} accepted",
        f"code{FULL}glued",
        f"cis={FULL}",
        f"raw {FULL!r}",
        f"ru layout {FULL_RU}",
        "hri (01)04601234567893(21)5Tr!Q+aB9c%kZ(91)EE06(92)XF+bh3e",
        f"pack {PACK} sold",
        f"pack:{PACK}",
        f"{GS}{FULL}",
    ],
)
def test_full_codes_are_masked_in_any_wrapping(line: str) -> None:
    assert find_leaks(line), "the scanner must see the unmasked code"
    masked = mask_secrets(line)
    assert find_leaks(masked) == []
    assert "04601234567893" in masked or "00000046198488" in masked  # the GTIN stays for support


def test_plain_words_are_not_masked() -> None:
    text = "a monkey: banana; order 51000001 packed into 2 boxes; token_expired at 12"
    assert mask_secrets(text) == text


def test_a_key_loaded_from_the_environment_never_reaches_the_log_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, TEST_API_KEY)
    setup = setup_logging(tmp_path, stderr=False)
    try:
        assert load_api_key().key == TEST_API_KEY
        area_logger("api").warning("the Market echoed %s back", TEST_API_KEY)
        area_logger("api").warning("url https://x/?k=%s", quote(TEST_API_KEY, safe=""))
    finally:
        shutdown_logging()
        forget_secrets()
    assert setup.log_file is not None
    text = setup.log_file.read_text(encoding="utf-8")
    assert "the Market echoed *** back" in text
    assert TEST_API_KEY not in text
    assert quote(TEST_API_KEY, safe="") not in text
