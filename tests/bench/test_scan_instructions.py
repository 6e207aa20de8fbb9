"""bench/scan_instructions.py without valgrind: reading callgrind's files, the report, the
comparison with a saved run, and the plain message when valgrind is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import scan_instructions as si

DATA = Path(__file__).resolve().parent / "data"


def test_the_total_is_read_from_the_totals_line() -> None:
    assert si.read_totals(DATA / "stream-mid.callgrind") == 390_150


def test_a_file_with_only_a_summary_line_and_several_events(tmp_path: Path) -> None:
    sample = tmp_path / "old.callgrind"
    sample.write_text("version: 1\nevents: Dr Ir\nsummary: 17 4200\n\nfn=(1) main\n0 17 4200\n")
    assert si.read_totals(sample) == 4200
    assert si.read_totals(sample, "Dr") == 17


def test_a_file_without_totals_is_refused(tmp_path: Path) -> None:
    cut = tmp_path / "cut.callgrind"
    cut.write_text("version: 1\nevents: Ir\n\nfn=(1) main\n0 12\n")
    with pytest.raises(ValueError, match="no totals of Ir"):
        si.read_totals(cut)


def test_the_costliest_functions_leave_out_the_interpreters_frames_and_qts_dispatch() -> None:
    rows = si.parse_annotate((DATA / "annotate.txt").read_text())
    assert rows[0] == ("???:0x0000000004936718'2 [???]", 1_201_907_301)
    assert all("PROGRAM TOTALS" not in name for name, _ in rows)
    assert any("QApplication::notify" in name for name, _ in rows)
    assert si.where_the_work_goes(rows, 3) == [
        ("Sbk_QCoreApplicationFunc_processEvents (QtCore.abi3.so)", 250_101_004),
        (
            "QWidgetPrivate::drawWidget(QPaintDevice*, QRegion const&, QPoint const&, "
            "QFlags<QWidgetPrivate::DrawWidgetFlag>, QPainter*, QWidgetRepaintManager*) "
            "(libQt6Widgets.so.6.11.3)",
            240_000_000,
        ),
        ("QPainter::drawText(QRectF const&, int, QString const&, QRectF*) (libQt6Gui.so.6.11.3)", 98_000_000),
    ]


def _stream() -> si.ScenarioResult:
    return si.ScenarioResult(
        "stream",
        150,
        {
            "first": si.Counted(26, 103_480_000),
            "mid": si.Counted(98, 318_500_000),
            "last": si.Counted(26, 100_880_000, (("sqlite3_step (libsqlite3.so.0)", 13_000_000),)),
        },
    )


def test_the_report_gives_the_instructions_per_scan_of_each_position() -> None:
    result = _stream()
    assert si.report_line(result) == (
        "stream, 150 scans: first 3.98 M, mid 3.25 M, last 3.88 M instructions per scan"
    )
    assert si.counts_line(result) == "  scans counted: first 26, mid 98, last 26"
    assert si.top_lines(result, 5) == [
        "  last: the 5 functions with most inclusive instructions per scan",
        "       0.50 M  12.9%  sqlite3_step (libsqlite3.so.0)",
    ]


def test_a_saved_run_is_compared_position_by_position(tmp_path: Path) -> None:
    saved = si.to_json([_stream()], orders=300, commit="1381bcd")
    saved_file = tmp_path / "main.json"
    saved_file.write_text(json.dumps(saved))
    reference = json.loads(saved_file.read_text())
    assert (reference["commit"], reference["orders"]) == ("1381bcd", 300)
    assert reference["scenarios"]["stream"]["positions"]["mid"] == {
        "scans": 98,
        "instructions": 318_500_000,
        "per_scan": 3_250_000,
    }
    faster = si.ScenarioResult(
        "stream",
        150,
        {"first": si.Counted(26, 93_132_000), "mid": si.Counted(98, 318_500_000), "last": si.Counted(0, 0)},
    )
    assert si.report_line(faster, reference) == (
        "stream, 150 scans: first 3.58 M (was 3.98 M, -10.0%), mid 3.25 M (was 3.25 M, +0.0%), "
        "last 0.00 M (was 3.88 M, -100.0%) instructions per scan"
    )
    assert si.mismatch(faster, 300, reference) is None
    assert si.mismatch(faster, 3000, reference) == (
        "  note: the saved stream run had 150 scans and 300 orders listed, this one 150 and 3000: "
        "compare runs of the same counts"
    )
    # A scenario the saved run did not measure is reported without a comparison.
    undo = si.ScenarioResult("undo", 40, {"item": si.Counted(20, 60_000_000)})
    assert si.report_line(undo, reference) == "undo, 40 scans: item 3.00 M instructions per scan"


def test_the_positions_of_an_orders_scans() -> None:
    assert [si._position_of(i, 4) for i in range(4)] == ["first", "mid", "mid", "last"]
    assert si._position_of(0, 1) == "first"


def test_the_command_line() -> None:
    options = si.build_parser().parse_args(["--scenario", "stream", "coded", "--top", "10"])
    assert options.scenario == ["stream", "coded"]
    assert (options.scans, options.orders, options.jobs, options.top) == (150, 300, 2, 10)
    with pytest.raises(SystemExit):
        si.build_parser().parse_args(["--scenario", "fast"])
    with pytest.raises(SystemExit):
        si.build_parser().parse_args(["--scans", "0"])


def test_without_valgrind_it_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(si.CHILD_ENV, raising=False)
    assert si.main(["--scans", "3"]) == 2
    assert "valgrind is not installed" in capsys.readouterr().err


def test_without_a_c_compiler_it_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CC", raising=False)
    with pytest.raises(si.SetupError, match="no C compiler"):
        si.compile_helper(tmp_path)
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))
    with pytest.raises(si.SetupError, match="did not run"):
        si.compile_helper(tmp_path)
    failing = tmp_path / "cc"
    failing.write_text("#!/bin/sh\necho 'valgrind/callgrind.h: No such file or directory' >&2\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setenv("CC", str(failing))
    with pytest.raises(si.SetupError, match=r"did not compile[\s\S]*callgrind.h: No such file"):
        si.compile_helper(tmp_path)
