"""A real JupyterHub on 127.0.0.1 with the workbook's deploy configuration (``deploy/jupyterhub``), for tests.

The hub runs the shipped ``jupyterhub_config.py`` through a small test configuration that only swaps what a test
machine lacks: a shared-password authenticator instead of the municipality's accounts, the simple local spawner
instead of one that isolates users, free ports, and a folder for the hub's state. Its proxy is npm's
``configurable-http-proxy``: from PATH, or from ``.cache/hub`` where ``scripts/test.sh`` installs it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import create_engine, make_url, text

from tests.support.pg import drop_person_roles
from tests.support.voila_server import ROOT, free_port
from tests.support.waiting import wait_for

PASSWORD = "hub-test-wachtwoord"
PROXY_DIR = ROOT / ".cache" / "hub" / "node_modules" / ".bin"
TEST_CONFIG = """
load_subconfig({deploy!r})
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
"""


def proxy_path() -> str:
    """PATH with configurable-http-proxy on it (the test command installs it when missing)."""
    path = os.environ.get("PATH", "")
    if shutil.which("configurable-http-proxy") is None:
        path = f"{PROXY_DIR}{os.pathsep}{path}"
    if shutil.which("configurable-http-proxy", path=path) is None:
        raise RuntimeError("configurable-http-proxy is missing: run scripts/test.sh, which installs it with npm "
                           "into .cache/hub, or: npm install -g configurable-http-proxy")
    return path


@contextmanager
def pg_schema(base_url: str) -> Iterator[str]:
    """A fresh PostgreSQL schema for the store, dropped afterwards; its URL."""
    name = f"wwhub_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                              "AND query LIKE :q"), {"q": f"%{name}%"})
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
            drop_person_roles(conn, name)
        admin.dispose()


@dataclass
class Hub:
    """A running hub: its URL, state folder and log."""

    folder: Path
    database_url: str
    port: int
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.folder / "hub.log"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def start(self) -> None:
        config = self.folder / "jupyterhub_config.py"
        config.write_text(TEST_CONFIG.format(
            deploy=str(ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"), password=PASSWORD,
            homes=str(self.folder / "homes"), port=self.port, hub_port=free_port(), proxy_port=free_port()),
            encoding="utf-8")
        env = {**os.environ, "PATH": proxy_path(), "WIJWERKEN_DATABASE_URL": self.database_url,
               "WIJWERKEN_HUB_STATE": str(self.folder / "state"), **self.env}
        (self.folder / "state").mkdir(exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=self.folder,
                                        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._healthy, timeout=90, message=f"the hub did not start:\n{self.log()[-3000:]}")

    def _healthy(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"the hub stopped:\n{self.log()[-3000:]}")
        try:
            return requests.get(f"{self.url}/hub/health", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False

    def stop(self) -> None:
        """Stop the hub; it stops the users' servers first (``cleanup_servers``)."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def login(self, user: str) -> requests.Session:
        """A logged-in session of ``user`` (no browser), with their server started."""
        session = requests.Session()
        session.get(f"{self.url}/hub/login", timeout=30)
        session.post(f"{self.url}/hub/login", data={"username": user, "password": PASSWORD,
                                                     "_xsrf": session.cookies.get("_xsrf", "")}, timeout=120)
        wait_for(lambda: self.user_page(session, user, "/voila/render/start.ipynb").url.startswith(
            f"{self.url}/user/{user}/"), timeout=120, interval=1, message=f"{user}'s server did not start")
        return session

    def user_page(self, session: requests.Session, user: str, path: str) -> requests.Response:
        return session.get(f"{self.url}/user/{user}{path}", timeout=60)
