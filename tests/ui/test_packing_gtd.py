"""A GTD (customs declaration) scan takes its country of origin from the packer, and the Market
receives both."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from starlette.applications import Starlette

from packstation.services.packing import Phase
from packstation.ui.packing_dialogs import CountryDialog
from packstation.ui.sounds import Sound
from tests.ui.packing_support import open_desk

pytestmark = pytest.mark.asyncio


def _open_country_dialogs(view: QWidget) -> list[CountryDialog]:
    return [d for d in view.findChildren(CountryDialog) if d.isVisible()]


def _country_dialog(view: QWidget) -> CountryDialog:
    (dialog,) = _open_country_dialogs(view)
    return dialog


async def test_gtd_scan_asks_for_the_country_and_the_market_gets_both(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("COFFEE-MACH", 1),))
    try:
        gtd = desk.sandbox.unused_codes("COFFEE-MACH")[0]
        desk.scan(desk.order.lines[0].barcodes[0])
        desk.scan(gtd)

        dialog = _country_dialog(desk.view)
        # A prompt, not a mistake: no error sound, no red cross; the catalogue's country is offered.
        assert Sound.ERROR not in desk.sounds.played
        assert not desk.view.feedback.text().startswith("✖")
        assert "country of origin" in desk.view.feedback.text()
        assert dialog.country.text() == "IT"  # the catalogue: "Италия"
        dialog.country.setText("xx")  # not a country: refused in the dialog, which stays open
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible()
        assert "country code" in dialog.error.text()

        dialog.country.setText("it")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert _open_country_dialogs(desk.view) == []
        assert desk.view.feedback.text().startswith("✔")
        assert desk.view.submit_button.isEnabled()

        desk.scan("PS:SUBMIT")
        await desk.settle()
        assert desk.session.phase is Phase.DONE
        instances = desk.market_order.boxes[0].items[0]["instances"]
        assert instances == [{"gtd": gtd, "countryCode": "IT"}]
        assert desk.errors == []
    finally:
        await desk.close()


async def test_the_last_country_is_offered_again(sandbox_app: Starlette) -> None:
    desk = await open_desk(sandbox_app, (("COFFEE-MACH", 2),))
    try:
        first, second = desk.sandbox.unused_codes("COFFEE-MACH")[:2]
        barcode = desk.order.lines[0].barcodes[0]
        desk.scan(barcode)
        desk.scan(first)
        dialog = _country_dialog(desk.view)
        dialog.country.setText("CN")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        desk.scan(barcode)
        desk.scan(second)
        again = _country_dialog(desk.view)
        assert again.country.text() == "CN"
        again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        assert _open_country_dialogs(desk.view) == []
        (progress,) = desk.session.snapshot.progress
        assert (progress.packed, progress.coded) == (2, 1)  # cancelled: the second unit stays uncoded
    finally:
        await desk.close()
