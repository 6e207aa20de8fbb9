"""`packstation export-audit`: CSV by local dates, clear errors, read-only."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from packstation.catalogue import both_languages
from packstation.cli import build_parser, main
from packstation.storage.audit_export import export_audit_cli
from packstation.storage.database import DB_FILE_NAME
from packstation.storage.local_store import open_local_store
from tests.storage.helpers import FakeClock


def _local_noon(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T12:00:00").astimezone()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    clock = FakeClock(_local_noon("2026-11-01"))
    store = open_local_store(tmp_path, station="Desk 1", packer="Анна", clock=clock)
    store.audit.record("order_opened", order_id=11, detail="первый, с запятой")
    clock.advance(days=1)
    store.audit.record("status_sent", order_id=11, detail='READY_TO_SHIP "ok"')
    clock.advance(days=1)
    store.audit.record("app_started")
    store.close()
    return tmp_path


def _rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_export_by_inclusive_local_dates(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    code = main(
        [
            "export-audit",
            "--from",
            "2026-11-02",
            "--to",
            "2026-11-03",
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
        ]
    )
    assert code == 0
    header, *rows = _rows(out)
    assert header == ["time", "station", "packer", "order_id", "action", "detail"]
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("Desk 1", "Анна", "11", "status_sent", 'READY_TO_SHIP "ok"'),
        ("Desk 1", "Анна", "", "app_started", ""),
    ]
    assert datetime.fromisoformat(rows[0][0]) == _local_noon("2026-11-02")


def test_export_everything_without_dates(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    args = build_parser().parse_args(["export-audit", "--out", str(out), "--data-dir", str(data_dir)])
    summary = io.StringIO()
    assert export_audit_cli(args, say=both_languages, stdout=summary, stderr=io.StringIO()) == 0
    assert "Exported 3 records" in summary.getvalue()
    assert "Выгружено записей: 3" in summary.getvalue()
    rows = _rows(out)[1:]
    assert [r[4] for r in rows] == ["order_opened", "status_sent", "app_started"]
    assert rows[0][5] == "первый, с запятой"


def test_export_does_not_modify_the_database(data_dir: Path, tmp_path: Path) -> None:
    before = (data_dir / DB_FILE_NAME).read_bytes()
    args = build_parser().parse_args(
        ["export-audit", "--out", str(tmp_path / "x.csv"), "--data-dir", str(data_dir)]
    )
    assert export_audit_cli(args, say=both_languages, stderr=io.StringIO()) == 0
    assert (data_dir / DB_FILE_NAME).read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "ru", "en"),
    [
        (["--from", "2026-13-01"], "Неверная дата в --from", "Invalid date in --from"),
        (["--from", "2026-11-05", "--to", "2026-11-01"], "позже конечной", "after the end date"),
    ],
)
def test_bad_dates_give_a_bilingual_message(
    data_dir: Path, tmp_path: Path, argv: list[str], ru: str, en: str
) -> None:
    out = tmp_path / "bad.csv"
    args = build_parser().parse_args(["export-audit", *argv, "--out", str(out), "--data-dir", str(data_dir)])
    err = io.StringIO()
    assert export_audit_cli(args, say=both_languages, stderr=err) == 2
    assert ru in err.getvalue()
    assert en in err.getvalue()
    assert not out.exists()


def test_missing_journal_and_unwritable_output(tmp_path: Path) -> None:
    err = io.StringIO()
    args = build_parser().parse_args(
        ["export-audit", "--out", str(tmp_path / "x.csv"), "--data-dir", str(tmp_path)]
    )
    assert export_audit_cli(args, say=both_languages, stderr=err) == 2
    assert "Журнал не найден" in err.getvalue()
    assert "No journal found" in err.getvalue()

    open_local_store(tmp_path).close()
    err = io.StringIO()
    bad_out = tmp_path / "no-such-dir" / "x.csv"
    args = build_parser().parse_args(["export-audit", "--out", str(bad_out), "--data-dir", str(tmp_path)])
    assert export_audit_cli(args, say=both_languages, stderr=err) == 2
    assert "Could not write" in err.getvalue()


def test_local_day_bounds_cover_whole_days() -> None:
    from packstation.storage.audit_export import parse_period

    start, end = parse_period("2026-03-28", "2026-03-29")
    assert start is not None
    assert end is not None
    assert start.hour == 0
    assert end.hour == 0
    assert end - start >= timedelta(hours=47)


@pytest.mark.parametrize("name", [DB_FILE_NAME, DB_FILE_NAME + "-wal", DB_FILE_NAME + "-shm"])
def test_export_refuses_the_journal_files_even_with_force(data_dir: Path, name: str) -> None:
    journal = data_dir / DB_FILE_NAME
    before = journal.read_bytes()
    for extra in ([], ["--force"]):
        err = io.StringIO()
        args = build_parser().parse_args(
            ["export-audit", "--out", str(data_dir / name), "--data-dir", str(data_dir), *extra]
        )
        assert export_audit_cli(args, say=both_languages, stderr=err) == 2
        assert "журнал" in err.getvalue()
        assert "journal" in err.getvalue()
    assert journal.read_bytes() == before
    store = open_local_store(data_dir)
    assert store.warning is None
    assert len(list(store.audit.between(None, None))) == 3
    store.close()


def test_export_refuses_the_journal_through_a_symlink(data_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere.csv"
    link.symlink_to(data_dir / DB_FILE_NAME)
    before = (data_dir / DB_FILE_NAME).read_bytes()
    args = build_parser().parse_args(
        ["export-audit", "--out", str(link), "--data-dir", str(data_dir), "--force"]
    )
    assert export_audit_cli(args, say=both_languages, stderr=io.StringIO()) == 2
    assert (data_dir / DB_FILE_NAME).read_bytes() == before


def test_existing_output_is_replaced_only_with_force(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    out.write_text("keep me", encoding="utf-8")
    argv = ["export-audit", "--out", str(out), "--data-dir", str(data_dir)]
    err = io.StringIO()
    assert export_audit_cli(build_parser().parse_args(argv), stderr=err) == 2
    assert "already exists" in err.getvalue()
    assert "--force" in err.getvalue()
    assert out.read_text(encoding="utf-8") == "keep me"
    assert export_audit_cli(build_parser().parse_args([*argv, "--force"]), stdout=io.StringIO()) == 0
    assert len(_rows(out)) == 4
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
