"""The security and reliability documents name real tests: every ``file::name`` they cite exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("docs/security.md", "docs/reliability.md")
CITATION = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize("doc", DOCS)
def test_every_cited_test_exists(doc):
    citations = CITATION.findall((ROOT / doc).read_text(encoding="utf-8"))
    assert len(citations) >= 15
    missing = [f"{f}::{n}" for f, n in citations if not (ROOT / f).is_file() or n not in _test_names(ROOT / f)]
    assert missing == []
