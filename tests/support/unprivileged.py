"""Running a child process as an ordinary user, so that file modes count (root ignores them)."""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

import pytest


def as_nobody(folder: Path) -> list[str]:
    """The command prefix that runs a child as ``nobody`` when the tests run as root (empty otherwise), after
    giving ``folder`` and everything in it to that user. Uses util-linux ``setpriv``: Python's own ``user=`` cannot
    exec an interpreter installed under ``/root``. Skips the test when there is no way."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    nobody = pwd.getpwnam("nobody")
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, nobody.pw_uid, nobody.pw_gid)
    return ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
