"""Packer-facing text as a value: a catalogue key with parameters, rendered by whoever shows it.

Qt-free code never holds Russian (or any rendered) text: it returns a `Message` whose key is the
English source text with Qt's `%1`, `%2`… placeholders. The one catalogue is the Qt `.ts`
(resources/i18n/packstation_ru.ts): lupdate collects the keys from their `QT_TRANSLATE_NOOP`
markers, the UI renders them with `QCoreApplication.translate`, the command line with a loaded
`QTranslator`, and logs read `english()` (the source text itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

Translate = Callable[[str, str], str]
"""(context, key) → the key's text in some language (the key itself when it has none)."""


@dataclass(frozen=True, slots=True)
class Message:
    """One catalogue entry (`context`, `key`) and the values for its `%1`, `%2`… placeholders.

    A parameter may itself be a `Message` (a reason inside a sentence), rendered in the same
    language; any other value is written with `str` (numbers, paths, the Market's own words).
    """

    context: str
    key: str
    params: tuple[object, ...] = ()

    def __call__(self, *params: object) -> Message:
        """This entry with its placeholders' values."""
        return replace(self, params=params)

    def render(self, translate: Translate) -> str:
        """The text in the language `translate` speaks."""
        values = [p.render(translate) if isinstance(p, Message) else p for p in self.params]
        return fill(translate(self.context, self.key) or self.key, *values)

    def english(self) -> str:
        """The source text filled in (logs, tests, the English UI)."""
        return self.render(_source)

    def __str__(self) -> str:
        return self.english()


def QT_TRANSLATE_NOOP(context: str, key: str) -> Message:  # noqa: N802 - lupdate's spelling
    """Marks `key` for lupdate (it finds this exact call in any .py file) and makes its `Message`."""
    return Message(context, key)


def fill(template: str, *values: object) -> str:
    """Qt-style `%1`, `%2`… placeholders filled with `values` in one pass (translators may reorder
    them; a value that itself contains `%2` stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if number <= len(values) else match.group()

    return _PLACEHOLDER.sub(value, template)


_PLACEHOLDER = re.compile(r"%([1-9][0-9]?)")


def _source(context: str, key: str) -> str:
    return key
