"""The Packers tab of Settings: the packer list (one per line, "Name" or "Name; BADGE"), whether
sign-in is required, and the idle time after which a packer is signed out."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QPlainTextEdit, QSpinBox, QWidget

from packstation.services.shift_config import PackerEntry, ShiftSettings


class ShiftSettingsPage(QWidget):
    def __init__(self, settings: ShiftSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packers = QPlainTextEdit(self)
        self.packers.setObjectName("packerList")
        self.packers.setPlainText(
            "\n".join(f"{p.name}; {p.badge}" if p.badge else p.name for p in settings.packers)
        )
        self.require = QCheckBox(self.tr("Require sign-in before packing"), self)
        self.require.setChecked(settings.require_sign_in)
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 24 * 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(settings.idle_sign_out_min)
        hint = QLabel(
            self.tr(
                "One packer per line: a name, or a name and a badge id after a semicolon. "
                "Print the badges with: packstation badges --out badges.pdf"
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Packers"), self.packers)
        form.addRow("", hint)
        form.addRow("", self.require)
        form.addRow(self.tr("Sign out after idle"), self.idle)

    def settings(self) -> ShiftSettings:
        entries = []
        for line in self.packers.toPlainText().splitlines():
            name, _, badge = line.partition(";")
            if name.strip():
                entries.append(PackerEntry(name=name.strip(), badge=badge.strip()))
        return ShiftSettings(
            packers=entries, require_sign_in=self.require.isChecked(), idle_sign_out_min=self.idle.value()
        )
