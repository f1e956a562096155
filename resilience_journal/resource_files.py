"""Finding the files in ``resources/`` from a source checkout, an installed wheel or the PyInstaller bundle.

``resources/`` holds data, not code (themes, reflective templates, vocabularies, scale
definitions).  It sits at the top of the repository; the wheel installs it as the
``resilience_journal_resources`` package data and PyInstaller bundles it as ``resources``.
Pure Python, so any layer may use it.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any


@cache
def resources_root() -> Path:
    """The folder holding the resources, wherever the app is running from."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    try:
        import resilience_journal_resources  # installed from a wheel

        candidates.append(Path(resilience_journal_resources.__file__).parent)
    except ImportError:
        pass
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("the resources folder of Resilience Journal is missing")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))
