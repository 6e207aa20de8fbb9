"""`packstation check-code [CODE | -]`: classify and validate one scanned code, print JSON.

For support staff: paste what a scanner produced (GS as a real 0x1D, or written `\\u001d`,
`\\x1d` or `<GS>`; Cyrillic from a Russian layout is mapped back) and see the detected kind, the
parsed fields, the problems found, the repairs made and the exact value that would be sent to
the Market. Exit code: 0 valid, 1 invalid, 2 usage or internal error (no code, several lines,
unreadable input, anything unexpected): 1 always means "the code is invalid". The JSON is written
with non-ASCII characters escaped when the console's encoding cannot show them (e.g. cp1251), so
it stays valid JSON. Runs without a window (the Russian reasons come from the catalogue).
"""

from __future__ import annotations

import json
import logging
from typing import Any, TextIO

from packstation.catalogue import russian
from packstation.devices.cleanup import clean_scan_text
from packstation.devices.keymap import restore_us_text
from packstation.domain.classify import classify_scan
from packstation.domain.message import QT_TRANSLATE_NOOP, Message
from packstation.domain.scan import ScanResult

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_log = logging.getLogger("packstation.devices")


def check_code_cli(code: str, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run the check for `code` ("-" reads one code from `stdin`) and write the JSON report;
    returns the exit code (never raises: an unexpected failure is exit code 2, not 1)."""
    try:
        return _check_code_cli(code, stdin=stdin, stdout=stdout)
    except Exception as exc:
        _log.exception("check-code failed")
        try:
            return _usage(stdout, QT_TRANSLATE_NOOP("CheckCode", "internal error: %1")(f"{exc!r}"))
        except Exception:
            return EXIT_USAGE


def _check_code_cli(code: str, *, stdin: TextIO, stdout: TextIO) -> int:
    if code == "-":
        try:
            raw = stdin.read()
        except (UnicodeDecodeError, OSError) as exc:
            return _usage(stdout, QT_TRANSLATE_NOOP("CheckCode", "cannot read the input: %1")(exc))
    else:
        raw = code
    text = raw.rstrip("\r\n")  # never strip(): GS (0x1D) counts as whitespace in Python
    if not text:
        return _usage(
            stdout, QT_TRANSLATE_NOOP("CheckCode", "no code given: pass it as an argument or on stdin (-)")
        )
    if "\n" in text or "\r" in text:
        return _usage(
            stdout, QT_TRANSLATE_NOOP("CheckCode", "one code per call: the input has several lines")
        )
    report = check_code(text)
    _emit(stdout, report, indent=2)
    return EXIT_VALID if report["valid"] else EXIT_INVALID


def check_code(text: str) -> dict[str, Any]:
    """The diagnostics report for one code as a JSON-ready dict."""
    repairs: list[str] = []
    restored = restore_us_text(text)
    if restored != text:
        repairs.append("mapped Russian-layout characters back to the US layout")
    cleaned = clean_scan_text(restored)
    repairs.extend(cleaned.repairs)
    result = classify_scan(cleaned.text)
    repairs.extend(result.repairs)
    return _report(text, result, repairs, cleaned.symbology)


def _report(text: str, result: ScanResult, repairs: list[str], symbology: str) -> dict[str, Any]:
    report: dict[str, Any] = {
        "input": text,
        "kind": result.kind.value,
        "valid": result.valid,
        "value": result.value,
        "fields": result.fields,
        "problems": list(result.problems),
        "problems_ru": [russian(reason) for reason in result.reasons],
        "repairs": repairs,
    }
    if symbology:
        report["symbology"] = symbology
    if result.gtin is not None:
        report["gtin"] = result.gtin
    if result.order_id is not None:
        report["order_id"] = result.order_id
    if result.box_no is not None:
        report["box_no"] = result.box_no
    if result.command is not None:
        report["command"] = result.command.value
    if result.instance is not None:
        report["instance"] = {"kind": result.instance.kind.value, "value": result.instance.value}
    return report


def _usage(stdout: TextIO, problem: Message) -> int:
    _emit(stdout, {"error": {"ru": russian(problem), "en": problem.english()}})
    return EXIT_USAGE


def _emit(stdout: TextIO, value: dict[str, Any], *, indent: int | None = None) -> None:
    """Write JSON readable in the console's encoding; what it cannot show is `\\uXXXX`-escaped
    (still valid JSON, nothing lost), so a cp1251 or ASCII console never makes this fail."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(value, ensure_ascii=True, indent=indent)
    stdout.write(text + "\n")
    stdout.flush()
