"""Finding a GS1 element string's Application Identifier by its prefix, for biip (issue 19).

biip finds the AI that begins each element by testing its ~540 AIs in turn (`str.startswith`):
a Chestny Znak code's serial (AI 21) is found after ~300 tests, so a code's parse made ~1,200
calls, half of its time (~0.05 ms, more after a pause). GS1 AIs are prefix-free (an AI's first
two digits fix its length), so at most one AI begins any value, and looking its 2-, 3- and
4-digit prefixes up in biip's own table finds the same one. `install` puts that look-up in
place of biip's search once, only if biip's table is still the prefix-free mapping it was
when this was written; else biip keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise
from typing import Any

_installed = False


def prefix_free(codes: Iterable[str]) -> bool:
    """Whether no code begins another (in sorted order a prefix comes right before a code that
    extends it, so neighbours tell)."""
    ordered = sorted(codes)
    return not any(longer.startswith(shorter) for shorter, longer in pairwise(ordered))


def find_ai(table: Mapping[str, Any], lengths: tuple[int, ...], value: str) -> Any | None:
    """The entry of `table` whose code begins `value` (None: none), for a prefix-free table
    whose codes have these `lengths`."""
    for length in lengths:
        found = table.get(value[:length])
        if found is not None:
            return found
    return None


def indexed_extract(table: object, error: type[Exception]) -> Callable[[type, str], Any] | None:
    """biip's `GS1ApplicationIdentifier.extract` as a look-up by prefix in `table` (its AIs by
    code), raising `error` as biip does; None when `table` is not a prefix-free mapping of digit
    codes (a later biip's table of another shape: its own search stays)."""
    if not isinstance(table, dict) or not table:
        return None
    if not all(isinstance(code, str) and code.isdigit() for code in table) or not prefix_free(table):
        return None
    lengths = tuple(sorted({len(code) for code in table}))

    def extract(cls: type, value: str) -> Any:
        found = find_ai(table, lengths, value)
        if found is None:
            msg = f"Failed to get GS1 Application Identifier from {value!r}."  # biip's own words
            raise error(msg)
        return found

    return extract


def install() -> None:
    """Make biip look AIs up by prefix (see the module doc); idempotent."""
    global _installed
    if _installed:
        return
    _installed = True
    from biip import ParseError
    from biip import gs1_application_identifiers as module

    identifier: Any = getattr(module, "GS1ApplicationIdentifier", None)
    extract = indexed_extract(getattr(module, "_GS1_APPLICATION_IDENTIFIERS", None), ParseError)
    if extract is not None and callable(getattr(identifier, "extract", None)):
        identifier.extract = classmethod(extract)
