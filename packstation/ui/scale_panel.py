"""The desk scale in the packing workspace: the live weight, each box against its expected weight,
and "Accept the weights" when the packer knows better (recorded in the audit log).

`ScaleDesk` owns the scale driver (`devices.scale_reader`) for the whole run and the
`services.box_weighing.BoxWeighing` of the order being packed; the packing wiring asks it for the
session's submit checks and it adds a `ScalePanel` to every packing view the desk opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from packstation.devices.config import ScaleSettings
from packstation.domain.errors import PackstationError
from packstation.ui import palette
from packstation.ui.format import fill
from packstation.ui.i18n import say

if TYPE_CHECKING:
    from packstation.domain.packing.model import Packing
    from packstation.services.box_weighing import BoxWeighing
    from packstation.services.packing.values import SubmitCheck
    from packstation.services.ports import AuditPort

_log = logging.getLogger("packstation.ui")
_OK, _BAD, _IDLE = palette.OK_TEXT, palette.ERROR_TEXT, palette.GREY


class ScalePanel(QWidget):
    """One line under the packing view's banner: "Scale: 0.41 kg · Box 1: 0.95 kg ✓ · Box 2: …"."""

    def __init__(
        self, weighing: BoxWeighing, desk: ScaleDesk, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scalePanel")
        self.weighing = weighing
        self.desk = desk
        self.language = language
        self.live = QLabel(self)
        self.live.setObjectName("scaleLive")
        self.live.setStyleSheet("font-size:14pt; font-weight:bold;")
        self.boxes = QLabel(self)
        self.boxes.setObjectName("scaleBoxes")
        self.boxes.setStyleSheet("font-size:13pt;")
        self.boxes.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept the weights"), self)
        self.accept_button.setObjectName("acceptWeights")
        self.accept_button.setToolTip(
            self.tr("Submit although a box weighs outside its tolerance (recorded)")
        )
        self.accept_button.clicked.connect(self.accept_weights)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.live)
        layout.addWidget(self.boxes, 1)
        layout.addWidget(self.accept_button)
        self._unsubscribe = [weighing.subscribe(self.redraw)]
        self.destroyed.connect(lambda _obj=None: self.detach())
        self.redraw()

    def follow(self, subscribe: Callable[[Callable[[object], None]], Callable[[], None]]) -> None:
        """Redraw on every change of the packing too (`subscribe`: the session's)."""
        self._unsubscribe.append(subscribe(lambda _snapshot: self.redraw()))

    def detach(self) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, []
        for stop in unsubscribe:
            stop()

    def accept_weights(self) -> bool:
        return self.weighing.override()

    def redraw(self) -> None:
        from packstation.domain.box_weight import format_kg

        lang = self.language
        reading = self.weighing.last_reading
        if not self.desk.connected:
            self.live.setText(self.tr("Scale: not connected"))
            colour = _BAD
        elif reading is None:
            self.live.setText(self.tr("Scale: waiting"))
            colour = _IDLE
        elif reading.overload:
            self.live.setText(self.tr("Scale: overload"))
            colour = _BAD
        else:
            weight = format_kg(reading.weight_kg, lang)
            self.live.setText(
                fill(self.tr("Scale: %1 kg") if reading.stable else self.tr("Scale: %1 kg ~"), weight)
            )
            colour = _OK if reading.stable else _IDLE
        self.live.setStyleSheet(f"font-size:14pt; font-weight:bold; color:{colour};")
        parts = []
        failing = False
        accepted = self.weighing.accepted
        for check in self.weighing.checks():
            number = str(check.index + 1)
            expected = (
                self.tr("no catalogue weight")
                if check.expected.kg is None
                else f"{format_kg(check.expected.kg, lang)} ± {format_kg(check.expected.tolerance, lang)}"
            )
            if check.measured_kg is None:
                text = fill(self.tr("Box %1: put it on the scale (expected %2)"), number, expected)
                colour = _IDLE
            else:
                mark = "✓" if check.passes else "✖"
                measured = format_kg(check.measured_kg, lang)
                text = fill(self.tr("Box %1: %2 kg %3 (expected %4)"), number, measured, mark, expected)
                colour = _OK if check.passes else _BAD
                if accepted and not check.passes:
                    text += self.tr(" — accepted by the packer")
                    colour = _IDLE
            failing = failing or not check.passes
            parts.append(f'<span style="color:{colour}">{text}</span>')
        self.boxes.setText(" · ".join(parts))
        self.accept_button.setVisible(failing and self.weighing.refused_box is not None)


class ScaleDesk(QObject):
    """The desk scale for the run: its driver, and the weighing of the order being packed.

    Args:
        settings: the scale settings (protocol OFF: nothing happens).
        show_error: the message bar (scale unplugged).
        language: "ru" or "en".
    """

    def __init__(
        self,
        settings: ScaleSettings,
        *,
        show_error: Callable[[str], None] = lambda _text: None,
        language: str = "ru",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self._show_error = show_error
        self.driver: QObject | None = None
        self.connected = False
        self.weighing: BoxWeighing | None = None
        self._stop: Callable[[], None] = lambda: None

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def start(self) -> bool:
        """Open the configured scale (it keeps retrying until plugged in); False: no scale."""
        if self.driver is not None or not self.settings.enabled:
            return False
        # Imported on use: stations without a scale do not load the drivers.
        from packstation.devices.scale_reader import make_scale

        driver = make_scale(self.settings, self)
        if driver is None:
            return False
        driver.reading.connect(self._on_reading)
        driver.connected.connect(self._on_connected)
        driver.disconnected.connect(self._on_lost)
        self.driver, self._stop = driver, driver.stop
        driver.start()
        return True

    def stop(self) -> None:
        stop, self._stop = self._stop, lambda: None
        driver, self.driver = self.driver, None
        stop()
        if driver is not None:
            driver.deleteLater()
        self.connected = False

    def restart(self, settings: ScaleSettings) -> None:
        """Take edited scale settings (the driver restarts when the scale itself changed)."""
        before, self.settings = self.settings, settings
        device = ("protocol", "port", "baud", "default_unit", "poll_ms", "retry_ms")
        if any(getattr(before, name) != getattr(settings, name) for name in device):
            self.stop()
            self.start()

    def checks_for(
        self, order_id: int, packing: Callable[[], Packing], audit: AuditPort | None
    ) -> tuple[SubmitCheck, ...]:
        """The submit checks of a new session: its box weighing (none without a scale)."""
        if not self.settings.enabled:
            self.weighing = None
            return ()
        from packstation.services.box_weighing import BoxWeighing

        self.weighing = BoxWeighing(
            order_id,
            packing,
            self.settings.rule(),
            audit=audit,
            require_weighing=self.settings.require_weighing,
        )
        return (self.weighing,)

    def panel_for(self, order_id: int) -> ScalePanel | None:
        """The panel of the order's packing view (None: no scale, or not this order's weighing)."""
        if self.weighing is None or self.weighing.order_id != order_id:
            return None
        return ScalePanel(self.weighing, self, self.language)

    def order_closed(self, order_id: int) -> None:
        """The order left the desk: readings no longer weigh its boxes."""
        if self.weighing is not None and self.weighing.order_id == order_id:
            self.weighing = None

    def _on_reading(self, reading: object) -> None:
        from packstation.domain.box_weight import ScaleReading

        if isinstance(reading, ScaleReading) and self.weighing is not None:
            try:
                self.weighing.on_reading(reading)
            except PackstationError as error:  # the audit log cannot be written
                self._show_error(say(error))

    def _on_connected(self, _name: str) -> None:
        self.connected = True
        self._redraw()

    def _on_lost(self, reason: str) -> None:
        self.connected = False
        _log.warning("scale unavailable: %s", reason)
        self._show_error(fill(self.tr("The scale is not connected (%1); retrying."), reason))
        self._redraw()

    def _redraw(self) -> None:
        if self.weighing is not None:
            self.weighing.forget_reading()
