"""`packstation check-code`: one report per kind and per failure, exit codes 0/1/2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from packstation.devices.check_code import check_code_cli

GS = "\x1d"
DAIRY = "0104601234567893" "21ab+Cd9" + GS + "93Zjqw"
SIG = "XF+bh3eM+xA6oD7CWFOY6agEnaVVJZFgnvzXhK2E2Ec="  # canonical base64 of 32 bytes, as real (92) codes
CLOTHES = "0104601234567893" "215Tr!Q+aB9c%kZ" + GS + "91EE06" + GS + "92" + SIG


def _run(code: str, stdin: str = "") -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    rc = check_code_cli(code, stdin=io.StringIO(stdin), stdout=out)
    return rc, json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("code", "kind", "value"),
    [
        (DAIRY, "cis", DAIRY),
        (CLOTHES, "cis", CLOTHES),
        ("00000046198488X?io+qCABm8wAYa", "cis", "00000046198488X?io+qCABm8wAYa"),
        ("4601234567893", "item_barcode", "4601234567893"),
        ("1234567812345678", "uin", "1234567812345678"),
        ("10702070/010124/0012345/001", "rnpt", "10702070/010124/0012345/001"),
        ("10702070/010124/0012345", "gtd", "10702070/010124/0012345"),
        ("1234567890", "order_number", "1234567890"),
        ("1234567890-2", "box_label", "1234567890-2"),
        ("PS:NEW_BOX", "command", "PS:NEW_BOX"),
    ],
)
def test_each_valid_kind(code: str, kind: str, value: str) -> None:
    rc, report = _run(code)
    assert rc == 0
    assert (report["kind"], report["valid"], report["value"]) == (kind, True, value)
    assert report["problems"] == []


def test_cis_report_has_fields_group_and_instance() -> None:
    rc, report = _run(CLOTHES)
    assert rc == 0
    assert report["fields"] == {"01": "04601234567893", "21": "5Tr!Q+aB9c%kZ", "91": "EE06", "92": SIG,
                                "group": "light_industry"}
    assert report["gtin"] == "04601234567893"
    assert report["instance"] == {"kind": "cis", "value": CLOTHES}


@pytest.mark.parametrize(
    ("given", "repair"),
    [
        ("0104601234567893" "21ab+Cd9" "\\u001d" "93Zjqw", "replaced \\u001d with GS"),
        ("0104601234567893" "21ab+Cd9" "<GS>" "93Zjqw", "replaced <GS> with GS"),
        ("]d2" + DAIRY, "removed symbology identifier ]d2"),
        (GS + DAIRY, "removed leading GS (FNC1)"),
        ("0104601234567893" "21ab+Cd9" "93Zjqw", "restored GS after (21)"),
        ("(01)04601234567893(21)ab+Cd9(93)Zjqw", "converted from the (AI) human-readable form"),
        (
            "0104601234567893" "21фи+Св9" + GS + "93Яойц",
            "mapped Russian-layout characters back to the US layout",
        ),
    ],
)
def test_repairs_are_reported_and_the_normalized_value_is_exact(given: str, repair: str) -> None:
    rc, report = _run(given)
    assert rc == 0, report
    assert report["value"] == DAIRY
    assert repair in report["repairs"]


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("0104601234567894" "21ab+Cd9" + GS + "93Zjqw", "check digit"),
        ("010460123456789321ab+Cd9", "no crypto tail"),
        ("0104601234567893" "21ab+Cd9XYZW" + GS + "93Zjqw", "serial has 10 characters"),
        (CLOTHES.replace(SIG, SIG[:40]), "(92) has 40 characters"),
        ("0104601234567893" "21ab#Cd9" + GS + "93Zjqw", "GS1 syntax"),
        ("0104601234567893" "21ab+Cd9" + GS + "93Zj w", "printable ASCII"),
        ("0104601234567893" "21ab+Cd9" + GS + "95Zjqw", "unsupported element"),
        ("0104601234567893" + "21" + "a" * 260 + GS + "93Zjqw", "at most 256"),
        ("4601234567894", "check digit"),
        ("10702070/310224/0012345", "not a declaration date"),
        ("123", "3 digits"),
        ("hello world", "not a known barcode"),
    ],
)
def test_each_failure_exits_1_with_a_problem_in_both_languages(code: str, problem: str) -> None:
    rc, report = _run(code)
    assert rc == 1
    assert report["valid"] is False
    assert any(problem in p for p in report["problems"]), report["problems"]
    assert len(report["problems_ru"]) == len(report["problems"])


def test_ambiguous_missing_gs_asks_for_a_rescan() -> None:
    # Without GS: a tire's 20-character serial, or a 13-character one + (240) "wxyz": both valid.
    rc, report = _run("0104601234567893" "21ABCDEFGHIJKLM240wxyz" "91FF01" "92" + SIG)
    assert rc == 1
    assert "rescan" in report["problems"][0]
    assert "отсканируйте ещё раз" in report["problems_ru"][0]


def test_stdin_with_real_gs_and_trailing_newline() -> None:
    rc, report = _run("-", DAIRY + "\r\n")
    assert rc == 0
    assert report["value"] == DAIRY


@pytest.mark.parametrize("stdin", ["", "\n", "a\nb\n"])
def test_usage_errors_exit_2(stdin: str) -> None:
    rc, report = _run("-", stdin)
    assert rc == 2
    assert report["error"]["ru"]
    assert report["error"]["en"]


def test_cli_wiring_prints_gs_as_a_json_escape() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "packstation", "check-code", "-"],
        input=DAIRY,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"value": "010460123456789321ab+Cd9\\u001d93Zjqw"' in proc.stdout
    assert json.loads(proc.stdout)["value"] == DAIRY


@pytest.mark.parametrize("encoding", ["cp1251", "ascii", "latin-1"])
def test_a_console_that_cannot_show_the_input_still_gets_valid_json(encoding: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "packstation", "check-code", "abcü"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert proc.returncode == 1, proc.stderr  # invalid code: 1, not a crash
    assert b"Traceback" not in proc.stderr
    report = json.loads(proc.stdout.decode(encoding))
    assert report["input"] == "abcü"
    assert report["valid"] is False


def test_help_documents_the_exit_codes() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "packstation", "check-code", "--help"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert "0 the code is valid, 1 the code is invalid, 2 usage or internal error" in text


def test_an_internal_failure_exits_2_never_1() -> None:
    class Broken(io.StringIO):
        def read(self, *_args: object) -> str:
            raise RuntimeError("boom")

    out = io.StringIO()
    assert check_code_cli("-", stdin=Broken(), stdout=out) == 2
    assert "internal error" in json.loads(out.getvalue())["error"]["en"]
