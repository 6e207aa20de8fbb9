"""The suite reads nothing outside the repository: a user's clone has no `../shared` (or anything
else beside it), so no file under tests/ or bench/ may point above the repository root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCANNED = ("tests", "bench")
CODE_SUFFIXES = {".py", ".sh", ".toml", ".ini", ".cfg", ".bat", ".ps1", ".spec"}
THIS = Path(__file__).resolve()

# `Path(__file__)` followed by a chain of `.parent` / `.parents[k]`: how far up it climbs.
_FILE_CHAIN = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\.parent\b|\.parents\[\d+\])+)")
_STEP = re.compile(r"\.parents\[(\d+)\]|\.parent\b")
_TEXT_PATTERNS = (
    (re.compile(r"""["'][^"'\n]*(?<![.\w])\.\.[/\\]"""), "a '../' path"),
    (re.compile(r"""["']\.\.["']"""), "a '..' path component"),
    (re.compile(r"/work/|/shared/|/\s*[\"']shared[\"']"), "the reference folder"),
    (re.compile(r"\b(?:REPO|ROOT|REPO_ROOT)\w*\.parent\b"), "the repository root's parent"),
)


def outside_references(text: str, depth: int) -> list[str]:
    """What in `text` (a file `depth` folders below the repository root, counting the file itself)
    points outside the repository."""
    found = []
    for match in _FILE_CHAIN.finditer(text):
        levels = sum(int(k) + 1 if k else 1 for k in _STEP.findall(match.group(1)))
        if levels > depth:
            found.append(f"{match.group(0)} climbs {levels} levels from a file {depth} deep")
    for pattern, what in _TEXT_PATTERNS:
        found += [f"{what}: {m.group(0)!r}" for m in pattern.finditer(text)]
    return found


def _scanned_files() -> list[Path]:
    files = []
    for top in SCANNED:
        for path in sorted((REPO / top).rglob("*")):
            if path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                files.append(path)
    return files


def test_no_file_under_tests_or_bench_points_outside_the_repository() -> None:
    files = _scanned_files()
    assert len(files) > 50
    offenders = {
        str(path.relative_to(REPO)): hits
        for path in files
        if path != THIS
        and (hits := outside_references(path.read_text(encoding="utf-8"), len(path.relative_to(REPO).parts)))
    }
    assert offenders == {}


@pytest.mark.parametrize(
    "snippet",
    [
        'SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"',
        'SPEC = Path(__file__).parents[3] / "market-api" / "market-openapi.yaml"',
        'SPEC_PATH = REPO_ROOT.parent / "spec.yaml"',
        'open("../shared/market-api/market-openapi.yaml")',
        'os.path.join(HERE, "..", "..", "..", "x")',
        'subprocess.run(["cat", "docs/../../x"])',
        'Path("/work/shared/seeds/001.txt")',
    ],
)
def test_the_scan_catches_paths_that_leave_the_repository(snippet: str) -> None:
    assert outside_references(snippet, depth=3)


@pytest.mark.parametrize(
    "snippet",
    [
        "REPO = Path(__file__).resolve().parents[2]",
        'DATA = Path(__file__).resolve().parent / "data" / "market-openapi.yaml"',
        "sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))",
        "cwd=PACKAGE.parent",
        '"""The body of `PUT .../boxes`."""',
    ],
)
def test_the_scan_allows_paths_inside_the_repository(snippet: str) -> None:
    assert outside_references(snippet, depth=3) == []
