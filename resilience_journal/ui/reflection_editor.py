"""The after-visit reflection editor (Ctrl+N): capture in the car, reflect in the evening.

Keyboard first: Ctrl+N opens it with the time set to now and the cursor on the kind of work;
Tab walks the fields; a digit sets stress; in the feelings, type the start of a word and press
Space; Ctrl+S (or Ctrl+Enter) saves.  Everything except the stress rating is optional.

Unsaved work is autosaved every few seconds into the encrypted journal (``draft`` table) and
offered back after the next unlock if the app is killed.  On save, the confidentiality check
highlights likely identifying details and offers replacements; a second Save keeps the text.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.confidentiality import Finding, apply_replacements, find_identifying_details
from resilience_journal.domain.drafts import AUTOSAVE_INTERVAL_MS, NEW_REFLECTION_KEY, Draft, reflection_key
from resilience_journal.domain.emotions import EMOTION_LIST, OWN_WORDS_GROUP
from resilience_journal.domain.ids import new_uid
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.templates import DEFAULT_TEMPLATE_ID, Template, earlier_template
from resilience_journal.domain.validation import ValidationError
from resilience_journal.storage import StorageFull
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.theme import current_theme, theme_colours
from resilience_journal.ui.widgets.confidentiality_panel import ConfidentialityPanel
from resilience_journal.ui.widgets.emotion_chips import EmotionChips
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.stress_scale import RatingScale
from resilience_journal.ui.widgets.template_answers import TemplateAnswers

STRESS_MISSING = "Please choose how stressed you felt, from 0 to 10 (type a digit)."
DISCARD_HINT = messages.DISCARD_UNSAVED + " Press Esc again to discard, or carry on writing."


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ after an emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2


def split_tags(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


class ReflectionEditor(QDialog):
    """Create a new reflection, or edit an existing one (``existing``), or carry on a ``draft``."""

    #: Emitted after a save with the saved reflection.
    savedReflection = Signal(object)

    def __init__(
        self, ctx: PageContext, existing: Reflection | None = None, parent=None, *, draft: Draft | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.existing = existing
        self.saved: Reflection | None = None
        self._dirty = False
        self._reviewed: str | None = None  # the text the confidentiality check was last shown for
        self._discard_armed = False
        self._closing_quietly = False
        # Each new-entry editor keeps its own draft, so opening another can never overwrite
        # writing that is waiting to be recovered.
        recovered_new = draft is not None and existing is None  # (also an edit whose entry is gone)
        self._new_draft_key = draft.key if recovered_new else f"{NEW_REFLECTION_KEY}:{new_uid()}"
        self.setObjectName("reflectionEditor")
        self.setWindowTitle("Edit entry" if existing else "After a visit")
        self.setMinimumSize(700, 560)
        self.resize(780, 760)
        self._build()
        self._load(existing)
        if draft is not None:
            self.load_payload(draft.payload)
        self._connect_changes()
        self._dirty = draft is not None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        (self.activity if existing is None and draft is None else self.text).setFocus()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        ctx, now = self.ctx, self.ctx.clock.now()
        self.when = QDateTimeEdit(to_qdatetime(now))
        self.when.setObjectName("when")
        self.when.setAccessibleName("When it happened")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setMaximumDateTime(to_qdatetime(now).addSecs(300))

        self.activity = QComboBox()
        self.activity.setObjectName("activity_kind")
        self.activity.setAccessibleName("Kind of work")
        self.activity.setEditable(True)
        self.activity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.activity.addItems(ctx.journal.vocabulary.words("activity_kind"))
        self.activity.lineEdit().setPlaceholderText("Choose or type your own")

        self.case_label = QLineEdit()
        self.case_label.setObjectName("case_label")
        self.case_label.setAccessibleName("Case label: initials or a pseudonym, not names")
        self.case_label.setPlaceholderText(messages.CASE_LABEL_HINT)
        self.case_label.setMaxLength(200)

        self.stress = RatingScale("stress")
        self.emotions = EmotionChips(ctx.journal.vocabulary.groups(EMOTION_LIST))

        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setAccessibleName("A few lines about it")
        self.text.setPlaceholderText(
            "A few lines, if you like: what happened, what you felt. Initials only — no names."
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)

        self.template = QComboBox()
        self.template.setObjectName("template")
        self.template.setAccessibleName("Reflective template")
        for t in ctx.journal.templates.all():
            self.template.addItem(t.name, t.id)
        self.template_hint = QLabel()
        self.template_hint.setProperty("role", "hint")
        self.template_hint.setWordWrap(True)
        self.answers = TemplateAnswers()
        #: Stand-ins for templates the journal no longer has, by id (see ``earlier_template``).
        self._earlier: dict[str, Template] = {}
        self.template.currentIndexChanged.connect(self._template_chosen)

        self.safety = QCheckBox("I felt unsafe, threatened or met hostility")
        self.safety.setObjectName("safety_concern")
        self.safety.setAccessibleName("Safety concern: I felt unsafe, threatened or met hostility")
        self.safety_note = QPlainTextEdit()
        self.safety_note.setObjectName("safety_note")
        self.safety_note.setAccessibleName("What happened that felt unsafe")
        self.safety_note.setPlaceholderText("What happened? (optional)")
        self.safety_note.setTabChangesFocus(True)
        self.safety_note.setFixedHeight(64)
        self.safety_reminder = QLabel(messages.SAFETY_REMINDER)
        self.safety_reminder.setObjectName("safety_reminder")
        self.safety_reminder.setProperty("role", "message")
        self.safety_reminder.setWordWrap(True)
        self.safety.toggled.connect(self._safety_toggled)
        self._safety_toggled(False)

        self.supervision = QCheckBox("Bring this to supervision")
        self.supervision.setObjectName("for_supervision")
        self.supervision.setAccessibleName("Bring this to supervision")
        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tags.setAccessibleName("Tags, separated by commas")
        self.tags.setPlaceholderText("Separated by commas, e.g. court, new case")

        self.msg_when = FieldMessage("when_message")
        self.msg_activity = FieldMessage("activity_kind_message")
        self.msg_case = FieldMessage("case_label_message")
        self.msg_stress = FieldMessage("stress_message")
        self.msg_text = FieldMessage("text_message")
        self.msg_safety = FieldMessage("safety_note_message")
        self.msg_form = FieldMessage("form_message")
        self.panel = ConfidentialityPanel()
        self.panel.replaceRequested.connect(self._replace_one)
        self.panel.replaceAllRequested.connect(self._replace_all)

        # One form, so every label lines up.  The quick fields come first (and first in Tab
        # order): enough for the car park; the rest is for the evening.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget, msg in (
            ("&When", self.when, self.msg_when),
            ("&Kind of work", self.activity, self.msg_activity),
            ("&Stress right after", self.stress, self.msg_stress),
            ("&Notes", self.text, self.msg_text),
            ("Case &label", self.case_label, self.msg_case),
            ("How I &felt", self.emotions, None),
        ):
            form.addRow(self._label(label, widget), widget)
            if msg is not None:
                form.addRow("", msg)
        form.addRow(self._section("Reflect"))
        self.manage_templates = QPushButton("Templates…")
        self.manage_templates.setObjectName("manage_templates")
        self.manage_templates.setAccessibleName("Add or hide templates")
        self.manage_templates.clicked.connect(self._manage_templates)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.manage_templates)
        form.addRow(self._label("&Reflect with", self.template), template_row)
        form.addRow("", self.template_hint)
        form.addRow("", self.answers)
        form.addRow(self._section("Safety and supervision"))
        for widget in (self.safety, self.safety_note, self.msg_safety, self.safety_reminder, self.supervision):
            form.addRow("", widget)
        form.addRow(self._label("T&ags", self.tags), self.tags)

        body = QWidget()
        column = QVBoxLayout(body)
        intro = QLabel("How was that? A stress rating is all that's needed — everything else is optional.")
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(form)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("editorScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setAccessibleName("Save entry")
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip("Save (Ctrl+S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        self.decompress_button = QPushButton("Save and log what helped…")
        self.decompress_button.setObjectName("save_and_decompress")
        self.decompress_button.setAccessibleName("Save and log what helped you come down")
        buttons.addButton(self.decompress_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.decompress_button.clicked.connect(self.save_and_decompress)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.panel)
        layout.addWidget(self.msg_form)
        layout.addWidget(buttons)

        for seq in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return")):
            QShortcut(seq, self, activated=self.save)
        order = [self.when, self.activity, self.stress, self.text, self.case_label, self.emotions, self.emotions.own]
        order += [self.template]
        for a, b in zip(order, order[1:], strict=False):
            self.setTabOrder(a, b)
        self._template_chosen()

    @staticmethod
    def _label(text: str, buddy) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(buddy)
        return lab

    @staticmethod
    def _section(title: str) -> QLabel:
        lab = QLabel(title)
        lab.setObjectName("sectionTitle")
        return lab

    def _connect_changes(self) -> None:
        for signal in (
            self.when.dateTimeChanged, self.activity.currentTextChanged, self.case_label.textChanged,
            self.stress.valueChanged, self.emotions.changed, self.text.textChanged, self.answers.changed,
            self.safety.toggled, self.safety_note.textChanged, self.supervision.toggled, self.tags.textChanged,
        ):  # fmt: skip
            signal.connect(self._changed)

    def _changed(self, *_args) -> None:
        self._dirty = True
        self._discard_armed = False

    def _template_chosen(self, *_args) -> None:
        t = self._template_by_id(self.template.currentData() or DEFAULT_TEMPLATE_ID)
        if t is None:
            return
        self.template_hint.setText(t.description)
        self.answers.show_template(t)
        last = self.answers.first_box()
        self.setTabOrder(self.template, self.manage_templates)
        self.setTabOrder(self.manage_templates, last if last else self.safety)
        boxes = list(self.answers.boxes.values())
        for a, b in zip(boxes, boxes[1:], strict=False):
            self.setTabOrder(a, b)
        self.setTabOrder(boxes[-1] if boxes else self.manage_templates, self.safety)
        self.setTabOrder(self.safety, self.safety_note)
        self.setTabOrder(self.safety_note, self.supervision)
        self.setTabOrder(self.supervision, self.tags)
        self.setTabOrder(self.tags, self.save_button)

    def _manage_templates(self) -> None:
        from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

        dialog = ReflectionSettingsDialog(self.ctx, parent=self)
        dialog.accepted.connect(self._reload_templates)
        dialog.open()

    def _reload_templates(self) -> None:
        """Offer the templates as they are now, keeping the one in use (even if just hidden)."""
        keep = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for t in self.ctx.journal.templates.all():
            self.template.addItem(t.name, t.id)
        if self.template.findData(keep) < 0:
            t = self._template_by_id(keep)
            written = self.answers.answers()
            if t is None and written:
                # Deleted while this entry was being written with it: keep what was written.
                t = self._earlier[keep] = earlier_template(keep, written)
            if t is not None:
                self.template.addItem(t.name, t.id)
        self.template.setCurrentIndex(max(0, self.template.findData(keep)))
        self.template.blockSignals(False)
        if self.template.currentData() != keep:
            self._template_chosen()

    def _safety_toggled(self, on: bool) -> None:
        self.safety_note.setVisible(on)
        self.safety_reminder.setVisible(on)

    # --- loading and the form's content ---------------------------------------------------------

    def _load(self, r: Reflection | None) -> None:
        if r is None:
            self._select_template(DEFAULT_TEMPLATE_ID)
            return
        self.when.setDateTime(to_qdatetime(r.occurred_at))
        self.activity.setCurrentText(r.activity_kind)
        self.case_label.setText(r.case_label)
        self.stress.setValue(r.stress)
        self.emotions.set_selected(list(r.emotions))
        self.text.setPlainText(r.text)
        tid = r.template_id or DEFAULT_TEMPLATE_ID
        t = self.ctx.journal.templates.get(tid)
        if t is None:
            t = self._earlier[tid] = earlier_template(tid, r.answers)
        if self.template.findData(tid) < 0:
            self.template.addItem(t.name, tid)
        self._select_template(tid)
        self.answers.show_template(t, extra=r.answers)
        self.safety.setChecked(r.safety_concern)
        self.safety_note.setPlainText(r.safety_note)
        self.supervision.setChecked(r.for_supervision)
        self.tags.setText(", ".join(r.tags))

    def _template_by_id(self, tid: str) -> Template | None:
        return self.ctx.journal.templates.get(tid) or self._earlier.get(tid)

    def _select_template(self, tid: str) -> None:
        index = self.template.findData(tid)
        if index >= 0 and index != self.template.currentIndex():
            self.template.setCurrentIndex(index)
        elif index >= 0:
            self._template_chosen()

    def reflection(self) -> Reflection:
        """The entry as the form currently describes it (not validated)."""
        when = self.when.dateTime().toPython().astimezone()
        base = self.existing or Reflection(occurred_at=when, activity_kind="", stress=0)
        return dataclasses.replace(
            base,
            occurred_at=when,
            activity_kind=self.activity.currentText().strip(),
            case_label=self.case_label.text().strip(),
            stress=self.stress.value() if self.stress.value() is not None else -1,
            emotions=tuple(self.emotions.selected()),
            text=self.text.toPlainText(),
            template_id=self.template.currentData(),
            answers=self.answers.answers(),
            safety_concern=self.safety.isChecked(),
            safety_note=self.safety_note.toPlainText() if self.safety.isChecked() else "",
            for_supervision=self.supervision.isChecked(),
            tags=split_tags(self.tags.text()),
        )

    def payload(self) -> dict:
        """Everything in the form, for the draft (JSON-friendly)."""
        return {
            "reflection_id": self.existing.id if self.existing else None,
            "when": self.when.dateTime().toPython().astimezone().isoformat(),
            "activity_kind": self.activity.currentText(),
            "case_label": self.case_label.text(),
            "stress": self.stress.value(),
            "emotions": self.emotions.selected(),
            "text": self.text.toPlainText(),
            "template_id": self.template.currentData(),
            "answers": self.answers.texts(),
            "safety_concern": self.safety.isChecked(),
            "safety_note": self.safety_note.toPlainText(),
            "for_supervision": self.supervision.isChecked(),
            "tags": self.tags.text(),
        }

    def load_payload(self, p: dict) -> None:
        """Fill the form from a draft's payload."""
        if p.get("when"):
            when = datetime.fromisoformat(p["when"])
            self.when.setMaximumDateTime(to_qdatetime(max(when, self.ctx.clock.now())).addSecs(300))
            self.when.setDateTime(to_qdatetime(when))
        self.activity.setCurrentText(p.get("activity_kind", ""))
        self.case_label.setText(p.get("case_label", ""))
        self.stress.setValue(p.get("stress"))
        self.emotions.set_selected(p.get("emotions", []))
        self.text.setPlainText(p.get("text", ""))
        if p.get("template_id"):
            self._select_template(p["template_id"])
        self.answers.set_texts(p.get("answers", {}))
        self.safety.setChecked(bool(p.get("safety_concern")))
        self.safety_note.setPlainText(p.get("safety_note", ""))
        self.supervision.setChecked(bool(p.get("for_supervision")))
        self.tags.setText(p.get("tags", ""))

    # --- drafts --------------------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        return reflection_key(self.existing.id) if self.existing is not None else self._new_draft_key

    def autosave(self) -> bool:
        """Keep unsaved changes as a draft in the journal; returns True when something was written."""
        if not self._dirty or not self.ctx.journal.is_open:
            return False
        try:
            self.ctx.journal.drafts.save(self.draft_key, self.payload())
        except StorageFull:
            return False
        self._dirty = False
        return True

    def before_lock(self) -> None:
        """The journal is about to lock: keep the writing as a draft and close without asking."""
        self.autosave_timer.stop()
        self.autosave()
        self._closing_quietly = True

    def _forget_draft(self) -> None:
        self.autosave_timer.stop()
        if self.ctx.journal.is_open:
            self.ctx.journal.drafts.delete(self.draft_key)

    # --- confidentiality -----------------------------------------------------------------------

    def _text_fields(self) -> list[tuple[str, str, QPlainTextEdit | QLineEdit]]:
        fields = [("case_label", "Case label", self.case_label), ("text", "Notes", self.text)]
        for pid, box in self.answers.boxes.items():
            fields.append((f"answer_{pid}", box.accessibleName(), box))
        if self.safety.isChecked():
            fields.append(("safety_note", "Safety note", self.safety_note))
        fields.append(("tags", "Tags", self.tags))
        return fields

    @staticmethod
    def _field_text(widget) -> str:
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def check_confidentiality(self) -> list[tuple[str, str, Finding]]:
        """Scan every text field; highlight what was found; return (field, label, finding) triples."""
        words = self.ctx.journal.watch_words.words()
        found = []
        for name, label, widget in self._text_fields():
            fs = find_identifying_details(self._field_text(widget), words)
            found += [(name, label, f) for f in fs]
            if isinstance(widget, QPlainTextEdit):
                self._highlight(widget, fs)
        self.panel.show_findings(found)
        return found

    def _highlight(self, widget: QPlainTextEdit, findings: list[Finding]) -> None:
        colours = theme_colours(current_theme(QApplication.instance()))
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colours["banner"]))
        fmt.setForeground(QColor(colours["banner_text"]))
        fmt.setFontUnderline(True)
        text = widget.toPlainText()
        selections = []
        for f in findings:
            sel = QTextEdit.ExtraSelection()
            cursor = widget.textCursor()
            cursor.setPosition(utf16_offset(text, f.start))
            cursor.setPosition(utf16_offset(text, f.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        widget.setExtraSelections(selections)

    def _widget_named(self, name: str):
        return next((w for n, _l, w in self._text_fields() if n == name), None)

    def _set_field_text(self, widget, text: str) -> None:
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            cursor = widget.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)  # one undoable step, unlike setPlainText

    def _replace_one(self, name: str, finding: Finding) -> None:
        widget = self._widget_named(name)
        if widget is None or self._field_text(widget)[finding.start : finding.end] != finding.text:
            return
        self._set_field_text(
            widget, apply_replacements(self._field_text(widget), {(finding.start, finding.end): finding.suggestion})
        )
        self._after_replacing()

    def _replace_all(self) -> None:
        by_field: dict[str, dict[tuple[int, int], str]] = {}
        for name, f in self.panel.findings:
            by_field.setdefault(name, {})[(f.start, f.end)] = f.suggestion
        for name, spans in by_field.items():
            widget = self._widget_named(name)
            if widget is not None:
                self._set_field_text(widget, apply_replacements(self._field_text(widget), spans))
        self._after_replacing()

    def _after_replacing(self) -> None:
        remaining = self.check_confidentiality()
        self._reviewed = self._signature()
        if not remaining:
            self.msg_form.show_message(messages.CONFIDENTIALITY_CLEAR)

    def _signature(self) -> str:
        return "\x00".join(self._field_text(w) for _n, _l, w in self._text_fields())

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save; returns True when the entry was saved and the dialog closed."""
        return self._save(close=True)

    def _save(self, *, close: bool) -> bool:
        for m in (self.msg_when, self.msg_activity, self.msg_case, self.msg_stress, self.msg_text, self.msg_form):
            m.show_message(None)
        if self.stress.value() is None:
            self.msg_stress.show_message(STRESS_MISSING)
            self.stress.setFocus()
            self.scroll.ensureWidgetVisible(self.stress)
            return False
        if self._reviewed != self._signature() and self.check_confidentiality():
            # Shown once for this text; saving again keeps it as it is (the check never blocks).
            self._reviewed = self._signature()
            self.save_button.setText("Save as it is")
            self.panel.replace_all.setFocus()
            return False
        r = self.reflection()
        repo = self.ctx.journal.reflections
        old_key = self.draft_key
        try:
            self.saved = repo.update(r) if r.id is not None else repo.add(r)
            for word in self.emotions.own_words():
                if word in r.emotions:
                    self.ctx.journal.vocabulary.add(EMOTION_LIST, word, OWN_WORDS_GROUP)
            self.ctx.journal.drafts.delete(old_key)
        except ValidationError as e:
            for field, widget in (
                ("occurred_at", self.msg_when),
                ("activity_kind", self.msg_activity),
                ("case_label", self.msg_case),
                ("stress", self.msg_stress),
                ("text", self.msg_text),
                ("safety_note", self.msg_safety),
            ):
                widget.show_message(e.for_field(field))
            other = [p.message for p in e.problems if p.field.startswith(("answers", "tags", "emotions"))]
            if other:
                self.msg_form.show_message(other[0])
            return False
        except StorageFull:
            self.msg_form.show_message(messages.DISK_FULL)
            return False
        self._dirty = False
        self.existing = self.saved
        self.ctx.events.changed.emit("reflections")
        self.savedReflection.emit(self.saved)
        if close:
            self.autosave_timer.stop()
            self.accept()
        else:
            self.msg_form.show_message(messages.SAVED)
            self.setWindowTitle("Edit entry")
        return True

    def save_and_decompress(self) -> None:
        """Save (keeping the editor open), then log what helped, linked to this entry."""
        if not self._save(close=False):
            return
        from resilience_journal.ui.decompression_dialog import DecompressionDialog

        dialog = DecompressionDialog(self.ctx, reflection=self.saved, parent=self)
        dialog.open()

    def reject(self) -> None:
        if self._closing_quietly:
            self.autosave_timer.stop()
            super().reject()
            return
        if self._has_unsaved_writing() and not self._discard_armed:
            self._discard_armed = True
            self.msg_form.show_message(DISCARD_HINT)
            return
        self._forget_draft()
        super().reject()

    def _has_unsaved_writing(self) -> bool:
        if not self._dirty and self.ctx.journal.drafts.get(self.draft_key) is None:
            return False
        p = self.payload()
        return bool(
            p["text"].strip() or any(t.strip() for t in p["answers"].values()) or p["safety_note"].strip()
            or p["case_label"].strip() or p["emotions"] or p["tags"].strip()
        )  # fmt: skip

    def keyPressEvent(self, event) -> None:
        # Enter in a single-line field should not save half an entry by accident.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.focusNextChild()
            return
        super().keyPressEvent(event)
