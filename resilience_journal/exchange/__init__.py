"""Moving the whole journal in and out as files: full export (JSON, CSV) and import.

The rows come from ``storage/exchange.py`` and the format from ``domain/exchange_format.py``;
this package only reads and writes the files (privately and atomically).
"""
