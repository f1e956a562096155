"""Every sentence the app says to the user about their data, in one place.

Keeping the wording together lets the tone (UK English, plain, warm, never blaming) be reviewed
at once.  Storage raises typed errors and never holds UI text; the UI picks the words from here.
"""

from __future__ import annotations

# --- Validation (shown next to the field) -------------------------------------------------
RATING_OUT_OF_RANGE = "Please choose a number from 0 to 10."
WHEN_IN_FUTURE = "That time is in the future. Please choose a time up to now."
WHEN_MISSING = "Please say when this happened."
ACTIVITY_MISSING = "Please choose what kind of work this was."
TEXT_TOO_LONG = "This is longer than the journal can keep ({limit:,} characters). Could you trim it a little?"
SHORT_TEXT_TOO_LONG = "Please keep this under {limit:,} characters."
MINUTES_OUT_OF_RANGE = "Please enter minutes from 0 to {limit:,}."
HOURS_OUT_OF_RANGE = "Please enter hours from 0 to 24."
NAME_EMPTY = "Please type a name."
WHEN_TOO_EARLY = "That date is before {year}. Please check the year."
TOO_MANY_ITEMS = "Please keep this to {limit} items or fewer."
BLANK_ITEM = "One of these is empty. Please remove it or type a word."

# --- Journal access ------------------------------------------------------------------------
WRONG_PASSPHRASE = (
    "That passphrase didn't open the journal. Please check Caps Lock and try again — nothing has been changed."
)
WAIT_BEFORE_RETRY = "Please wait {seconds} seconds before trying again. Your journal is safe."
JOURNAL_DAMAGED = (
    "This file doesn't look like a Resilience Journal, or it has been damaged. "
    "Nothing has been changed or replaced. If you have a backup, you can restore from it."
)
JOURNAL_MISSING = "The journal file could not be found at {path}."
JOURNAL_IN_USE = (
    "This journal is already open in another Resilience Journal window. "
    "Please switch to that window — opening it twice could lose your writing."
)
JOURNAL_EXISTS = "A journal already exists at {path}. It has not been touched."
FOLDER_UNUSABLE = (
    "The journal folder {path} can't be used ({reason}). Nothing has been created. "
    "Please choose another folder with --data-dir."
)
UNSAFE_DATABASE_LIBRARY = (
    "The encryption library is not working as it should, so the journal was not opened. "
    "Please reinstall Resilience Journal."
)
JOURNAL_NEWER = (
    "This journal was made by a newer version of Resilience Journal. "
    "Please update the app; the journal has not been changed."
)

# --- Passphrases ---------------------------------------------------------------------------
PASSPHRASE_TOO_SHORT = "Please use at least {minimum} characters. A few unrelated words work well."
PASSPHRASES_DIFFER = "The two passphrases are not the same."
PASSPHRASE_NO_RECOVERY = (
    "There is no way to recover a forgotten passphrase — not by us, not by anyone. "
    "If you forget it, everything in this journal is gone for good. "
    "Choose something you will remember, and keep any written copy somewhere safe."
)
STRENGTH_WORDS = ("Very weak", "Weak", "Fair", "Good", "Strong")

# --- Saving --------------------------------------------------------------------------------
SAVED = "Saved."
SAVE_FAILED = "Your entry could not be saved ({reason}). It is still here — please try again."
DISK_FULL = "The disk is full, so nothing was saved. Your writing is still in the editor."

# --- Export (shared by every feature that writes a file) -----------------------------------
EXPORT_NO_PERMISSION = (
    "The file couldn't be saved in {folder} because this account isn't allowed to write there. "
    "Nothing was written. Please choose another folder, such as your Documents folder."
)
EXPORT_READ_ONLY = "The folder {folder} is read-only, so nothing was written. Please choose another folder."
EXPORT_NO_FOLDER = (
    "The folder {folder} can't be found (it may have been moved or removed), so nothing was written. "
    "Please choose another folder."
)
EXPORT_DISK_FULL = (
    "There isn't enough space in {folder}, so nothing was written. Please free some space or choose another place."
)
EXPORT_IS_FOLDER = "That name belongs to a folder, not a file. Nothing was written; please choose a file name."
EXPORT_FAILED = "The file couldn't be saved in {folder} ({reason}). Nothing was written. Please try another folder."
EXPORT_NOT_ENCRYPTED = (
    "The exported file is not encrypted. Anyone who can open the file can read it — keep it "
    "somewhere private, and delete it when you no longer need it."
)
EXPORT_SAVED = "Saved to {path}."
EXPORT_FOOTER_DEFAULT = "Personal reflective summary — not a case record"

# --- Reflection editor, decompression, drafts, confidentiality (issue 3) ----------------------
CASE_LABEL_HINT = "Initials or a pseudonym — not names"
SAFETY_REMINDER = (
    "Feeling unsafe matters. It is worth telling your manager, and recording it under your "
    "employer's lone-working arrangements, even if it seems small now."
)
STRATEGY_MISSING = "Please choose what you did, or type your own."
DECOMPRESSION_LOGGED = "Logged. Thank you for taking a moment for yourself."
DECOMPRESSION_HELPED = "Logged. Your stress came down {points} point{s} — good to know this helps."
DECOMPRESSION_NOT_YET = (
    "Logged. Your stress hasn't come down yet, and that's all right — some days it takes longer. "
    "If you have a few minutes, you could try something else: {suggestions}."
)
DRAFT_FOUND = "You have unsaved writing from {when}. Would you like to carry on with it?"
DRAFTS_FOUND = "You have {count} pieces of unsaved writing; the latest is from {when}."
DISCARD_UNSAVED = "Discard what you have written here? It has not been saved."
CONFIDENTIALITY_FOUND = (
    "A few details might identify someone. You can replace them with a label or initials, or save as it is."
)
CONFIDENTIALITY_CLEAR = "No identifying details spotted."
TRASH_NOTE = "Entries in the Trash are erased for good after {days} days."
MOVED_TO_TRASH = "Moved to the Trash. You can restore it from there for {days} days."
# --- Trends ---------------------------------------------------------------------------------
TRENDS_EMPTY = (
    "Nothing to show for this period yet. Once you have a few entries, your patterns will appear "
    "here — every number traced to your own ratings."
)
TRENDS_NO_INSIGHTS = (
    "Not enough entries in this period to say anything with confidence yet (insights need at least {minimum} entries)."
)
TRENDS_UPDATING = "Updating…"
#: Said to a screen reader of a chart or table still showing the previous choice while the new one draws.
CHART_UPDATING = "Updating: this still shows your previous choice."
TRENDS_FAILED = "The charts could not be drawn this time. Your journal is unchanged; please try again."
CUSTOM_RANGE_BACKWARDS = "The start date is after the end date. Please choose a start on or before the end."
CUSTOM_RANGE_FUTURE = "The end date is in the future. Please choose a date up to today."
CHART_EXPORT_WARNING = (
    "The chart will be saved as an ordinary file. It is not encrypted: anyone who can open the file can see it. "
    "Only your chosen chart is saved — no journal text."
)
CHART_EXPORTED = "Saved to {path}. This file is not encrypted."
HIGH_STRESS_TITLE = "Your stress has been high for a while"
HIGH_STRESS_MEAN = "Over the last {days} days your stress averaged {mean:.1f} across {n} entries."
HIGH_STRESS_RUN = "Your last {run} entries were all rated {level} or more."
HIGH_STRESS_SUPPORT = (
    "That is a lot to carry, and noticing it is a strength. It may help to look at your self-care plan "
    "and to talk it through with your supervisor, occupational health or your employee assistance programme. "
    "If you would like to talk to someone now, Samaritans are there day and night on 116 123 (free, UK)."
)
HIGH_STRESS_NOT_DIAGNOSIS = "This note comes only from your own ratings. It is not a diagnosis."

# --- self-care: check-in, leave clock, plan, contacts -------------------------------------
CHECKIN_EMPTY = "Fill in at least one thing — a mood on its own is fine."
CHECKIN_IN_FUTURE = "A check-in can be for today or an earlier day, not a day still to come."
CHECKIN_NOTE_ONE_LINE = "Please keep the note to one line. A journal entry has room for more."
BREAKS_OUT_OF_RANGE = "Please enter a number of breaks from 0 to {limit}."
CHECKIN_SAVED = "Check-in saved for today. Thank you for taking a minute."
CHECKIN_UPDATED = "Today's check-in is updated."
LEAVE_ENDS_BEFORE_START = "The last day is before the first day. Please check the dates."
LEAVE_TOO_LONG = "Please record at most {limit} days at a time."
LEAVE_KIND_MISSING = "Please say what kind of time off this was."
LEAVE_ON_LEAVE = "You are on a break today. Enjoy it."
LEAVE_NONE_RECORDED = "No days off recorded yet. Add your leave on the Self-care page to see the leave clock."
LEAVE_DAYS_SINCE_ONE = "1 day since your last recorded break."
LEAVE_DAYS_SINCE = "{days} days since your last recorded break."
LEAVE_NEXT = "Your next break starts in {days} days."
LEAVE_NEXT_TOMORROW = "Your next break starts tomorrow."
LEAVE_PAST_THRESHOLD = (
    "It has been a while. If you can, a day or two off — even a long weekend — could help you "
    "recharge. You might raise it in supervision."
)
PHONE_NOT_A_NUMBER = "Please use digits, spaces and + ( ) - only (for example 0300 123 4567)."
PLAN_SAVED = "Your plan is saved."
CONTACT_SAVED = "Contact saved."
PLAN_EXPORT_TITLE = "My self-care plan"
PLAN_EXPORT_SUBTITLE = "As of {date}"
PLAN_EXPORT_FOOTER = "Personal self-care plan — written by me, for me."
PLAN_EMPTY = (
    "Your plan is empty for now. It is yours to write, in your own words, whenever you are ready — "
    "a few lines in one section is a good start."
)

# --- Supervision ---------------------------------------------------------------------------
SESSION_IN_FUTURE = "That date is still to come. Please record a session once it has happened."
ACTION_EMPTY = "Please write what was agreed."
CLOCK_NO_SESSION = "No supervision recorded yet"
CLOCK_NO_SESSION_NOTE = (
    "When you have a session, add it here — the app will then keep track of when the next one is due."
)
CLOCK_DAYS_SINCE = "{days} day{s} since your last supervision ({when})"
CLOCK_NEXT_DUE = "The next one is due around {due}, in {days} day{s}."
CLOCK_DUE_TODAY = "Your next supervision is due about now."
CLOCK_OVERDUE = (
    "You asked for supervision {rhythm}, so one was due around {due}. It may be worth asking "
    "your supervisor for a time — you deserve that space."
)
SUMMARY_NOTHING_CHOSEN = "Nothing is chosen yet. Pick at least one entry, chart or agenda point to share."
SUMMARY_PERIOD_BACKWARDS = "The start of the period is after its end. Please swap the dates."
SUMMARY_SAVED = "Summary saved to {path}. It was added to your share record."
SUMMARY_PASSWORDS_DIFFER = "The two passwords are not the same."
SUMMARY_PASSWORD_TOO_SHORT = "Please use at least {minimum} characters for the file's password."


# --- Data & safety: backups, restore, passphrase change, export and import ----------------
IMPORT_AT_LINE = "line {line}, column {column}"
IMPORT_AT_ROW = "{table}, row {row}"
IMPORT_AT_FIELD = ", field “{field}”"
IMPORT_AT_ENTRY = "entry {entry}"
IMPORT_BROKEN_JSON = "The file is not valid JSON here."
IMPORT_UNKNOWN_FILE = "This file is neither a Resilience Journal export nor a jrnl JSON export."
IMPORT_BAD_HEADER = "The file's header is missing or damaged."
IMPORT_TOO_NEW = "This file was made by a newer version of Resilience Journal. Please update the app first."
IMPORT_NOT_A_LIST = "This should be a list of rows."
IMPORT_ROW_NOT_OBJECT = "This should be a set of named fields."
IMPORT_BAD_VALUE = "This value is not one the journal can hold."
IMPORT_BAD_DATE = "This should be a date written like 2026-11-25."
IMPORT_BAD_TIME = "This should be a time with its time zone, written like 2026-11-25T17:30:00+00:00."
IMPORT_UNKNOWN_TABLE = "The journal has no table with this name."
IMPORT_UNKNOWN_COLUMN = "The journal has no field with this name in this table."
IMPORT_MISSING_REFERENCE = "This refers to something that is neither in the file nor in the journal."
IMPORT_ROW_REFUSED = "The journal refused this row ({reason})."
IMPORT_NOTHING_CHANGED = "Nothing was imported; your journal is exactly as it was."
IMPORT_DONE = "Imported {added} new item(s); {skipped} were already in your journal."
BACKUP_DONE = "Backup saved and checked: {path}"
BACKUP_FAILED = "The backup could not be made ({reason}). Your journal itself is unchanged."
BACKUP_CHECK_FAILED = "The backup copy did not pass its checks, so it was deleted. Your journal is unchanged."
BACKUP_OLD_PASSPHRASE = (
    "Type the passphrase this backup was made with to look inside it. "
    "After restoring, the journal will open with your current passphrase."
)
BACKUP_LOCKED_CONTENTS = "Made {when}, with an earlier passphrase."
BACKUP_NEEDS_CURRENT = "Please type your current passphrase to confirm."
RESTORE_DONE = "Restored. What was in your journal before is kept as a backup: {path}"
PASSPHRASE_CHANGED = "Your passphrase has been changed and checked."
PASSPHRASE_OLD_BACKUPS = (
    "Backups you already have keep the passphrase they were made with. "
    "To restore one of them later you will need that older passphrase."
)
PASSPHRASE_SAME = "The new passphrase is the same as the current one."
EXPORT_DONE = "Exported to {path}. Remember: this file is not encrypted."
EXPORT_CSV_DONE = "Exported to the folder {path}. Remember: these files are not encrypted."
IMPORT_TOO_LARGE = "This file is too large to be a journal export."
IMPORT_NOT_TEXT = "This part of the file is not readable text (UTF-8)."
DISK_FULL_NOTHING_CHANGED = "The disk is full, so this could not be done. Nothing has been changed."
PASSPHRASE_CHANGE_FAILED = "The passphrase could not be changed ({reason}). Your current passphrase still works."
RESTORE_FAILED = "The backup could not be restored ({reason}). Your journal has not been changed."
RESTORE_WARNING = (
    "Restoring replaces everything in your journal with what this backup holds. "
    "What is in your journal now is first kept as a backup of its own, so you can go back."
)
BACKUP_LOCKED_ROW = "made with an earlier passphrase"
BACKUP_NONE_YET = "No backups yet. One is made automatically the first time you unlock the journal each day."
IMPORT_JRNL_STRESS = (
    "jrnl entries have no stress rating; they will be given this one, and the tag “imported from jrnl”."
)
EXCHANGE_FAILED = "That did not work ({reason}). Your journal has not been changed."
AUTO_BACKUP_FAILED = "Today's automatic backup could not be made ({reason}). Your journal itself is fine."
RESTORE_NOT_THE_JOURNAL = "That is the journal itself, not a backup of it. Please choose a backup file."
# Long work that was stopped, or that can no longer be stopped.
WORK_STOPPING = "Stopping…"
WORK_FINISHING = "Finishing off now so nothing is left half-done. This can no longer be cancelled."
BACKUP_CANCELLED = "Backup cancelled. Nothing was written."
EXPORT_CANCELLED = "Export cancelled. Nothing was written."
IMPORT_CANCELLED = "Import cancelled. Nothing was added; your journal is exactly as it was."
SUMMARY_CANCELLED = "Saving cancelled. Nothing was written and nothing was recorded."
RESTORE_CANCELLED = "Restore cancelled. Your journal is exactly as it was."
PASSPHRASE_CANCELLED = "Cancelled. Your passphrase has not changed."
