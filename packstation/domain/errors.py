"""The error tree every layer raises, each error carrying a packer-facing `Message` and a hint
about what to do. The UI renders them in the packer's language (`ui.i18n.say`); logs and
`str(error)` use the English source text.
"""

from __future__ import annotations

from packstation.domain.message import QT_TRANSLATE_NOOP, Message, Translate


class PackstationError(Exception):
    """Root of every expected failure; anything else is a bug and goes to the crash dialog."""

    def __init__(self, text: Message, *, hint: Message | None = None) -> None:
        super().__init__(text.english())
        self.text = text
        self.hint = hint

    def render(self, translate: Translate) -> str:
        """The text and its hint in the language `translate` speaks."""
        said = self.text.render(translate)
        return f"{said} {self.hint.render(translate)}".strip() if self.hint is not None else said

    def as_message(self) -> Message:
        """Text and hint as one message (to quote this error inside another sentence)."""
        if self.hint is None:
            return self.text
        return QT_TRANSLATE_NOOP("Errors", "%1 %2")(self.text, self.hint)

    def english(self) -> str:
        """Text and hint in English (logs, the English-only fleet tool)."""
        return self.render(lambda context, key: key)

    @property
    def en(self) -> str:
        """The text alone in English, for log lines."""
        return self.text.english()


class DomainError(PackstationError):
    """A packing rule refused the action before anything was sent."""


class ScanError(PackstationError):
    """A scan could not be used (unknown, malformed, duplicate, wrong item)."""


class PrintError(PackstationError):
    """The printer or the label pipeline failed; the job stays queued."""


class StorageError(PackstationError):
    """The local journal could not be read or written."""
