"""Fixtures: a real wijwerken server (started through `run_voila`) on the fixture notebooks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.voila_server import VoilaServer, start_server, stop_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoilaServer]:
    """One server shared by the tests of a module that leave it running as they found it."""
    folder = tmp_path_factory.mktemp("server")
    running = start_server(data_dir=folder / "data", log_path=folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[VoilaServer]:
    """A server of its own, for tests that kill kernels or stop the server."""
    running = start_server(data_dir=tmp_path / "data", log_path=tmp_path / "server.log")
    yield running
    stop_server(running)
