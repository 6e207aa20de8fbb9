"""The error tree every layer raises, each error carrying the packer-facing text in Russian and
English plus a hint about what to do. The UI shows `message(lang)`; logs use `str(error)`.
"""

from __future__ import annotations


class PackstationError(Exception):
    """Root of every expected failure; anything else is a bug and goes to the crash dialog."""

    def __init__(self, ru: str, en: str, *, hint_ru: str = "", hint_en: str = "") -> None:
        super().__init__(en)
        self.ru = ru
        self.en = en
        self.hint_ru = hint_ru
        self.hint_en = hint_en

    def message(self, lang: str = "ru") -> str:
        text, hint = (self.ru, self.hint_ru) if lang == "ru" else (self.en, self.hint_en)
        return f"{text} {hint}".strip()


class DomainError(PackstationError):
    """A packing rule refused the action before anything was sent."""


class ScanError(PackstationError):
    """A scan could not be used (unknown, malformed, duplicate, wrong item)."""


class PrintError(PackstationError):
    """The printer or the label pipeline failed; the job stays queued."""


class StorageError(PackstationError):
    """The local journal could not be read or written."""
