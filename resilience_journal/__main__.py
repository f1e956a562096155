"""``python -m resilience_journal`` starts the app, exactly like the ``resilience-journal`` command."""

import sys

from resilience_journal.app import main

if __name__ == "__main__":
    sys.exit(main())
