"""The Market's verdict on marking codes (`POST .../identifiers/status`) and on courier codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.instances import InstanceKind


class CodeStatus(StrEnum):
    NOT_ON_VALIDATION = "NOT_ON_VALIDATION"
    IN_PROGRESS = "IN_PROGRESS"
    OK = "OK"
    FAILED = "FAILED"  # could not be checked: retry later or replace the code
    INVALID = "INVALID"  # sale forbidden
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, value: str | None) -> CodeStatus:
        try:
            return cls(value or "UNKNOWN")
        except ValueError:
            return cls.UNKNOWN

    @property
    def is_final(self) -> bool:
        return self in (CodeStatus.OK, CodeStatus.FAILED, CodeStatus.INVALID)


@dataclass(frozen=True, slots=True)
class CodeCheck:
    """The state of one code of one order line, as the Market reports it."""

    line_id: int
    kind: InstanceKind
    value: str
    status: CodeStatus
    substatus: str | None = None


class EacVerdict(StrEnum):
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    NEED_UPDATE = "NEED_UPDATE"  # attempts exhausted: the Market issues a new code
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True, slots=True)
class EacResult:
    verdict: EacVerdict
    attempts_left: int | None = None


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The outcome of one order in a (bulk) status update; partial failures arrive in HTTP 200."""

    order_id: int
    ok: bool
    status: str | None = None
    substatus: str | None = None
    error: str | None = None
