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

from packstation.domain.errors import PackstationError

AREAS: Final = ("api", "scan", "print", "ui", "storage")
LOG_FILE_NAME: Final = "packstation.log"
_MAX_BYTES: Final = 2_000_000
_BACKUPS: Final = 5
_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_THIRD_PARTY: Final = ("httpx", "qasync")
_INSTALLED: list[tuple[logging.Logger, logging.Handler]] = []

_GS = "\x1d"
# Header or query forms of a secret: "Api-Key: abc", "api_key=abc", "Authorization: Bearer abc".
_SECRET_FIELD = re.compile(
    r"(?P<name>api[-_ ]?key|authorization|token|password)(?P<sep>[\"']?\s*[:=]\s*[\"']?)"
    r"(?P<scheme>(?:bearer|oauth)\s+)?(?P<value>[^\s\"',;}]+)",
    re.IGNORECASE,
)
# Yandex tokens: "ACMA:<base64>:<hex>" Api-Keys and "y0_..." OAuth tokens, wherever they appear.
_BARE_TOKEN = re.compile(r"\b(?:ACMA:[A-Za-z0-9+/=:_-]{8,}|y[0-3]_[A-Za-z0-9_-]{20,})")
# GS1 element strings of marking codes: (01) GTIN + (21) serial, with or without brackets and the
# crypto tail. Only the GTIN and the first two serial characters stay readable.
_MARKING_CODE = re.compile(
    r"(?P<lead>\(01\)|\b01)(?P<gtin>\d{14})(?:\(21\)|21)(?P<serial>[!-~]{2})[!-~\x1d]*"
)


def mask_secrets(text: str) -> str:
    """Return `text` with API keys, OAuth tokens and marking codes replaced by short stand-ins.

    Args:
        text: a fully formatted log message.

    Returns:
        The message with every secret masked; GS characters are shown as `<GS>`.
    """
    text = _SECRET_FIELD.sub(lambda m: f"{m['name']}{m['sep']}{m['scheme'] or ''}***", text)
    text = _BARE_TOKEN.sub("***", text)
    text = _MARKING_CODE.sub(lambda m: f"{m['lead']}{m['gtin']}21{m['serial']}***", text)
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
            f"Журнал работы не записывается в {log_dir}: {err.strerror or err}.",
            f"Cannot write the log to {log_dir}: {err.strerror or err}.",
            hint_ru="Сообщения выводятся только в консоль; проверьте права на папку данных.",
            hint_en="Messages go to the console only; check the data folder's permissions.",
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
