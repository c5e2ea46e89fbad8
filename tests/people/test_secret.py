"""The secret of the login codes: a private file outside the database, made once, read once per process."""

from __future__ import annotations

import stat

import pytest

from wijwerken_widgets.core import paths
from wijwerken_widgets.people import secret
from wijwerken_widgets.people.cohorts import create_cohort, demo_cohort_settings
from wijwerken_widgets.people.identity import login, person_by_code
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.engine import make_engine


def test_is_the_secret_created_private_and_then_reused(secret_file):
    assert not secret_file.exists()
    made = secret.code_secret()
    assert len(made) == secret.SECRET_BYTES == 32
    assert secret_file.read_bytes() == made
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret_file.parent.stat().st_mode) == 0o700
    assert [p.name for p in secret_file.parent.iterdir()] == ["code-secret"]  # no temporary file left

    assert secret.code_secret() is made  # cached in this process
    secret.cache_clear()
    assert secret.code_secret() == made  # read back from the file, not made anew


def test_does_the_secret_live_in_the_data_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv(secret.SECRET_FILE_ENV, raising=False)
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    assert secret.secret_path() == paths.data_dir() / "code-secret" == tmp_path / "data" / "code-secret"
    try:
        made = secret.code_secret()
    finally:
        secret.cache_clear()
    assert (tmp_path / "data" / "code-secret").read_bytes() == made


def test_is_a_secret_of_another_process_never_overwritten(secret_file):
    """Two processes that start at once: the one that links its file second uses the first one's secret."""
    secret_file.parent.mkdir()
    secret_file.write_bytes(b"s" * 32)
    secret._create(secret_file)  # what the slower process does after it found no file
    assert secret_file.read_bytes() == b"s" * 32
    assert [p.name for p in secret_file.parent.iterdir()] == ["code-secret"]
    assert secret.code_secret() == b"s" * 32


def test_is_a_shared_secret_file_made_private(secret_file):
    secret_file.parent.mkdir()
    secret_file.write_bytes(b"s" * 32)
    secret_file.chmod(0o644)
    assert secret.code_secret() == b"s" * 32
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"", b"s" * 31, b"s" * 33, b"s" * 64])
def test_is_a_secret_of_the_wrong_length_refused_with_a_clear_message(secret_file, content):
    secret_file.parent.mkdir()
    secret_file.write_bytes(content)
    with pytest.raises(secret.SecretFileError, match="not 32 bytes long") as raised:
        secret.code_secret()
    message = str(raised.value)
    assert str(secret_file) in message and "wijwerken cohort new-code" in message
    assert secret_file.read_bytes() == content  # left as it was, for the administrator to look at


def test_is_an_unreadable_secret_refused_with_a_clear_message(secret_file):
    secret_file.mkdir(parents=True)  # unreadable as a file (root may read any file, so no chmod 000 here)
    with pytest.raises(secret.SecretFileError, match="Cannot read the secret of the login codes"):
        secret.code_secret()


def test_does_a_copy_of_the_database_without_the_secret_match_no_code(tmp_path, monkeypatch, secret_file):
    url = f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}"
    Store.open(url).close()
    store = Store(make_engine(url))
    try:
        issued = create_cohort(store, demo_cohort_settings())
        code = issued[0].code
        assert person_by_code(store, code) is not None

        other = tmp_path / "elders" / "code-secret"  # the same database on a machine with another secret
        monkeypatch.setenv(secret.SECRET_FILE_ENV, str(other))
        secret.cache_clear()
        assert person_by_code(store, code) is None
        assert all(person_by_code(store, c.code) is None for c in issued)

        monkeypatch.setenv(secret.SECRET_FILE_ENV, str(secret_file))  # the right secret back: codes work again
        secret.cache_clear()
        assert login(store, code)[0].name == issued[0].naam
    finally:
        store.close()


def test_is_the_secret_never_written_to_the_database(tmp_path, secret_file):
    database = tmp_path / "wijwerken.sqlite3"
    store = Store.open(f"sqlite:///{database}")
    try:
        issued = create_cohort(store, demo_cohort_settings())
        login(store, issued[0].code)
    finally:
        store.close()
    key = secret_file.read_bytes()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("wijwerken.sqlite3*"))
    assert key not in stored and key.hex().encode() not in stored
