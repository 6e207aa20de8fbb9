"""Import directions: the layering of DEVELOPERS.md, enforced on every run."""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "packstation"


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_only_ui_and_app_import_qtwidgets() -> None:
    # import-linter only sees top-level external packages, so QtWidgets is checked here.
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("ui", "app"):
            continue
        if any(name.startswith("PySide6.QtWidgets") for name in _imported_modules(path)):
            offenders.append(rel.as_posix())
    assert offenders == []


def test_every_subpackage_explains_itself() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
        assert len(doc) > 80, f"{init} needs a paragraph saying what lives there"


def _class_bases() -> dict[str, list[str]]:
    """Every class of the package by qualified name, with its bases qualified where they resolve
    (a base defined or imported in the same module); other bases keep their written name."""
    classes: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        module = ".".join(parts)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.update(
                    {alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names}
                )
            elif isinstance(node, ast.ClassDef):
                names[node.name] = f"{module}.{node.name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = [names.get(ast.unparse(base), ast.unparse(base)) for base in node.bases]
                classes[f"{module}.{node.name}"] = bases
    return classes


def _exempt_root(base: str) -> bool:
    """Exception hierarchies and Qt/pydantic bases may be as deep as they need."""
    name = base.rsplit(".", 1)[-1]
    return (
        name.endswith(("Error", "Exception", "Warning"))
        or base.startswith(("PySide6", "shiboken6", "pydantic"))
        or name == "BaseModel"
    )


def test_no_class_inherits_more_than_one_level_from_the_package() -> None:
    classes = _class_bases()

    @functools.cache
    def depth(name: str) -> tuple[int, bool]:
        """(levels of package classes above `name`, whether its hierarchy is exempt)."""
        levels, exempt = 0, False
        for base in classes[name]:
            if base in classes:
                above, above_exempt = depth(base)
                levels, exempt = max(levels, above + 1), exempt or above_exempt
            else:
                exempt = exempt or _exempt_root(base)
        return levels, exempt

    deep = sorted(name for name in classes if depth(name)[0] > 1 and not depth(name)[1])
    assert deep == [], "compose instead of stacking packstation classes"


def test_ui_colours_come_from_the_palette() -> None:
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b")
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for folder in ("ui", "app")
        for path in (PACKAGE / folder).rglob("*.py")
        if path.name != "palette.py" and hex_colour.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# Qt-free code returns catalogue messages (`domain.message`), never rendered text: the Russian
# lives in resources/i18n/packstation_ru.ts. What stays is data in the Market's or the paper's
# own language, each file with its reason.
_RUSSIAN_DATA: dict[str, str] = {
    "demo_sheet.py": "the printed demo sheet is Russian paper",
    "devices/keymap.py": "the Russian keyboard layout a scanner types under",
    "domain/commands.py": "command captions printed on the bilingual command sheet and the video overlay",
    "domain/identifiers.py": "country names as the Market's catalogue writes them",
    "domain/stats.py": 'the Market names the delivery line "Доставка"',
    "market/errors.py": "Russian words that mark a missing-access refusal in the Market's own message",
    "printing/badges.py": "printed packer badges",
    "printing/calibration_label.py": "the printed calibration label",
    "printing/command_sheet.py": "the printed command sheet",
    "printing/demo_sheet.py": "the printed demo sheet",
    "printing/label_render.py": "labels drawn from the Market's label data are Russian paper",
    "printing/packing_slip.py": "the printed packing slip",
    "services/video_recording.py": "the title burned into the packing video (evidence for Market disputes)",
    "sandbox/": "the Market emulator answers with the Market's own Russian texts and demo goods",
}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _russian_string_lines(path: Path) -> list[int]:
    """Lines of string literals (docstrings aside) holding Cyrillic letters."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return sorted(
        {
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _CYRILLIC.search(node.value)
        }
    )


def test_qt_free_code_holds_no_russian_text_but_listed_data() -> None:
    found: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("ui/", "app/")) or any(rel.startswith(allowed) for allowed in _RUSSIAN_DATA):
            continue
        if lines := _russian_string_lines(path):
            found[rel] = lines
    assert found == {}, "return a domain.message.Message and translate it in the .ts catalogue"
    stale = [
        allowed
        for allowed in _RUSSIAN_DATA
        if not any(
            _russian_string_lines(p)
            for p in PACKAGE.glob(allowed + ("**/*.py" if allowed.endswith("/") else ""))
        )
    ]
    assert stale == [], "these files hold no Russian any more: drop them from the list"
