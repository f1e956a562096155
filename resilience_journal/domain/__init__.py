"""The meaning of the journal, in pure Python.

Nothing here imports Qt, sqlcipher3 or matplotlib (``tests/test_architecture.py`` checks), so
every rule about entries, ratings, time and wording can be tested without a window or a database.
"""
