"""Typed Market API failures, each with a packer-facing message (`domain.message`) and a hint.

The tree mirrors what the packer can do about a failure: fix the data (`BadRequestError`), fix
the key (`UnauthorizedError`, `ForbiddenError`), wait (`RateLimitedError`, `ServerError`,
`MarketTimeoutError`, `ConnectionFailedError`) or report a bug (`InvalidResponseError`).
`retryable` tells the outbox whether resending may succeed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.remote import RemoteError


@dataclass(frozen=True, slots=True)
class ApiErrorItem:
    """One entry of the Market's `errors[]`: a machine code and the Market's own message."""

    code: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class _Text:
    text: Message
    hint: Message | None = None


# Error codes the Market returns on the packing path (NOTES.md 2(e)), phrased for the packer.
_CODE_TEXTS: dict[str, _Text] = {
    "CANNOT_REMOVE_LAST_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The only item of the order cannot be removed."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Cancel the order (out of stock) if it cannot be packed."),
    ),
    "PROMO_PROHIBITS_DELETE": _Text(
        QT_TRANSLATE_NOOP(
            "MarketErrors", "The item was added under a promotion; the Market does not allow removing it."
        ),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Pack the order in full or cancel it."),
    ),
    "PAYMENT_PROHIBITS_DELETE": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The order's payment method does not allow removing items."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Pack the order in full or cancel it."),
    ),
    "DELETED_ITEMS_EXCEEDS_THRESHOLD": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "Items worth 99% or more of the order cannot be removed."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Cancel the order instead of removing items."),
    ),
    "OTHER_REMOVE_ITEM_ERROR": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market refused to remove the item from the order."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Pack the order in full or cancel it."),
    ),
    "ITEMS_ADDITION_NOT_SUPPORTED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "Quantities cannot be increased and items cannot be added."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Check the layout: the boxes hold more units than the order."),
    ),
    "ITEM_NOT_FOUND": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The order has no such line."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order and lay out the boxes again."),
    ),
    "ITEM_DUPLICATE": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "A line appears twice in the layout."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order and lay out the boxes again."),
    ),
    "INVALID_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected an order line."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order and check the layout."),
    ),
    "ITEM_SHIPPED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The item has already been shipped and cannot be changed.")
    ),
    "INVALID_CIS": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected a Chestny Znak marking code."),
        hint=QT_TRANSLATE_NOOP(
            "MarketErrors", "Scan the code from the package again (the whole DataMatrix)."
        ),
    ),
    "DUPLICATE_CIS": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The same marking code was given twice."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Each unit has its own code: scan the code of another unit."),
    ),
    "TOO_MANY_CISES_FOR_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "There are more marking codes than units."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Remove the extra code."),
    ),
    "TOO_FEW_CISES_FOR_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "Marking codes are missing: every unit needs one."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Scan the codes of all units."),
    ),
    "CIS_VALIDATION_IN_PROGRESS_ERROR": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The marking codes are still being checked by Chestny Znak."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Wait a minute and try again."),
    ),
    "INVALID_UIN": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected the jewelry UIN."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Check the 16-digit UIN on the tag and scan again."),
    ),
    "DUPLICATE_UIN": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The same UIN was given twice."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Each piece has its own UIN."),
    ),
    "TOO_MANY_UINS_FOR_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "There are more UINs than units."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Remove the extra UIN."),
    ),
    "TOO_FEW_UINS_FOR_ITEM": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "UINs are missing: every piece needs one."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Scan the UINs of all pieces."),
    ),
    "UIN_VALIDATION_IN_PROGRESS_ERROR": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The UINs are still being checked."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Wait a minute and try again."),
    ),
    "INVALID_RNPT": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected the RNPT."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Format: XXXXXXXX/XXXXXX/XXXXXXX/XXX."),
    ),
    "INVALID_GTD": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected the customs declaration number (GTD)."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Format: XXXXXXXX/XXXXXX/XXXXXXX."),
    ),
    "INVALID_COUNTRY_CODE": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "Invalid country code."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Use two Latin letters, e.g. CN."),
    ),
    "COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "A GTD needs both the number and the country code.")
    ),
    "STATUS_NOT_ALLOWED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The order cannot move to this status now."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order: its status may have changed."),
    ),
    "SUBSTATUS_NOT_ALLOWED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "This order stage is not allowed now."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order: its status may have changed."),
    ),
    "INVALID_ORDER_STATUS": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The action is not available in the order's current status."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order."),
    ),
    "ORDER_IN_TERMINAL_STATE": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The order is already finished or cancelled."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Put the order's goods aside."),
    ),
    "CANCELLATION_REQUESTED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The buyer asked to cancel the order."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Do not ship the order; put the goods aside."),
    ),
    "USER_UNREACHABLE_NOT_ALLOWED": _Text(
        QT_TRANSLATE_NOOP(
            "MarketErrors", "Cannot cancel as 'buyer unreachable': the call rules were not met."
        )
    ),
    "CODE_NEED_BE_REFRESHED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The courier's code has expired; the Market will issue a new one."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Ask the courier to refresh the code in the app."),
    ),
    "CODE_ALREADY_ACCEPTED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The courier's code has already been accepted."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Hand the order over to the courier."),
    ),
    "EXTERNAL_ORDER_ID_UPDATE_ERROR": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The external order id is already set or can no longer be changed.")
    ),
    "ACTION_FORBIDDEN": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market forbids this action for the order.")
    ),
    "CONSTRAINT_VIOLATION": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected the request data."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order and try again."),
    ),
    "NO_BOXES": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The order has no boxes."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Send the box layout first."),
    ),
    "CUTOFF_NOT_REACHED": _Text(
        QT_TRANSLATE_NOOP("MarketErrors", "The shipment cut-off time has not been reached yet."),
        hint=QT_TRANSLATE_NOOP("MarketErrors", "Try again closer to the shipment time."),
    ),
}

_REJECTED = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "The Market rejected the request."),
    hint=QT_TRANSLATE_NOOP("MarketErrors", "Refresh the order and check the data."),
)
_UNAUTHORIZED = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "The Market did not accept the API key."),
    hint=QT_TRANSLATE_NOOP(
        "MarketErrors", "Check the key in Settings (the Api-Key from the seller cabinet)."
    ),
)
_NO_SCOPE = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "No access to this action."),
    hint=QT_TRANSLATE_NOOP(
        "MarketErrors", "Grant the API key the needed access in the seller cabinet (Settings → API)."
    ),
)
_NO_ACCESS = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "No access to this action."),
    hint=QT_TRANSLATE_NOOP(
        "MarketErrors", "Check that the store is active and the key belongs to this cabinet."
    ),
)
_NOT_FOUND = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "The Market did not find the order or store."),
    hint=QT_TRANSLATE_NOOP("MarketErrors", "Check the order number and the selected store."),
)
_SERVER = _Text(
    QT_TRANSLATE_NOOP("MarketErrors", "The Market had an internal failure."),
    hint=QT_TRANSLATE_NOOP("MarketErrors", "Try again in a minute; your work is saved."),
)


class MarketError(RemoteError):
    """Root of every failure of a Market call (the `RemoteError` contract services read).

    Attributes:
        errors: the Market's `errors[]` entries, preserved as sent (`codes` holds their codes).
        operation: the spec's operationId of the failed call, when known.
    """

    def __init__(
        self,
        text: Message,
        *,
        hint: Message | None = None,
        status_code: int | None = None,
        errors: tuple[ApiErrorItem, ...] = (),
        operation: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            text,
            hint=hint,
            status_code=status_code,
            codes=tuple(item.code for item in errors),
            retry_after=retry_after,
        )
        self.errors = errors
        self.operation = operation

    def _say(
        self,
        text: _Text,
        status_code: int | None,
        errors: tuple[ApiErrorItem, ...],
        operation: str,
        *,
        quote_market: bool = True,
    ) -> None:
        """Initialise from a packer-facing text, optionally followed by the Market's own words."""
        MarketError.__init__(
            self,
            _market_says(text.text, errors) if quote_market else text.text,
            hint=text.hint,
            status_code=status_code,
            errors=errors,
            operation=operation,
        )

    def __str__(self) -> str:
        parts = [self.text.english()]
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}")
        if self.operation:
            parts.append(self.operation)
        parts.extend(f"{item.code}: {mask_codes(item.message)}" for item in self.errors)
        return " | ".join(parts)


# A Chestny Znak code: GTIN (01 + 14 digits), serial (21 + ...), maybe a GS and a crypto tail.
_CIS = re.compile(r"01\d{14}21(?:[^\s;,\"']|\x1d)+")  # GS counts as whitespace for \s


def mask_codes(text: str) -> str:
    """`text` with every marking code cut to its GTIN part, safe for logs and dialogs."""
    return _CIS.sub(lambda match: match.group()[:18] + "…", text).replace("\x1d", "<GS>")


def _market_says(text: Message, errors: tuple[ApiErrorItem, ...]) -> Message:
    """`text` followed by the Market's own words (as it sent them), when it said any."""
    said = mask_codes("; ".join(item.message or item.code for item in errors))
    return QT_TRANSLATE_NOOP("MarketErrors", "%1 Market: %2")(text, said) if said else text


class BadRequestError(MarketError):
    """HTTP 400: the Market refused the data; the Market's codes and messages are preserved."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        known = next((_CODE_TEXTS[item.code] for item in errors if item.code in _CODE_TEXTS), None)
        self._say(known or _REJECTED, 400, errors, operation)


class UnauthorizedError(MarketError):
    """HTTP 401: no or malformed credentials."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        self._say(_UNAUTHORIZED, 401, errors, operation, quote_market=False)


class ForbiddenError(MarketError):
    """HTTP 403: the key is valid but lacks access (a scope, the store, or the API is disabled).

    `missing_scope` is True when the Market's message points at the key's access rights, which
    the packer can fix by adding an access to the key in the cabinet.
    """

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        said = " ".join(f"{item.code} {item.message}" for item in errors).lower()
        self.missing_scope = any(word in said for word in ("scope", "access", "доступ", "прав"))
        self._say(_NO_SCOPE if self.missing_scope else _NO_ACCESS, 403, errors, operation)


class NotFoundError(MarketError):
    """HTTP 404: the order, store, box or report does not exist (or is not visible to the key)."""

    def __init__(self, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = "") -> None:
        self._say(_NOT_FOUND, 404, errors, operation)


class RateLimitedError(MarketError):
    """HTTP 420: too many requests; `retry_after` seconds until the Market accepts more."""

    retryable = True

    def __init__(
        self, retry_after: float | None = None, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        if retry_after is None:
            when = QT_TRANSLATE_NOOP("MarketErrors", "later")
        else:
            minutes = max(1, round(retry_after / 60))
            when = QT_TRANSLATE_NOOP("MarketErrors", "in %1 min")(minutes)
        super().__init__(
            QT_TRANSLATE_NOOP("MarketErrors", "The Market has temporarily limited the number of requests."),
            status_code=420,
            errors=errors,
            operation=operation,
            retry_after=retry_after,
            hint=QT_TRANSLATE_NOOP("MarketErrors", "Try again %1; your work is saved.")(when),
        )


class ServerError(MarketError):
    """HTTP 5xx: the Market failed; resending later is safe for idempotent calls."""

    retryable = True
    answer_lost = True  # the Market may have failed after applying the change

    def __init__(
        self, status_code: int = 500, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        self._say(_SERVER, status_code, errors, operation, quote_market=False)


class MarketTimeoutError(MarketError):
    """The Market did not answer in time."""

    retryable = True

    def __init__(self, *, operation: str = "", answer_lost: bool = True) -> None:
        self.answer_lost = answer_lost  # False when the request never left (no free connection)
        super().__init__(
            QT_TRANSLATE_NOOP("MarketErrors", "The Market did not answer in time."),
            operation=operation,
            hint=QT_TRANSLATE_NOOP(
                "MarketErrors", "Check the internet connection and try again; your work is saved."
            ),
        )


class ConnectionFailedError(MarketError):
    """No connection to the Market (DNS, refused, TLS, network down)."""

    retryable = True

    def __init__(self, detail: str = "", *, operation: str = "", answer_lost: bool = False) -> None:
        self.detail = detail
        self.answer_lost = answer_lost  # True when the connection broke after the request left
        super().__init__(
            QT_TRANSLATE_NOOP("MarketErrors", "Cannot reach the Market."),
            operation=operation,
            hint=QT_TRANSLATE_NOOP(
                "MarketErrors", "Check the internet connection; actions will be sent when it is back."
            ),
        )


class InvalidResponseError(MarketError):
    """The Market answered with something the client cannot read (not JSON, wrong shape)."""

    answer_lost = True  # an unreadable success still applied the change

    def __init__(self, detail: str = "", *, status_code: int | None = None, operation: str = "") -> None:
        self.detail = detail
        super().__init__(
            QT_TRANSLATE_NOOP("MarketErrors", "The Market sent a response the app cannot read."),
            status_code=status_code,
            operation=operation,
            hint=QT_TRANSLATE_NOOP("MarketErrors", "Try again later; if it persists, contact support."),
        )

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} | {self.detail}" if self.detail else base


class UnexpectedStatusError(MarketError):
    """Any other HTTP error status (405, 415, 423...)."""

    def __init__(
        self, status_code: int, errors: tuple[ApiErrorItem, ...] = (), *, operation: str = ""
    ) -> None:
        super().__init__(
            _market_says(
                QT_TRANSLATE_NOOP("MarketErrors", "The Market answered with error %1.")(status_code), errors
            ),
            hint=QT_TRANSLATE_NOOP("MarketErrors", "Try again later."),
            status_code=status_code,
            errors=errors,
            operation=operation,
        )


def error_for_status(
    status_code: int,
    errors: tuple[ApiErrorItem, ...],
    *,
    operation: str = "",
    retry_after: float | None = None,
) -> MarketError:
    """The typed error for an HTTP error status."""
    if status_code == 400:
        return BadRequestError(errors, operation=operation)
    if status_code == 401:
        return UnauthorizedError(errors, operation=operation)
    if status_code == 403:
        return ForbiddenError(errors, operation=operation)
    if status_code == 404:
        return NotFoundError(errors, operation=operation)
    if status_code in (420, 429):
        return RateLimitedError(retry_after, errors, operation=operation)
    if status_code >= 500:
        return ServerError(status_code, errors, operation=operation)
    return UnexpectedStatusError(status_code, errors, operation=operation)


KNOWN_ERROR_CODES: frozenset[str] = frozenset(_CODE_TEXTS)
"""Market error codes with a dedicated packer-facing text."""
