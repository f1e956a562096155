"""The layering of DESIGN.md, checked by parsing every module's imports.

domain/ is pure Python (no Qt, no database driver, no matplotlib) so it can be tested and reused
anywhere; only ui/ (and the composition root app.py) may touch PySide6.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "resilience_journal"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _short(path: Path) -> str:
    return str(path.relative_to(PACKAGE)) if path.is_relative_to(PACKAGE) else str(path)


def offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in paths:
        for name in imported_modules(path):
            if name.split(".")[0] in forbidden:
                found.append(f"{_short(path)} imports {name}")
    return found


def test_package_layout_is_where_the_test_looks():
    assert (PACKAGE / "domain").is_dir() and modules_under("domain"), "domain/ moved? update this test"
    assert modules_under("ui")


def test_domain_is_free_of_qt_database_and_matplotlib():
    assert offenders(modules_under("domain"), ("PySide6", "shiboken6", "sqlcipher3", "sqlite3", "matplotlib")) == []


#: Modules outside ui/ allowed to use Qt, and why.
QT_OUTSIDE_UI = {
    "app.py": "the composition root creates the QApplication",
    "export/pdf.py": "Qt's PDF writer is the PDF renderer (a presentation adapter, used by ui/ only)",
}


def test_domain_imports_nothing_from_the_layers_above_it():
    upper = [
        f"{_short(p)} imports {name}"
        for p in modules_under("domain")
        for name in imported_modules(p)
        if name.startswith("resilience_journal.")
        and name.split(".")[1] not in ("domain", "resource_files")  # data files: a leaf helper
    ]
    assert upper == []


def test_storage_does_not_reach_up_into_ui_charts_or_export():
    upper = [
        f"{_short(p)} imports {name}"
        for p in modules_under("storage")
        for name in imported_modules(p)
        if name.startswith("resilience_journal.") and name.split(".")[1] in ("ui", "charts", "export", "app")
    ]
    assert upper == []


def test_only_ui_and_the_composition_root_import_qt():
    outside_ui = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "ui"]
    outside_ui = [p for p in outside_ui if p.relative_to(PACKAGE).as_posix() not in QT_OUTSIDE_UI]
    assert offenders(outside_ui, ("PySide6", "shiboken6")) == []


def test_pdf_renderer_uses_qt_gui_but_no_widgets():
    names = imported_modules(PACKAGE / "export" / "pdf.py")
    assert {n for n in names if n.startswith("PySide6")} <= {"PySide6.QtCore", "PySide6.QtGui"}


def test_sql_driver_is_only_used_by_storage():
    not_storage = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in ("storage",)]
    assert offenders(not_storage, ("sqlcipher3", "sqlite3")) == []


def test_chart_builders_use_neither_pyplot_nor_qt():
    # Builders return Figure objects that serve the Trends page and the PDF export alike;
    # pyplot would keep global state and pick a GUI backend.
    paths = modules_under("charts")
    assert paths
    bad = [
        f"{_short(p)} imports {name}"
        for p in paths
        for name in imported_modules(p)
        if name.startswith("matplotlib.pyplot") or name.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert bad == []


def test_starting_the_app_does_not_import_matplotlib():
    # matplotlib costs most of a second to import; the lock screen must not wait for it.
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import resilience_journal.app, resilience_journal.ui.main_window, resilience_journal.storage\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_a_forbidden_import_would_be_caught(tmp_path):
    # Guards the guard: the parser must see both import forms, including inside functions.
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\nimport matplotlib.figure\n")
    assert offenders([sample], ("PySide6", "matplotlib")) != []
    assert {"PySide6.QtCore", "matplotlib.figure"} <= imported_modules(sample)
