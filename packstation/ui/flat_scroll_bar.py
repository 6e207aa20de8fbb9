"""A scroll bar that is cheap to paint: flat, in the palette's colours (issue 19).

Qt's Fusion style paints a scroll bar with gradients and bevels, and marks it see-through, so
Qt first paints the widgets under it from the window down (the packing view's eight): 0.5-1.1 ms
in the packing view on this 2-core VM, more under load. Each scan that adds a row to a tree
that overflows changes the bar's range and repaints it. `FlatScrollBarStyle` paints the groove
and the handle as plain fills (the handle's corners slightly rounded) and the arrows as the base
style draws them (a kept picture), over all of the bar's rectangle, so the bar is opaque and
painted alone: ~0.1 ms. Only the painting changes: the handle's and the arrows' places, hit
testing and sizes stay the base style's (QProxyStyle hands every other call to it), so dragging,
paging and the arrows work as before.

It is set on each scroll bar (`flatten`), not on the application: a Python style's every call
would then pass through Python for every widget.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QScrollBar,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

_CC = QStyle.ComplexControl
_SC = QStyle.SubControl
_PE = QStyle.PrimitiveElement
_ROLE = QPalette.ColorRole
# Plain ints: a Python enum's `&` costs microseconds.
_SLIDER = _SC.SC_ScrollBarSlider.value
_SUB_LINE = _SC.SC_ScrollBarSubLine.value
_ADD_LINE = _SC.SC_ScrollBarAddLine.value
_SUNKEN = QStyle.StateFlag.State_Sunken.value
_HOVER = QStyle.StateFlag.State_MouseOver.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_HORIZONTAL = QStyle.StateFlag.State_Horizontal.value
_ARROWS = (
    (_SC.SC_ScrollBarSubLine, _SUB_LINE, _PE.PE_IndicatorArrowLeft, _PE.PE_IndicatorArrowUp),
    (_SC.SC_ScrollBarAddLine, _ADD_LINE, _PE.PE_IndicatorArrowRight, _PE.PE_IndicatorArrowDown),
)
_INSET = 2  # the handle's margin to the groove's long sides, px
_RADIUS = 3.0  # the handle's corners, px
_GROOVE = 108  # the groove: the window's colour this much darker (%)
_HOVERED = 115  # the handle under the mouse: this much darker (%)
_ANTIALIASED = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_OPAQUE = Qt.WidgetAttribute.WA_OpaquePaintEvent


class FlatScrollBarStyle(QProxyStyle):
    """The application's style (by name), with scroll bars painted flat (see the module doc).

    Args:
        base: the style to take everything else from (a QStyleFactory key); the application's
            style by default.
    """

    def __init__(self, base: str | None = None) -> None:
        super().__init__(base if base is not None else QApplication.style().name())

    # One name for the widget, palette and application overloads: only widgets are changed.
    def polish(self, target: QWidget | QPalette | QApplication) -> None:  # type: ignore[override]
        super().polish(target)
        if isinstance(target, QScrollBar):
            # The bar paints all of its rectangle: Qt need not paint what lies under it first.
            # (Fusion's polish clears this; a plain QScrollBar has it.)
            target.setAttribute(_OPAQUE, True)

    def unpolish(self, target: QWidget | QApplication) -> None:
        super().unpolish(target)
        if isinstance(target, QScrollBar):
            target.setAttribute(_OPAQUE, False)  # the next style may paint less of it

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control != _CC.CC_ScrollBar or not isinstance(option, QStyleOptionSlider):
            super().drawComplexControl(control, option, painter, widget)
            return
        base = self.baseStyle()
        palette = option.palette
        state = option.state.value
        active = option.activeSubControls.value
        pressed = state & _SUNKEN
        painter.fillRect(option.rect, palette.color(_ROLE.Window).darker(_GROOVE))
        arrow = QStyleOption(option)
        for sub_control, flag, horizontal, vertical in _ARROWS:
            rect: QRect = base.subControlRect(control, option, sub_control, widget)
            if rect.isEmpty():
                continue
            if active & flag and pressed:
                painter.fillRect(rect, palette.color(_ROLE.Mid))
            arrow.rect = rect
            base.drawPrimitive(horizontal if state & _HORIZONTAL else vertical, arrow, painter, widget)
        if option.maximum <= option.minimum:
            return  # nothing to scroll: no handle
        handle = QRectF(base.subControlRect(control, option, _SC.SC_ScrollBarSlider, widget))
        if state & _HORIZONTAL:
            handle.adjust(0, _INSET, 0, -_INSET)
        else:
            handle.adjust(_INSET, 0, -_INSET, 0)
        if not state & _ENABLED:
            colour = palette.color(_ROLE.Mid)
        elif active & _SLIDER and pressed:
            colour = palette.color(_ROLE.Shadow)
        elif active & _SLIDER and state & _HOVER:
            colour = palette.color(_ROLE.Dark).darker(_HOVERED)
        else:
            colour = palette.color(_ROLE.Dark)
        painter.setRenderHint(_ANTIALIASED, True)  # last: the painter ends with the paint
        painter.setPen(_NO_PEN)
        painter.setBrush(colour)
        painter.drawRoundedRect(handle, _RADIUS, _RADIUS)


_shared: FlatScrollBarStyle | None = None


def flat_style() -> FlatScrollBarStyle:
    """The one style every flat scroll bar shares (made with the first; the application owns
    it)."""
    global _shared
    if _shared is None or not shiboken6.isValid(_shared):  # none yet, or gone with its application
        _shared = FlatScrollBarStyle()
        _shared.setParent(QApplication.instance())
    return _shared


def flatten(bar: QScrollBar) -> None:
    """Paint `bar` flat (see the module doc)."""
    bar.setStyle(flat_style())


def flatten_bars(area: QAbstractScrollArea) -> None:
    """Paint both scroll bars of `area` flat."""
    flatten(area.verticalScrollBar())
    flatten(area.horizontalScrollBar())
