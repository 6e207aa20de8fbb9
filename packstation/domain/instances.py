"""Identifiers attached to a single unit: a marking code and the kinds the Market accepts.

An `Instance` fills exactly one of the Market's `cis`, `uin`, `rnpt` or `gtd` fields (GTD and
RNPT may carry a country code). Values are stored exactly as they will be sent: a CIS keeps its
GS (0x1D) separators.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InstanceKind(StrEnum):
    CIS = "cis"
    UIN = "uin"
    RNPT = "rnpt"
    GTD = "gtd"


@dataclass(frozen=True, slots=True)
class Instance:
    kind: InstanceKind
    value: str
    country_code: str | None = None

    def masked(self) -> str:
        """A form safe for logs and the audit trail: the code's start and a hidden rest."""
        head = self.value[:18].replace("\x1d", "<GS>")
        return f"{self.kind.value}:{head}…" if len(self.value) > 18 else f"{self.kind.value}:{head}"
