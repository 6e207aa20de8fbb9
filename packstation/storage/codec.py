"""JSON and time encoding shared by the journal tables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from packstation.domain.errors import StorageError
from packstation.domain.message import QT_TRANSLATE_NOOP, Message

# One encoder for every line: `json.dumps` with options builds a new one per call (issue 19).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def to_text(moment: datetime) -> str:
    """A sortable ISO-8601 UTC text (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.tzinfo is not UTC:  # the clock's own times are UTC already (a scan stamps one)
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """The inverse of `to_text`."""
    return datetime.fromisoformat(text)


def dump_json(value: Mapping[str, Any], what: Message) -> str:
    """Serialize a JSON object compactly, refusing values JSON cannot carry exactly.

    Args:
        value: the mapping to store.
        what: what is being stored, for the error text.

    Raises:
        StorageError: `value` holds something that is not plain JSON (objects, NaN, ...).
    """
    try:
        return _ENCODER.encode(value if type(value) is dict else dict(value))
    except (TypeError, ValueError) as err:
        raise StorageError(
            QT_TRANSLATE_NOOP("Codec", "Could not store the %1: the data cannot be serialized (%2).")(
                what, err
            ),
            hint=QT_TRANSLATE_NOOP("Codec", "This is a bug; please report it."),
        ) from err


def load_json(text: str) -> dict[str, Any]:
    """Parse a JSON object stored by `dump_json`."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("stored JSON is not an object")
    return value
