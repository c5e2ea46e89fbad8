"""Where wijwerken keeps its data and finds its notebooks and content.

Nothing here touches the disk at import time; every function reads the environment when called.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_CHECKOUT = PACKAGE_DIR.parent

DATABASE_FILE = "wijwerken.sqlite3"


def data_dir() -> Path:
    """The data folder: ``$WIJWERKEN_HOME``, else ``$XDG_DATA_HOME/wijwerken`` (``~/.local/share/wijwerken``)."""
    if home := os.environ.get("WIJWERKEN_HOME"):
        return Path(home).expanduser().resolve()
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return (Path(xdg) / "wijwerken").resolve()


def database_url() -> str:
    """``$WIJWERKEN_DATABASE_URL`` (e.g. PostgreSQL for many users), else SQLite in the data folder."""
    if url := os.environ.get("WIJWERKEN_DATABASE_URL"):
        return url
    return f"sqlite:///{data_dir() / DATABASE_FILE}"


def _shipped(name: str) -> Path:
    """A content folder from the source checkout when there is one, else the copy inside the wheel."""
    checkout = _CHECKOUT / name
    return checkout if checkout.is_dir() else _BUNDLED / name


def workbooks_dir() -> Path:
    """The notebooks Voilà serves: ``$WIJWERKEN_WORKBOOKS`` or the shipped ``workbooks/``."""
    if override := os.environ.get("WIJWERKEN_WORKBOOKS"):
        return Path(override).expanduser().resolve()
    return _shipped("workbooks")


def exercises_dir() -> Path:
    """Exercise content and cohort settings: ``$WIJWERKEN_EXERCISES`` or the shipped ``exercises/``."""
    if override := os.environ.get("WIJWERKEN_EXERCISES"):
        return Path(override).expanduser().resolve()
    return _shipped("exercises")


def jupyter_data_dir() -> Path:
    """Folder to put on ``JUPYTER_PATH`` so Voilà finds the wijwerken template."""
    return PACKAGE_DIR / "jupyter_data"
