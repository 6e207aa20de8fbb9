"""Weak callbacks (`services.weak_calls`): an object's parts call it back without keeping it alive."""

from __future__ import annotations

import asyncio
import gc
import weakref

from packstation.services.weak_calls import weakly, weakly_async


class _Owner:
    def __init__(self) -> None:
        self.calls: list[int] = []

    def note(self, value: int) -> None:
        self.calls.append(value)

    def twice(self, value: int) -> int:
        return 2 * value

    async def later(self, value: int) -> None:
        await asyncio.sleep(0)
        self.calls.append(value)


def test_the_callback_calls_the_method_while_its_object_lives() -> None:
    owner = _Owner()
    note, twice = weakly(owner.note), weakly(owner.twice, otherwise=-1)
    note(3)
    assert owner.calls == [3]
    assert twice(4) == 8


def test_the_callback_does_not_keep_its_object_alive_and_then_does_nothing() -> None:
    owner = _Owner()
    gone = weakref.ref(owner)
    note, twice = weakly(owner.note), weakly(owner.twice, otherwise=-1)
    gc.disable()  # freed by reference counting alone
    try:
        del owner
        assert gone() is None
    finally:
        gc.enable()
    note(3)
    assert twice(4) == -1


def test_an_owner_holding_its_weak_callback_forms_no_cycle() -> None:
    owner = _Owner()
    owner.callback = weakly(owner.note)  # type: ignore[attr-defined]
    gone = weakref.ref(owner)
    gc.disable()
    try:
        del owner
        assert gone() is None
    finally:
        gc.enable()


def test_the_async_callback_awaits_the_method_or_nothing() -> None:
    owner = _Owner()
    later = weakly_async(owner.later)
    asyncio.run(later(5))
    assert owner.calls == [5]
    del owner
    asyncio.run(later(6))  # nothing to await any more: returns at once
