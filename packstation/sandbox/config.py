"""How one sandbox run behaves: seed, auth, faults, verification timing and rules, clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from packstation.sandbox import codes
from packstation.sandbox.clock import SandboxClock
from packstation.sandbox.faults import FaultSpec


def default_failure_rule(kind: str, value: str) -> str | None:
    """The default verification failure rule: a CIS whose serial starts with "BAD" and a UIN
    starting with "0000" fail. Returns the substatus to report (UIN) or "" (CIS FAILED carries
    none), or None when the code passes."""
    if kind == "cis" and codes.cis_serial(value).upper().startswith("BAD"):
        return ""
    if kind == "uin" and value.startswith("0000"):
        return "UIN_NO_DATA"
    return None


@dataclass(slots=True)
class SandboxConfig:
    """Settings of one sandbox run.

    Attributes:
        seed: seeds the catalogue, orders and code stock (same seed, same data).
        strict_key: when set, only this Api-Key is accepted (others get 403, none 401).
        faults: fault injection (a FaultSpec or its text form, e.g. "latency=0.2,5xx=0.1").
        verification_delay: seconds a marking code stays IN_PROGRESS before its verdict.
        failure_rule: (kind, value) -> None to pass, else the FAILED substatus ("" for none).
        clock: the sandbox clock (default: real time); tests pass a frozen `SandboxClock(start)`.
        order_count: how many demo orders to seed (default: the scripted set plus 12 random).
        courier_step: seconds between Express courier substatuses after READY_TO_SHIP.
        eac_attempts: wrong courier codes allowed before NEED_UPDATE.
        report_delay: seconds a mass-labels report stays PENDING.
        operation_delay: seconds a LaaS operation stays IN_PROGRESS before it is applied.
        laas_history: seed the LaaS store with two weeks of finished orders (demo statistics).
        quotas: enforce the Market's per-method limits (420 beyond them); the rate-limit
            headers are sent either way.
    """

    seed: int = 1
    strict_key: str | None = None
    faults: FaultSpec | str = ""
    verification_delay: float = 1.0
    failure_rule: Callable[[str, str], str | None] = default_failure_rule
    clock: SandboxClock = field(default_factory=SandboxClock)
    order_count: int | None = None
    courier_step: float = 60.0
    eac_attempts: int = 3
    report_delay: float = 1.0
    operation_delay: float = 1.0
    laas_history: bool = False
    quotas: bool = True

    def fault_spec(self) -> FaultSpec:
        return self.faults if isinstance(self.faults, FaultSpec) else FaultSpec.parse(self.faults)
