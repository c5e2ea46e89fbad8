"""A secret of the login codes of the test's own (in its temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wijwerken_widgets.people import secret


@pytest.fixture
def secret_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``WIJWERKEN_SECRET_FILE`` points to a file in ``tmp_path`` that does not exist yet; no secret is cached."""
    path = tmp_path / "secrets" / "code-secret"
    monkeypatch.setenv(secret.SECRET_FILE_ENV, str(path))
    secret.cache_clear()
    yield path
    secret.cache_clear()
