"""The secret key of the login-code hashes: 32 random bytes in a file outside the database.

The store keeps only ``HMAC-SHA256(secret, code)`` of every personal code (``codes.hash_code``). A copy of the
database alone is then useless for guessing codes offline: without this file no hash can be checked. The file is
``$WIJWERKEN_SECRET_FILE``, else ``code-secret`` in the data folder. It is created (mode 0600) the first time a code
is hashed and read otherwise, once per process and path. Lose it and no code works any more (issue new ones with
``wijwerken cohort new-code``); so back it up with the database, but never inside the database backup. The secret
is never logged, stored in the database or exported. Messages are in English, for the administrator.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import secrets
import tempfile
from pathlib import Path

from wijwerken_widgets.core import paths
from wijwerken_widgets.store.engine import PRIVATE_DIR_MODE, make_private_file

SECRET_FILE_ENV = "WIJWERKEN_SECRET_FILE"
SECRET_FILE = "code-secret"
SECRET_BYTES = 32

log = logging.getLogger("wijwerken")


class SecretFileError(OSError):
    """The code secret file exists but cannot be used (message in English, says what to do)."""


def secret_path() -> Path:
    """Where the code secret lives: ``$WIJWERKEN_SECRET_FILE``, else ``code-secret`` in the data folder."""
    if override := os.environ.get(SECRET_FILE_ENV):
        return Path(override).expanduser().resolve()
    return paths.data_dir() / SECRET_FILE


def code_secret() -> bytes:
    """The secret of :func:`secret_path`: read once per process (created first if there is none yet)."""
    return load_secret(secret_path())


@functools.cache
def load_secret(path: Path) -> bytes:
    """The 32-byte secret in ``path``, created there (atomically, mode 0600) when the file does not exist.

    Raises :class:`SecretFileError` when the file exists but cannot be read or is not 32 bytes long.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    _create(path)
    return _read(path)


def cache_clear() -> None:
    """Forget the secrets read so far (for tests, or after the file was replaced)."""
    load_secret.cache_clear()


def _read(path: Path) -> bytes:
    what_now = (
        f"Restore {path} from the backup that belongs to this database (or set {SECRET_FILE_ENV} to where it is). "
        "Without the right secret no login code works; 'wijwerken cohort new-code' issues new codes."
    )
    try:
        with path.open("rb") as handle:
            secret = handle.read(SECRET_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SecretFileError(
            f"Cannot read the secret of the login codes {path}: {exc.strerror or exc}. Make it readable for the user "
            f"that runs wijwerken (only for that user: chmod 600 {path}). " + what_now
        ) from exc
    if len(secret) != SECRET_BYTES:
        raise SecretFileError(
            f"The secret of the login codes {path} is not {SECRET_BYTES} bytes long, so it is damaged or not a "
            "wijwerken secret. " + what_now
        )
    make_private_file(path)  # group or other access to an existing secret is taken away, with a log line
    return secret


def _create(path: Path) -> None:
    """Write a new random secret to ``path``, unless another process just did: never a half-written file, and
    never one secret overwriting another (the secret is linked to its name, which fails if the name exists)."""
    folder = path.parent
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}-")  # mode 0600
    except OSError as exc:
        raise SecretFileError(
            f"Cannot create the secret of the login codes in {folder}: {exc.strerror or exc}. Make the folder "
            f"writable for the user that runs wijwerken, or set {SECRET_FILE_ENV} to a file in a writable folder."
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(SECRET_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:  # another process created it first: everybody uses that one
            return
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _fsync_folder(folder)
    log.info("Created the secret of the login codes at %s; back it up together with the database.", path)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
