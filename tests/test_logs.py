"""Logging: rotating file in the data dir, per-area loggers, secrets masked, unwritable dir."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from packstation.logs import AREAS, LOG_FILE_NAME, area_logger, mask_secrets, setup_logging, shutdown_logging

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
    assert "журнал" in setup.warning.message("ru").lower()
    assert "log" in setup.warning.message("en")
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
