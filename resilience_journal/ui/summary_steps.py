"""The first steps of "Prepare a summary": the period, the entries, the charts, the agenda.

Each step reads the draft when it is shown (``enter``) and writes the user's choices back when
they move on (``leave``, which returns a kind message instead if something needs fixing).  Going
back and forth keeps every choice.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.summary import (
    AgendaPoint,
    EntryChoice,
    SummaryDraft,
    reflection_pieces,
    validate_period,
)
from resilience_journal.domain.supervision import ShareLevel, SupervisionFunction, carried_forward
from resilience_journal.ui.supervision_dialogs import from_qdate, long_date, named, to_qdate

ROLE = Qt.ItemDataRole.UserRole


class Step(QWidget):
    """One step of the flow."""

    #: Shown in the step list and as the step's heading.
    title = ""
    intro = ""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.title)
        heading.setProperty("role", "heading")
        self.column.addWidget(heading)
        if self.intro:
            intro = QLabel(self.intro)
            intro.setWordWrap(True)
            intro.setProperty("role", "hint")
            self.column.addWidget(intro)

    def enter(self, draft: SummaryDraft) -> None:
        """Show what the draft holds."""

    def first_field(self) -> QWidget | None:
        """Where the keyboard focus goes when the step opens."""
        return None

    def leave(self, draft: SummaryDraft) -> str | None:
        """Write the choices into the draft; return a message to stay on this step."""
        return None


# --- 1. period -------------------------------------------------------------------------------


class PeriodStep(Step):
    title = "1. Period"
    intro = "Which weeks should the summary cover? It starts the day after your last recorded session."

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.start = named(QDateEdit(), "periodStart", "From")
        self.end = named(QDateEdit(), "periodEnd", "To")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setMaximumDate(to_qdate(ctx.clock.now().date()))
        form = QFormLayout()
        form.addRow("&From", self.start)
        form.addRow("&To", self.end)
        self.since = QLabel()
        self.since.setObjectName("periodSince")
        self.since.setProperty("role", "hint")
        self.column.addLayout(form)
        self.column.addWidget(self.since)
        self.column.addStretch(1)

    def first_field(self) -> QWidget | None:
        return self.start

    def enter(self, draft: SummaryDraft) -> None:
        self.start.setDate(to_qdate(draft.start))
        self.end.setDate(to_qdate(draft.end))
        last = self.ctx.journal.supervision.last_session_date()
        self.since.setText(
            f"Your last recorded session was on {long_date(last)}."
            if last
            else "No session is recorded yet, so the last four weeks are suggested."
        )

    def leave(self, draft: SummaryDraft) -> str | None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        problem = validate_period(start, end)
        if problem:
            return problem
        draft.start, draft.end = start, end
        return None


# --- 2. entries ------------------------------------------------------------------------------


def load_entries(journal, draft: SummaryDraft, memory: dict[str, EntryChoice] | None = None) -> None:
    """Fill ``draft.entries`` with the period's entries, keeping earlier choices for the same entries.

    ``memory`` keeps choices for entries that a narrower period left out for a while, so widening
    the period again brings them back.  Entries flagged "bring to supervision" start at headline
    level; the rest start left out.
    """
    before = dict(memory or {})
    before.update({e.uid: e for e in draft.entries})
    if memory is not None:
        memory.update(before)
    reflections = journal.reflections.between(draft.start, draft.end)
    helped = journal.supervision.decompressions_for([r.id for r in reflections])
    entries = []
    for r in reflections:
        old = before.get(r.uid)
        if old is not None:
            entries.append(replace(old, reflection=r, helped=tuple(helped.get(r.id, ()))))
        else:
            level = ShareLevel.HEADLINE if r.for_supervision else ShareLevel.LEAVE_OUT
            entries.append(EntryChoice(r, level, frozenset(), tuple(helped.get(r.id, ()))))
    draft.entries = entries


class EntriesStep(Step):
    title = "2. Entries"
    intro = (
        "Entries you flagged “bring to supervision” are already chosen. For each one, choose how much to "
        "share: the headline (date, kind of work, stress, feelings, what helped), or the headline with "
        "the parts of your reflection you tick."
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.draft: SummaryDraft | None = None
        self.memory: dict[str, EntryChoice] = {}
        self._filling = False
        self.list = named(QTreeWidget(), "entryList", "Entries in the period; tick to share")
        self.list.setHeaderLabels(["Share (★ flagged)", "Kind of work", "Stress", "How much", "Shared before"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemChanged.connect(self._ticked)
        self.list.currentItemChanged.connect(lambda *_: self._show_detail())

        detail = QWidget()
        box = QVBoxLayout(detail)
        box.setContentsMargins(8, 0, 0, 0)
        self.headline = QLabel()
        self.headline.setObjectName("entryHeadline")
        self.headline.setWordWrap(True)
        self.levels = QButtonGroup(self)
        row = QHBoxLayout()
        self.level_buttons: dict[ShareLevel, QRadioButton] = {}
        for level in ShareLevel:
            b = named(QRadioButton(level.label), f"level_{level.value}", level.label)
            self.levels.addButton(b)
            self.level_buttons[level] = b
            row.addWidget(b)
            b.toggled.connect(lambda on, lv=level: on and self._level_chosen(lv))
        row.addStretch(1)
        self.pieces_label = QLabel("Tick the parts of your reflection to include:")
        self.pieces = named(QListWidget(), "entryPieces", "Parts of the reflection to include")
        self.pieces.setWordWrap(True)
        self.pieces.itemChanged.connect(self._piece_ticked)
        self.no_pieces = QLabel("This entry has no written reflection; its headline is all there is to share.")
        self.no_pieces.setProperty("role", "hint")
        self.no_pieces.setWordWrap(True)
        box.addWidget(self.headline)
        box.addLayout(row)
        box.addWidget(self.pieces_label)
        box.addWidget(self.pieces, 1)
        box.addWidget(self.no_pieces)
        box.addStretch(0)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.empty = QLabel(
            "There are no entries in this period. You can go back and widen it, or carry on "
            "with charts and agenda points only."
        )
        self.empty.setObjectName("entriesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 360])
        self.split = split
        self.only_chosen = named(
            QCheckBox("Show only the entries I’ve chosen"), "onlyChosen", "Show only the entries I have chosen"
        )
        self.only_chosen.toggled.connect(lambda _: self._filter())
        self.column.addWidget(self.only_chosen)
        self.column.addWidget(self.empty)
        self.column.addWidget(split, 1)

    def _filter(self) -> None:
        """Hide entries left out, when the user wants to see just their choice."""
        only = self.only_chosen.isChecked()
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            item.setHidden(only and item.checkState(0) != Qt.CheckState.Checked)

    def first_field(self) -> QWidget | None:
        return self.list

    def enter(self, draft: SummaryDraft) -> None:
        self.draft = draft
        load_entries(self.ctx.journal, draft, self.memory)
        shared = self.ctx.journal.supervision.last_shared("reflection", [e.uid for e in draft.entries])
        self._filling = True
        self.list.clear()
        for e in draft.entries:
            r = e.reflection
            when = shared.get(e.uid)
            item = QTreeWidgetItem(
                [
                    f"{r.occurred_at:%a} {r.occurred_at.day} {r.occurred_at:%b, %H:%M}"
                    + ("  ★" if r.for_supervision else ""),
                    r.activity_kind,
                    str(r.stress),
                    "",
                    f"shared on {long_date(when.date())}" if when else "",
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setData(0, ROLE, e.uid)
            if r.for_supervision:
                item.setToolTip(0, "Flagged: bring to supervision")
            self.list.addTopLevelItem(item)
            self._paint(item, e)
        self._filling = False
        self.empty.setVisible(not draft.entries)
        self.split.setVisible(bool(draft.entries))
        self.only_chosen.setVisible(bool(draft.entries))
        self._filter()
        if draft.entries:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show_detail()

    def _entry(self, uid: str) -> EntryChoice:
        return next(e for e in self.draft.entries if e.uid == uid)

    def _paint(self, item: QTreeWidgetItem, e: EntryChoice) -> None:
        was, self._filling = self._filling, True
        item.setCheckState(0, Qt.CheckState.Unchecked if e.level == ShareLevel.LEAVE_OUT else Qt.CheckState.Checked)
        words = e.level.label
        if e.level == ShareLevel.WITH_REFLECTION:
            words += f" ({len(e.shared_pieces())} part{'' if len(e.shared_pieces()) == 1 else 's'})"
        item.setText(3, words)
        self._filling = was

    def _current(self) -> tuple[QTreeWidgetItem, EntryChoice] | None:
        item = self.list.currentItem()
        if item is None or self.draft is None:
            return None
        return item, self._entry(item.data(0, ROLE))

    def _show_detail(self) -> None:
        current = self._current()
        enabled = current is not None
        for b in self.level_buttons.values():
            b.setEnabled(enabled)
        self._filling = True
        self.pieces.clear()
        if current is None:
            self.headline.setText("")
            self._filling = False
            return
        _, e = current
        r = e.reflection
        bits = [f"<b>{long_date(r.local_date)} · {_esc(r.activity_kind)}</b>", f"Stress {r.stress} out of 10"]
        if r.emotions:
            bits.append("Feelings: " + _esc(", ".join(r.emotions)))
        if e.helped:
            bits.append("What helped: " + _esc("; ".join(h.describe() for h in e.helped)))
        self.headline.setText("<br>".join(bits))
        self.level_buttons[e.level].setChecked(True)
        pieces = reflection_pieces(r)
        for p in pieces:
            item = QListWidgetItem(f"{p.label}\n{p.text}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.key in e.ticked else Qt.CheckState.Unchecked)
            item.setData(ROLE, p.key)
            self.pieces.addItem(item)
        with_reflection = e.level == ShareLevel.WITH_REFLECTION
        self.pieces.setVisible(bool(pieces) and with_reflection)
        self.pieces_label.setVisible(bool(pieces) and with_reflection)
        self.no_pieces.setVisible(not pieces and e.level != ShareLevel.LEAVE_OUT)
        self._filling = False

    def _level_chosen(self, level: ShareLevel) -> None:
        current = self._current()
        if self._filling or current is None:
            return
        item, e = current
        # Nothing is ticked for the user: every word shared is their own choice.
        self.draft.set_level(e.uid, level)
        self._paint(item, self._entry(e.uid))
        self._show_detail()

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        e = self._entry(item.data(0, ROLE))
        on = item.checkState(0) == Qt.CheckState.Checked
        if on and e.level == ShareLevel.LEAVE_OUT:
            self.draft.set_level(e.uid, ShareLevel.HEADLINE)
        elif not on:
            self.draft.set_level(e.uid, ShareLevel.LEAVE_OUT)
        self._paint(item, self._entry(e.uid))
        if item is self.list.currentItem():
            self._show_detail()

    def _piece_ticked(self, _item: QListWidgetItem) -> None:
        current = self._current()
        if self._filling or current is None:
            return
        item, e = current
        ticked = {
            self.pieces.item(i).data(ROLE)
            for i in range(self.pieces.count())
            if self.pieces.item(i).checkState() == Qt.CheckState.Checked
        }
        self.draft.set_level(e.uid, e.level, ticked)
        self._paint(item, self._entry(e.uid))

    # Helpers for keyboard users and tests: choose an entry's level and parts directly.
    def select(self, uid: str) -> None:
        for i in range(self.list.topLevelItemCount()):
            if self.list.topLevelItem(i).data(0, ROLE) == uid:
                self.list.setCurrentItem(self.list.topLevelItem(i))
                return
        raise KeyError(uid)


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


# --- 4. agenda -------------------------------------------------------------------------------


class AgendaStep(Step):
    title = "4. Agenda"
    intro = "Your own points for the session, one per line, under the four functions of supervision."

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        grid = QGridLayout()
        self.boxes: dict[SupervisionFunction, QPlainTextEdit] = {}
        for i, function in enumerate(SupervisionFunction):
            label = QLabel(f"<b>{function.label}</b> — {function.hint}")
            label.setWordWrap(True)
            box = named(QPlainTextEdit(), f"agenda_{function.value}", f"{function.label} points, one per line")
            box.setTabChangesFocus(True)
            box.setMinimumHeight(70)
            label.setBuddy(box)
            grid.addWidget(label, (i // 2) * 2, i % 2)
            grid.addWidget(box, (i // 2) * 2 + 1, i % 2)
            self.boxes[function] = box
        self.column.addLayout(grid, 2)
        actions_label = QLabel("<b>Open actions</b> from earlier sessions, carried forward (untick to leave one out):")
        actions_label.setWordWrap(True)
        self.action_list = named(QListWidget(), "agendaActions", "Open actions to carry forward")
        self.action_list.setMaximumHeight(140)
        self.no_actions = QLabel("No open actions.")
        self.no_actions.setProperty("role", "hint")
        self.column.addWidget(actions_label)
        self.column.addWidget(self.action_list, 1)
        self.column.addWidget(self.no_actions)
        self._loaded = False

    def first_field(self) -> QWidget | None:
        return next(iter(self.boxes.values()))

    def enter(self, draft: SummaryDraft) -> None:
        for function, box in self.boxes.items():
            box.setPlainText("\n".join(p.text for p in draft.agenda if p.function == function))
        if not self._loaded:  # first visit: every open action is ticked
            chosen = {a.uid for a in carried_forward(self.ctx.journal.supervision.open_actions())}
            self._loaded = True
        else:
            chosen = {a.uid for a in draft.actions}
        self.action_list.clear()
        for a in carried_forward(self.ctx.journal.supervision.open_actions()):
            text = a.text + (f"  (due {long_date(a.due_on)})" if a.due_on else "")
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.uid in chosen else Qt.CheckState.Unchecked)
            item.setData(ROLE, a)
            self.action_list.addItem(item)
        self.no_actions.setVisible(self.action_list.count() == 0)
        self.action_list.setVisible(self.action_list.count() > 0)

    def leave(self, draft: SummaryDraft) -> str | None:
        agenda = []
        for function, box in self.boxes.items():
            agenda += [AgendaPoint(function, line.strip()) for line in box.toPlainText().splitlines() if line.strip()]
        if [(p.function, p.text) for p in agenda] != [(p.function, p.text) for p in draft.agenda]:
            # Points were rewritten: the review's edits to agenda points no longer line up.
            draft.edits = {k: v for k, v in draft.edits.items() if not k.startswith("agenda:")}
        draft.agenda = agenda
        draft.actions = [
            self.action_list.item(i).data(ROLE)
            for i in range(self.action_list.count())
            if self.action_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return None


def nothing_chosen(draft: SummaryDraft) -> str | None:
    return messages.SUMMARY_NOTHING_CHOSEN if draft.is_empty() else None
