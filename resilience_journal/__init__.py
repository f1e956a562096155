"""Resilience Journal: a private, encrypted reflective journal for safeguarding practitioners.

The application's name and version live here and nowhere else; ``pyproject.toml`` and
``build.spec`` read them from this module.
"""

#: The name shown to people (window titles, About box, folder names).
APP_NAME = "Resilience Journal"
#: The name used for folders and the command line.
APP_ID = "resilience-journal"
#: The release, in PEP 440 form.
__version__ = "0.1.0"
