"""The quick after-visit entry grew into the reflection editor (``ui/reflection_editor.py``).

These names stay importable for code written against the foundation.
"""

from __future__ import annotations

from resilience_journal.ui.reflection_editor import STRESS_MISSING, to_qdatetime
from resilience_journal.ui.reflection_editor import ReflectionEditor as QuickEntryDialog

__all__ = ["STRESS_MISSING", "QuickEntryDialog", "to_qdatetime"]
