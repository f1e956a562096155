"""The screens shown before the journal is open: create it (first run) or unlock it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilience_journal import APP_NAME
from resilience_journal.domain import messages, passphrase
from resilience_journal.domain.clock import Clock
from resilience_journal.storage import (
    Journal,
    JournalDamaged,
    JournalError,
    JournalInUse,
    JournalMissing,
    JournalTooNew,
    UnsafeDatabaseLibrary,
    WrongPassphrase,
)
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.strength_meter import StrengthMeter

#: Wrong tries allowed before each further try has to wait.
FREE_TRIES = 3
#: The longest wait between tries, in seconds.
MAX_WAIT_SECONDS = 30


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases: 0, then 1, 2, 4 ... up to 30."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES), MAX_WAIT_SECONDS)


def open_error_message(exc: JournalError, path: Path) -> str:
    """Kind words for a journal that could not be opened."""
    if isinstance(exc, WrongPassphrase):
        return messages.WRONG_PASSPHRASE
    if isinstance(exc, JournalInUse):
        return messages.JOURNAL_IN_USE
    if isinstance(exc, JournalMissing):
        return messages.JOURNAL_MISSING.format(path=path)
    if isinstance(exc, JournalTooNew):
        return messages.JOURNAL_NEWER
    if isinstance(exc, UnsafeDatabaseLibrary):
        return messages.UNSAFE_DATABASE_LIBRARY
    if isinstance(exc, JournalDamaged):
        return messages.JOURNAL_DAMAGED
    return messages.JOURNAL_DAMAGED


def password_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


def _card() -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setProperty("role", "card")
    # A fixed width lets the wrapped labels work out their height; a centred card otherwise
    # takes its narrow size hint and clips the last line.
    card.setFixedWidth(540)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(10)
    return card, inner


def _centred(card: QFrame, parent: QWidget) -> None:
    # Stretches rather than an alignment flag: an aligned widget gets its size hint, which
    # ignores the extra height that wrapped text needs at the card's width.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


class CreateScreen(QWidget):
    """First run: choose a passphrase and create the encrypted journal."""

    created = Signal(object)

    def __init__(self, path: Path, clock: Clock, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("createScreen")
        self.path, self.clock = path, clock
        card, inner = _card()
        title = QLabel("Create your journal")
        title.setObjectName("pageTitle")
        intro = QLabel(
            f"{APP_NAME} keeps everything you write encrypted on this computer. "
            "Choose a passphrase to lock it — a few unrelated words are easy to remember and hard to guess."
        )
        intro.setWordWrap(True)
        self.first = password_field("passphrase", "Passphrase")
        self.second = password_field("passphraseRepeat", "Passphrase again")
        self.meter = StrengthMeter()
        self.first.textChanged.connect(self.meter.show_for)
        warning = QLabel(messages.PASSPHRASE_NO_RECOVERY)
        warning.setObjectName("noRecovery")
        warning.setProperty("role", "message")
        warning.setWordWrap(True)
        self.understood = QCheckBox("I understand a forgotten passphrase can't be recovered")
        self.understood.setObjectName("understood")
        self.understood.setAccessibleName("I understand that a forgotten passphrase cannot be recovered")
        where = QLabel(f"Your journal will be kept in:<br><code>{path}</code>")
        where.setObjectName("location")
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = FieldMessage("createMessage")
        self.button = QPushButton("Create journal")
        self.button.setObjectName("create")
        self.button.setAccessibleName("Create journal")
        self.button.setProperty("primary", True)
        self.button.clicked.connect(self.create)
        self.second.returnPressed.connect(self.create)
        self.first.returnPressed.connect(self.second.setFocus)
        self.setFocusProxy(self.first)  # focusing the screen means: ready to type

        form = QFormLayout()
        form.addRow("&Passphrase", self.first)
        form.addRow("", self.meter)
        form.addRow("&Again", self.second)
        for w in (title, intro):
            inner.addWidget(w)
        inner.addLayout(form)
        for w in (warning, self.understood, where, self.message, self.button):
            inner.addWidget(w)
        _centred(card, self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.first.setFocus()

    def create(self) -> None:
        problems = passphrase.problems(self.first.text(), self.second.text())
        if not problems and not self.understood.isChecked():
            problems = ["Please tick the box to confirm you understand the passphrase cannot be recovered."]
            self.understood.setFocus()
        if problems:
            self.message.show_message(" ".join(problems))
            return
        try:
            journal = Journal.create(self.path, self.first.text(), clock=self.clock)
        except JournalError as exc:
            self.message.show_message(open_error_message(exc, self.path))
            return
        except OSError as exc:
            self.message.show_message(
                messages.FOLDER_UNUSABLE.format(path=self.path.parent, reason=exc.strerror or exc)
            )
            return
        self.first.clear()
        self.second.clear()
        self.created.emit(journal)


class UnlockScreen(QWidget):
    """Later runs: type the passphrase.  Wrong tries slow down but never destroy anything."""

    unlocked = Signal(object)

    def __init__(self, path: Path, clock: Clock, hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.path, self.clock = path, clock
        self.failures = 0
        card, inner = _card()
        title = QLabel("Welcome back")
        title.setObjectName("pageTitle")
        intro = QLabel("Your journal is locked. Type your passphrase to open it.")
        intro.setWordWrap(True)
        self.field = password_field("passphrase", "Passphrase")
        self.field.returnPressed.connect(self.unlock)
        self.setFocusProxy(self.field)  # focusing the screen means: ready to type
        self.button = QPushButton("Unlock")
        self.button.setObjectName("unlock")
        self.button.setAccessibleName("Unlock")
        self.button.setProperty("primary", True)
        self.button.clicked.connect(self.unlock)
        self.message = FieldMessage("unlockMessage")
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.timeout.connect(self.end_wait)
        for w in (title, intro, self.field, self.button, self.message):
            inner.addWidget(w)
        if hint:
            h = QLabel(hint)
            h.setObjectName("unlockHint")
            h.setProperty("role", "hint")
            inner.addWidget(h)
        _centred(card, self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.field.setFocus()

    def unlock(self) -> None:
        if not self.button.isEnabled():
            return
        text = self.field.text()
        self.field.clear()
        if not text:
            return
        try:
            journal = Journal.open(self.path, text, clock=self.clock)
        except WrongPassphrase:
            self.failures += 1
            wait = wait_after(self.failures)
            words = messages.WRONG_PASSPHRASE
            if wait:
                words += " " + messages.WAIT_BEFORE_RETRY.format(seconds=wait)
                self.button.setEnabled(False)
                self.field.setEnabled(False)
                self.wait_timer.start(wait * 1000)
            self.message.show_message(words)
            return
        except JournalError as exc:
            self.message.show_message(open_error_message(exc, self.path))
            return
        self.failures = 0
        self.message.show_message(None)
        self.unlocked.emit(journal)

    def end_wait(self) -> None:
        self.button.setEnabled(True)
        self.field.setEnabled(True)
        self.field.setFocus()
