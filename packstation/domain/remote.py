"""The one contract for failures of remote calls, and the one rule for "did the request go through".

The Market client's errors derive from `RemoteError`, so services read a failure's HTTP status,
retryability, the Market's error codes and its retry-after as typed attributes instead of guessing.
`delivery_of` is the single decision the packing session and the outbox share about a failed
write: refused (close the intent), or unknown (keep it; the replayer re-reads the order before
resending).
"""

from __future__ import annotations

from enum import Enum

from packstation.domain.errors import PackstationError
from packstation.domain.message import Message

KEY_STATUSES = frozenset({401, 403})
"""A refused key: nothing was applied, but the same request can go once the key is fixed."""

RATE_LIMIT_STATUSES = frozenset({420, 429})


class RemoteError(PackstationError):
    """A failure of a call to a remote service (the Market).

    Attributes:
        status_code: the HTTP status, or None when no response arrived.
        codes: the remote's machine error codes, in order.
        retry_after: seconds until the remote accepts more requests, when it said so.
        retryable: whether resending the same request later may succeed.
        answer_lost: the request may have reached the remote (and a mutation been applied) but
            no readable answer came back: a timeout or broken connection after sending, a 5xx, an
            unreadable body. Never resend a mutation on this alone; read the order back first.
    """

    retryable: bool = False
    answer_lost: bool = False

    def __init__(
        self,
        text: Message,
        *,
        hint: Message | None = None,
        status_code: int | None = None,
        codes: tuple[str, ...] = (),
        retry_after: float | None = None,
    ) -> None:
        super().__init__(text, hint=hint)
        self.status_code = status_code
        self.codes = codes
        self.retry_after = retry_after

    @property
    def rate_limited(self) -> bool:
        """The remote asked to slow down."""
        return self.status_code in RATE_LIMIT_STATUSES

    @property
    def unreachable(self) -> bool:
        """No usable answer arrived: a timeout, no connection or a server failure."""
        return self.retryable and (self.status_code is None or self.status_code >= 500)


class Delivery(Enum):
    """What a failed (or finished) write means for the intent that journals it."""

    SENT = "sent"
    """The remote took the request."""
    REFUSED = "refused"
    """The remote answered with a refusal of this request: resending it will not help."""
    UNKNOWN = "unknown"
    """Not known to be final: no answer, a server failure, a rate limit or a refused key. The
    request may have been applied (or may go later); the intent stays pending."""


def delivery_of(error: BaseException | None) -> Delivery:
    """Whether a write that ended with `error` (None: it succeeded) was sent, refused or is unknown.

    Only a 4xx answer proves the request was not applied and will not be; a refused key (401/403)
    and a rate limit can be resent later, and anything that is not a remote answer at all (an
    unreadable response, a failure of another kind) may hide an applied request.
    """
    if error is None:
        return Delivery.SENT
    if not isinstance(error, RemoteError) or error.retryable:
        return Delivery.UNKNOWN
    status = error.status_code
    if status is None or not 400 <= status < 500:
        return Delivery.UNKNOWN
    if status in KEY_STATUSES or status in RATE_LIMIT_STATUSES:
        return Delivery.UNKNOWN
    return Delivery.REFUSED


def answer_lost(error: BaseException) -> bool:
    """Whether `error` leaves open that the request was applied (`RemoteError.answer_lost`)."""
    return isinstance(error, RemoteError) and error.answer_lost


def has_code(error: BaseException, codes: frozenset[str]) -> bool:
    """Whether `error` is a remote answer carrying one of the machine `codes`."""
    return isinstance(error, RemoteError) and any(code in codes for code in error.codes)
