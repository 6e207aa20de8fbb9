"""Callbacks from an object's parts to the object that do not keep it alive.

A packing session owns its parts (the edit log, the countdown, the scan handler) and they call it
back. With bound methods as callbacks, owner and parts form reference cycles: when the packer
closes the order, nothing frees them but Python's garbage collector, at a moment chosen by the
allocation count, i.e. while the packer scans the next order, freeing a whole closed packing view
at once (issue 19: collections of 8-14 ms, and up to 130 ms, in the middle of scans). Called
through a weak reference, the parts leave the owner to reference counting: it is freed the
moment its last user lets go of it.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, overload

P = ParamSpec("P")
R = TypeVar("R")


@overload
def weakly(method: Callable[P, None]) -> Callable[P, None]: ...


@overload
def weakly(method: Callable[P, R], otherwise: R) -> Callable[P, R]: ...


def weakly(method: Callable[P, Any], otherwise: Any = None) -> Callable[P, Any]:
    """`method` (a bound method) as a callback that holds its object weakly: once the object is
    gone, calling it does nothing and returns `otherwise`."""
    ref = weakref.WeakMethod(method)

    def call(*args: P.args, **kwargs: P.kwargs) -> Any:
        bound = ref()
        return otherwise if bound is None else bound(*args, **kwargs)

    return call


def weakly_async(method: Callable[P, Awaitable[None]]) -> Callable[P, Awaitable[None]]:
    """`weakly` for a coroutine method: awaiting the callback awaits the method, or nothing once
    its object is gone."""
    ref = weakref.WeakMethod(method)

    async def call(*args: P.args, **kwargs: P.kwargs) -> None:
        bound = ref()
        if bound is not None:
            await bound(*args, **kwargs)

    return call
