"""The translation catalogue read without a running app: the command-line tools' words.

Qt-free code returns `Message`s (`domain.message`); the window renders them through the
installed translators (`ui.i18n.say`). A command-line tool has no application object, so it
asks a `QTranslator` (QtCore only, no display) loaded with the same compiled catalogue.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from packstation.domain.errors import PackstationError
from packstation.domain.message import Message
from packstation.paths import resource_path


def russian(text: Message | PackstationError) -> str:
    """`text` in Russian (in English when the compiled catalogue is missing)."""
    translator = _russian()
    if translator is None:
        return text.render(_source)
    return text.render(lambda context, key: translator.translate(context, key) or key)


def both_languages(text: Message | PackstationError) -> str:
    """Russian, then English, on two lines."""
    return f"{russian(text)}\n{text.render(_source)}"


@cache
def _russian() -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(str(resource_path("i18n", "packstation_ru.qm"))) else None


def _source(context: str, key: str) -> str:
    return key
