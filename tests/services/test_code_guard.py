"""Duplicate marking codes are refused with where and when they were used."""

from __future__ import annotations

from datetime import datetime

import pytest

from packstation.catalogue import russian
from packstation.domain.errors import ScanError
from packstation.domain.instances import Instance, InstanceKind
from packstation.services.code_guard import CodeGuard, code_key
from packstation.services.ports import CodeUse

GS = "\x1d"
DAIRY = Instance(InstanceKind.CIS, f"0104601234567893" f"21ab+Cd9{GS}93Zjqw")
OTHER = Instance(InstanceKind.CIS, f"0104601234567893" f"21zz+Cd9{GS}93Zjqw")
UIN = Instance(InstanceKind.UIN, "1234567812345678")


class MemoryRegistry:
    def __init__(self) -> None:
        self.uses: dict[str, CodeUse] = {}

    def find(self, code: str) -> CodeUse | None:
        return self.uses.get(code)

    def remember(self, code: str, order_id: int) -> None:
        self.uses[code] = CodeUse(code, order_id, datetime(2026, 11, 23, 9, 15))

    def forget(self, code: str, order_id: int) -> None:
        if code in self.uses and self.uses[code].order_id == order_id:
            del self.uses[code]

    def codes_of(self, order_id: int) -> list[str]:
        return sorted(code for code, use in self.uses.items() if use.order_id == order_id)


def test_same_code_twice_in_one_order() -> None:
    guard = CodeGuard(MemoryRegistry())
    guard.check(DAIRY, order_id=1, order_codes=[OTHER])
    with pytest.raises(ScanError) as err:
        guard.check(DAIRY, order_id=1, order_codes=[OTHER, DAIRY])
    assert "already scanned in this order" in err.value.en
    assert "уже отсканирован в этом заказе" in russian(err.value.text)


def test_same_unit_with_a_differently_read_tail_is_still_a_duplicate() -> None:
    guard = CodeGuard(MemoryRegistry())
    other_tail = Instance(InstanceKind.CIS, DAIRY.value.replace("93Zjqw", "93Zjqx"))
    with pytest.raises(ScanError):
        guard.check(other_tail, order_id=1, order_codes=[DAIRY])


def test_code_used_in_another_order_says_where_and_when() -> None:
    registry = MemoryRegistry()
    guard = CodeGuard(registry)
    guard.remember(DAIRY, 555)
    with pytest.raises(ScanError) as err:
        guard.check(DAIRY, order_id=777)
    assert "order 555" in err.value.en
    assert "23.11.2026 09:15" in err.value.en
    assert "заказе 555" in russian(err.value.text)
    assert russian(err.value.hint)
    assert str(err.value.hint)
    assert "93Zjqw" not in err.value.en  # the crypto tail is never shown


def test_registry_entry_of_the_same_order_is_a_repeat_scan() -> None:
    guard = CodeGuard(MemoryRegistry())
    guard.remember(UIN, 9)
    with pytest.raises(ScanError) as err:
        guard.check(UIN, order_id=9)
    assert "this order" in err.value.en


def test_forget_releases_the_code_and_the_registry_never_sees_the_tail() -> None:
    registry = MemoryRegistry()
    guard = CodeGuard(registry)
    guard.remember(DAIRY, 555)
    assert list(registry.uses) == ["0104601234567893" "21ab+Cd9"]
    guard.forget(DAIRY, 555)
    guard.check(DAIRY, order_id=777)


def test_code_key_per_kind() -> None:
    assert code_key(UIN) == "uin:1234567812345678"
    assert code_key(Instance(InstanceKind.CIS, "garbage")) == "cis:garbage"
