"""The app's one export machinery: a small document model and its renderers.

A feature builds a ``Document`` (``domain/document.py``) from what the user chose, shows it with
``ui/export_preview.py``, then renders it with ``markdown.render``, ``html.render`` or
``pdf.render`` and writes the bytes with ``files.write_private_file`` (atomic, owner-only).
Nothing here reads the journal: what goes in is exactly what the caller put in the document.
"""
