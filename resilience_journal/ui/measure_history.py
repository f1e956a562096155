"""Past questionnaire results as a list (a tab of the Self-care page), newest first.

The charts over time live on the Trends page; this list gives the exact numbers and lets the
user remove a result saved by mistake (after a second, explicit confirmation).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from resilience_journal.domain.questionnaires import SCREENING_NOTICE
from resilience_journal.domain.questionnaires.definitions import INSTRUMENTS, load
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.questionnaire_dialog import summary
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.section_card import hint

EMPTY = "No questionnaire results yet. You can take one from the Today page whenever you like."
CONFIRM = "Delete this result for good?"


class MeasureHistory(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("measureHistory")
        self.ctx = ctx
        self._questionnaires = {i: load(i) for i in INSTRUMENTS}
        self.list = QTreeWidget()
        self.list.setObjectName("measures")
        self.list.setAccessibleName("Questionnaire results, newest first")
        self.list.setHeaderLabels(["Taken", "Questionnaire", "Scores"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.currentItemChanged.connect(lambda *_: self._confirming(False))
        self.empty = hint(EMPTY, "measuresEmpty")
        self.delete = push_button("Delete…", "deleteMeasure", lambda: self._confirming(True))
        self.confirm = push_button("Yes, delete it", "confirmDelete", self._delete)
        self.keep = push_button("No, keep it", "keepMeasure", lambda: self._confirming(False))
        self.question = hint(CONFIRM, "deleteQuestion")
        row = QHBoxLayout()
        for w in (self.delete, self.question, self.confirm, self.keep):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(SCREENING_NOTICE + " The Trends page charts these over time."))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for m in self.ctx.journal.measures.history():
            q = self._questionnaires.get(m.instrument)
            if q is None:
                continue
            scores = "; ".join(f"{q.scale_names[s.scale]} {summary(s)}" for s in q.score(m.responses))
            d = m.local_date
            item = QTreeWidgetItem([f"{d:%a} {d.day} {d:%b %Y}", q.short_name, scores])
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setToolTip(2, scores)
            self.list.addTopLevelItem(item)
        has_any = self.list.topLevelItemCount() > 0
        self.empty.setVisible(not has_any)
        self.list.setVisible(has_any)
        self._confirming(False)

    def _confirming(self, on: bool) -> None:
        on = on and self.list.currentItem() is not None
        self.delete.setVisible(not on)
        self.delete.setEnabled(self.list.topLevelItemCount() > 0)
        for w in (self.question, self.confirm, self.keep):
            w.setVisible(on)

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.ctx.journal.measures.delete(item.data(0, Qt.ItemDataRole.UserRole))
            self.refresh()
            self.changed.emit()
