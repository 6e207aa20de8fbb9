"""The composition root: start-up in broken environments, wiring, shutdown."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from packstation.app import (
    MarketConnection,
    Runtime,
    Shell,
    apply_overrides,
    build_services,
    connect_market,
    prepare,
)
from packstation.cli import build_parser
from packstation.domain.errors import PackstationError
from packstation.domain.message import QT_TRANSLATE_NOOP
from packstation.domain.order import Program
from packstation.logs import shutdown_logging
from packstation.secrets import ENV_VAR, store_api_key
from packstation.settings import SETTINGS_FILE, AppSettings, save_settings
from packstation.ui.status_bar import ConnectionState
from tests.services.fakes import FakeMarket, make_order


@pytest.fixture(autouse=True)
def _close_logs() -> Iterator[None]:
    yield
    shutdown_logging()


def _args(data_dir: Path, *extra: str) -> argparse.Namespace:
    return build_parser().parse_args(["--data-dir", str(data_dir), *extra])


def test_missing_data_dir_is_created_and_the_app_runs_in_demo(tmp_path: Path) -> None:
    runtime = prepare(_args(tmp_path / "new" / "dir"))
    assert runtime.data_dir.path.is_dir()
    assert runtime.data_dir.created
    assert runtime.demo
    assert runtime.demo_reason == "no API key"
    assert runtime.logging.log_file is not None
    assert runtime.logging.log_file.exists()
    assert runtime.warnings() == []


def test_corrupt_settings_give_a_warning_and_defaults(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("{{{ definitely not json", encoding="utf-8")
    runtime = prepare(_args(tmp_path))
    assert runtime.settings == AppSettings()
    assert runtime.loaded.backup is not None
    assert runtime.loaded.backup.exists()
    (warning,) = runtime.warnings()
    assert "damaged" in warning.english()


def test_unwritable_log_dir_gives_a_warning(tmp_path: Path) -> None:
    (tmp_path / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    runtime = prepare(_args(tmp_path))
    assert runtime.logging.log_file is None
    assert [w.en.startswith("Cannot write the log") for w in runtime.warnings()] == [True]


def test_missing_keyring_backend_gives_a_warning_and_demo(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    runtime = prepare(_args(tmp_path))
    assert runtime.demo
    assert runtime.key.warning is not None
    assert runtime.warnings() == [runtime.key.warning]


def test_real_mode_needs_key_and_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_api_key("ACMA:key:1")
    assert prepare(_args(tmp_path)).demo_reason == "no campaign/business id"
    runtime = prepare(_args(tmp_path, "--campaign-id", "7", "--business-id", "8"))
    assert not runtime.demo
    assert runtime.key.key == "ACMA:key:1"
    monkeypatch.setenv(ENV_VAR, "from-env")
    assert prepare(_args(tmp_path, "--demo", "--campaign-id", "7", "--business-id", "8")).demo


def test_command_line_overrides_settings_without_saving(tmp_path: Path) -> None:
    save_settings(AppSettings(language="ru", campaign_id=1), tmp_path / SETTINGS_FILE)
    args = _args(
        tmp_path,
        "--lang",
        "en",
        "--campaign-id",
        "5",
        "--api-url",
        "http://x",
        "--print-to",
        "/tmp/l",
        "--camera",
        "test-pattern",
    )
    settings = apply_overrides(AppSettings(language="ru", campaign_id=1), args)
    assert (settings.language, settings.campaign_id, settings.api_url) == ("en", 5, "http://x")
    assert settings.printing.virtual_dir == "/tmp/l"
    assert settings.printing.labels.printer_name == ""
    assert settings.camera.source == "test-pattern"
    assert prepare(args).loaded.settings.campaign_id == 1


def test_a_key_that_cannot_be_sent_starts_demo_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: UnicodeEncodeError from httpx on every start (the key is an HTTP header)."""
    monkeypatch.setenv(ENV_VAR, "ACMA:ключ")
    runtime = prepare(_args(tmp_path, "--campaign-id", "7", "--business-id", "8"))
    assert (runtime.demo, runtime.demo_reason) == (True, "unusable API key")
    (warning,) = runtime.warnings()
    assert "contains characters that cannot be sent" in warning.english()
    assert "cannot reach" not in warning.english()
    connect_market(runtime)  # the demo connection: no crash


class ClosableMarket(FakeMarket):
    closed: bool = False

    async def aclose(self) -> None:
        self.closed = True


def _shell(qtbot: QtBot, tmp_path: Path, market: FakeMarket) -> Shell:
    (tmp_path / SETTINGS_FILE).write_text("broken", encoding="utf-8")
    runtime: Runtime = prepare(_args(tmp_path, "--lang", "en"))
    closers = [market.aclose] if isinstance(market, ClosableMarket) else []
    shell = Shell(runtime, build_services(runtime, MarketConnection(market, closers)))
    qtbot.addWidget(shell.window)
    return shell


@pytest.mark.gui
@pytest.mark.asyncio
async def test_shell_loads_orders_reports_problems_and_shuts_down(qtbot: QtBot, tmp_path: Path) -> None:
    market = ClosableMarket()
    market.add(make_order(1), make_order(2, program=Program.EXPRESS))
    shell = _shell(qtbot, tmp_path, market)
    assert "damaged" in shell.window.message_bar.text  # the start-up warning is visible
    main = asyncio.ensure_future(shell.main())
    for _ in range(200):
        if shell.queue.running:
            break
        await asyncio.sleep(0.01)
    assert shell.model.rowCount() == 2
    assert shell.window.isVisible()
    assert shell.window.status.connection.state is ConnectionState.DEMO
    market.add(make_order(3))
    shell.window.refresh_action.trigger()
    for _ in range(200):
        if shell.model.rowCount() == 3:
            break
        await asyncio.sleep(0.01)
    assert shell.model.rowCount() == 3
    text = shell.window.message_bar.text  # "(s)" unless an earlier test installed the English plurals
    assert text in ("1 new order(s) arrived.", "1 new order arrived.")
    shell.window.close()
    assert await asyncio.wait_for(main, 5) == 0
    assert market.closed
    assert not shell.queue.running
    assert shell.tasks.running == 0


@pytest.mark.gui
@pytest.mark.asyncio
async def test_refresh_failure_goes_to_the_message_bar(qtbot: QtBot, tmp_path: Path) -> None:
    market = ClosableMarket()
    market.add(make_order(1))
    shell = _shell(qtbot, tmp_path, market)
    assert await shell.load_orders() == 1
    market.fail_next("iter_order_pages", PackstationError(QT_TRANSLATE_NOOP("Tests", "No connection")))
    shell.window.refresh_action.trigger()
    for _ in range(200):
        if shell.window.message_bar.text == "No connection":
            break
        await asyncio.sleep(0.01)
    assert shell.window.message_bar.text == "No connection"
    assert shell.window.refresh_action.isEnabled()
    await shell.shutdown()


@pytest.mark.gui
@pytest.mark.asyncio
async def test_smoke_reports_failure_with_reason(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    market = ClosableMarket()
    market.fail_next(
        "iter_order_pages", PackstationError(QT_TRANSLATE_NOOP("Tests", "The Market is unreachable"))
    )
    shell = _shell(qtbot, tmp_path, market)
    assert await shell.main(smoke=True) == 2
    assert "smoke failed: orders could not be loaded: The Market is unreachable" in capsys.readouterr().err
    assert market.closed


@pytest.mark.gui
@pytest.mark.asyncio
async def test_settings_dialog_saves_and_asks_for_restart(qtbot: QtBot, tmp_path: Path) -> None:
    shell = _shell(qtbot, tmp_path, ClosableMarket())
    shell.window.settings_action.trigger()
    dialog = shell.settings_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.printer_page is not None  # the printing engineer's page, on its own tab
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["Store and station", "Devices", "Printing", "Packers"]  # scanner, scale, camera: Devices
    assert dialog.tabs.widget(3) is dialog.shift_page
    dialog.printer_page.packing_slip.setChecked(True)
    dialog.campaign.setText("2001")
    dialog.accept()
    assert "Restart" in shell.window.message_bar.text
    saved = AppSettings.model_validate_json((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved.campaign_id == 2001
    assert saved.printing.packing_slip
    await shell.shutdown()
