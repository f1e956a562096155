"""PySide6 widgets and pages.  No SQL and no pyplot here: data comes from the journal object."""
