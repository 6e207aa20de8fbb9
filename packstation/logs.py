"""Logging for the whole app: one rotating file in the data dir, one logger per area, and a filter
that keeps API tokens and full marking codes out of every log line.

Areas: `api`, `scan`, `print`, `ui`, `storage` (use `area_logger("api")`). The masking filter
sits on the handlers, not the loggers, so it also covers the third-party loggers (httpx, qasync)
routed into the same file at WARNING and above.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Final
from urllib.parse import quote

from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP

AREAS: Final = ("api", "scan", "print", "ui", "storage")
LOG_FILE_NAME: Final = "packstation.log"
_MAX_BYTES: Final = 2_000_000
_BACKUPS: Final = 5
_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_THIRD_PARTY: Final = ("httpx", "qasync")
_INSTALLED: list[tuple[logging.Logger, logging.Handler]] = []

_GS = "\x1d"
_MASK = "***"
# Header, query or dict forms of a secret, any case and spelling: "Api-Key: abc", "api_key=abc",
# "key=abc", "'api-key': b'abc'", "('api-key', 'abc')", "Authorization: Bearer abc".
_SECRET_FIELD = re.compile(
    r"(?<![a-z])(?P<name>(?:x[-_ ]?)?(?:api[-_ ]?)?key|authorization|token|password|secret)"
    r"(?P<sep>[\"']?\s*[:=]\s*(?:b?[\"'])?|[\"']\s*,\s*b?[\"'])"
    r"(?P<scheme>(?:bearer|oauth)\s+)?(?P<value>[^\s\"',;})\]&]+)",
    re.IGNORECASE,
)
# Yandex tokens: "ACMA:<base64>:<hex>" Api-Keys and "y0_..." OAuth tokens, wherever they appear.
_BARE_TOKEN = re.compile(r"\b(?:ACMA:[A-Za-z0-9+/=:_-]{8,}|y[0-3]_[A-Za-z0-9_-]{20,})")
# Characters of a marking code as it may reach a log: printable ASCII, GS, and the Cyrillic a
# scanner types under the Russian layout (digits stay digits there).
_CODE_CHAR = r"[!-~\x1d\u0400-\u04ff№]"
# GS1 element strings of marking codes: (01) GTIN + (21) serial, with or without brackets and the
# crypto tail, glued to other text or after a "]d2" symbology prefix alike. Only the GTIN and the
# first two serial characters stay readable.
_MARKING_CODE = re.compile(
    rf"(?P<lead>\(01\)|01)(?P<gtin>\d{{14}})(?:\(21\)|21)(?P<serial>{_CODE_CHAR}{{2}}){_CODE_CHAR}*"
)
# Tobacco packs: 29 characters with no AIs, GTIN 14 + serial 7 + price 4 + crypto 4.
_TOBACCO_PACK = re.compile(
    rf"(?<![0-9])(?P<gtin>\d{{14}})(?P<serial>{_CODE_CHAR}{{2}}){_CODE_CHAR}{{13}}(?!{_CODE_CHAR})"
)
# Values masked wherever they appear (the configured API key), longest first.
_KNOWN: dict[str, re.Pattern[str]] = {}
_MIN_SECRET = 4  # shorter values would mask ordinary words


def register_secret(value: str) -> None:
    """Mask `value` (e.g. the configured API key) in every later log line, wherever it appears.

    Also masks its URL-encoded form. Values shorter than 4 characters are ignored.
    """
    value = value.strip()
    if len(value) < _MIN_SECRET or value in _KNOWN:
        return
    forms = sorted({value, quote(value, safe="")}, key=len, reverse=True)
    _KNOWN[value] = re.compile("|".join(map(re.escape, forms)), re.IGNORECASE)


def forget_secrets() -> None:
    """Drop the values `register_secret` added (tests; a key replaced in Settings stays masked)."""
    _KNOWN.clear()


def mask_secrets(text: str) -> str:
    """Return `text` with API keys, OAuth tokens and marking codes replaced by short stand-ins.

    Args:
        text: a fully formatted log message.

    Returns:
        The message with every secret masked; GS characters are shown as `<GS>`.
    """
    if not text:  # most audit lines have no detail ("order_opened" in an order's first scan)
        return text
    for pattern in sorted(_KNOWN.values(), key=lambda p: len(p.pattern), reverse=True):
        text = pattern.sub(_MASK, text)
    text = _SECRET_FIELD.sub(lambda m: f"{m['name']}{m['sep']}{m['scheme'] or ''}{_MASK}", text)
    text = _BARE_TOKEN.sub(_MASK, text)
    text = _MARKING_CODE.sub(lambda m: f"{m['lead']}{m['gtin']}21{m['serial']}{_MASK}", text)
    text = _TOBACCO_PACK.sub(lambda m: f"{m['gtin']}{m['serial']}{_MASK}", text)
    return text.replace(_GS, "<GS>")


class SecretMaskingFilter(logging.Filter):
    """Formats each record's message once and masks secrets in it (and in exception text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = mask_secrets(record.getMessage())
        record.msg, record.args = message, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        return True


@dataclass(frozen=True, slots=True)
class LoggingSetup:
    """What `setup_logging` achieved: the log file, or a warning saying why there is none."""

    log_file: Path | None
    warning: PackstationError | None = None


def area_logger(area: str) -> logging.Logger:
    """The logger of one area of the app (`api`, `scan`, `print`, `ui`, `storage`)."""
    if area not in AREAS:
        raise ValueError(f"unknown log area {area!r}; expected one of {AREAS}")
    return logging.getLogger(f"packstation.{area}")


def setup_logging(log_dir: Path, *, level: int = logging.INFO, stderr: bool = True) -> LoggingSetup:
    """Send the app's logs to a rotating file in `log_dir` (and stderr), masking secrets.

    An unwritable or uncreatable `log_dir` is not fatal: logs go to stderr only and the returned
    warning says so in Russian and English. Calling it again replaces the handlers it installed.

    Args:
        log_dir: the directory for `packstation.log` and its rotated siblings.
        level: the root level of the `packstation` loggers.
        stderr: also log to stderr (always on when the file cannot be opened).

    Returns:
        The log file path, or None plus a warning.
    """
    shutdown_logging()
    root = logging.getLogger("packstation")
    root.setLevel(level)
    root.propagate = False

    handlers: list[logging.Handler] = []
    warning: PackstationError | None = None
    target = log_dir / LOG_FILE_NAME
    log_file: Path | None = target
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            RotatingFileHandler(target, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
        )
    except OSError as err:
        log_file = None
        warning = PackstationError(
            QT_TRANSLATE_NOOP("Logs", "Cannot write the log to %1: %2.")(log_dir, err.strerror or err),
            hint=QT_TRANSLATE_NOOP(
                "Logs", "Messages go to the console only; check the data folder's permissions."
            ),
        )
    if stderr or log_file is None:
        console = logging.StreamHandler(sys.stderr)
        # The console gets only what needs attention, unless it is the only log there is.
        console.setLevel(logging.WARNING if log_file is not None else level)
        handlers.append(console)

    formatter = logging.Formatter(_FORMAT)
    masking = SecretMaskingFilter()
    loggers = [root, *(logging.getLogger(name) for name in _THIRD_PARTY)]
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(masking)
        for logger in loggers:
            logger.addHandler(handler)
            _INSTALLED.append((logger, handler))
    for name in _THIRD_PARTY:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    if warning is not None:
        root.warning("%s", warning.en)
    return LoggingSetup(log_file, warning)


def shutdown_logging() -> None:
    """Flush and close the handlers `setup_logging` installed (at exit, and between tests)."""
    for logger, handler in _INSTALLED:
        logger.removeHandler(handler)
    for handler in {id(h): h for _, h in _INSTALLED}.values():
        with contextlib.suppress(ValueError, OSError):  # its stream may be closed already
            handler.flush()
        handler.close()
    _INSTALLED.clear()
    logging.getLogger("packstation").propagate = True
