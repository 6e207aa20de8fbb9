"""Russian and English UI through Qt's translation system.

Source strings in the code are English (`self.tr("...")`, or `QCoreApplication.translate("Context",
"...")` outside QObject methods: lupdate only recognises these two spellings);
`resources/i18n/packstation_ru.qm` holds the Russian translation, compiled from
`packstation_ru.ts`. Strings with a count use Qt's `%n` plural forms (`self.tr(text, "", n)`):
Russian has three, and `packstation_en.qm` (from `packstation_en.ts`, plural forms only, made
with `lupdate -pluralonly`) gives English its "1 record" / "2 records". Refresh the catalogues
after changing UI strings (the commands are in README.md):

    pyside6-lupdate packstation -extensions py -ts resources/i18n/packstation_ru.ts
    pyside6-lrelease resources/i18n/packstation_ru.ts -qm resources/i18n/packstation_ru.qm
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from packstation.domain.errors import PackstationError
from packstation.domain.message import Message
from packstation.paths import resource_path

LANGUAGES: Final = ("ru", "en")
DEFAULT_LANGUAGE: Final = "ru"

_log = logging.getLogger("packstation.ui")


def say(text: Message | PackstationError) -> str:
    """A Qt-free message (or an error with its hint) in the installed UI language."""
    return text.render(QCoreApplication.translate)


class Translations:
    """Installs and swaps the app's translators (ours + Qt's own for standard buttons)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> bool:
        """Switch the UI language; returns False when the Russian catalogue could not be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        russian = self.language == "ru"
        QLocale.setDefault(QLocale(QLocale.Language.Russian if russian else QLocale.Language.English))
        if self.language == "en":
            # Source strings are English; only the %n plural forms come from a catalogue.
            plurals = QTranslator(self._app)
            if plurals.load(str(resource_path("i18n", "packstation_en.qm"))):
                self._install(plurals)
            return True
        ours = QTranslator(self._app)
        qm = resource_path("i18n", f"packstation_{self.language}.qm")
        if not ours.load(str(qm)):
            _log.warning("translation %s missing; the UI stays in English", qm)
            return False
        self._install(ours)
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self._install(qt_own)
        return True

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
