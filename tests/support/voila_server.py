"""Start and stop a real ``wijwerken`` Voilà server (via `run_voila`) for tests, and look at its kernels."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_NOTEBOOKS = ROOT / "tests" / "fixtures" / "notebooks"
KERNEL_FILE = re.compile(r"kernel-(?P<id>[0-9a-f-]+)\.json")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class VoilaServer:
    """A running `run_voila` process; its output goes to ``log_path``."""

    process: subprocess.Popen
    port: int
    data_dir: Path
    workbooks_dir: Path
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page_url(self, notebook: str) -> str:
        return f"{self.url}voila/render/{notebook}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    @property
    def session_token(self) -> str:
        """A browser session of a test participant in this server's store (made on first use)."""
        return session_for(self.data_dir)

    @property
    def cookies(self) -> dict[str, str]:
        """The session cookie, for ``requests``."""
        from wijwerken_widgets.people.identity import SESSION_COOKIE

        return {SESSION_COOKIE: self.session_token}

    def sign_in(self, context) -> None:
        """Give a Playwright browser context this server's test session, as logging in would."""
        from wijwerken_widgets.people.identity import SESSION_COOKIE

        context.add_cookies([{"name": SESSION_COOKIE, "value": self.session_token, "domain": "127.0.0.1",
                              "path": "/", "httpOnly": True, "sameSite": "Lax"}])

    def kernel_processes(self) -> list[psutil.Process]:
        """Live ipykernel processes started by this server."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        kernels = []
        for child in children:
            try:
                if "ipykernel_launcher" in " ".join(child.cmdline()) and child.status() != psutil.STATUS_ZOMBIE:
                    kernels.append(child)
            except psutil.NoSuchProcess:
                continue
        return kernels


_SESSIONS: dict[Path, str] = {}


def session_for(data_dir: Path, name: str = "Testdeelnemer") -> str:
    """The token of a live session of participant ``name`` in the store of ``data_dir`` (made once per folder)."""
    from wijwerken_widgets.core import paths
    from wijwerken_widgets.people.codes import hash_code, new_code
    from wijwerken_widgets.people.identity import login
    from wijwerken_widgets.store import Store

    data_dir = Path(data_dir).resolve()
    if data_dir not in _SESSIONS:
        with Store.open(f"sqlite:///{data_dir / paths.DATABASE_FILE}") as store:
            cohort = store.cohort_by_slug("test") or store.add_cohort("test", "Testgemeente", "Test", {})
            code = new_code()
            store.add_person(cohort.id, name, "deelnemer", hash_code(code))
            _, token = login(store, code)
        _SESSIONS[data_dir] = token
    return _SESSIONS[data_dir]


def kernel_id(kernel: psutil.Process) -> str:
    """The Jupyter kernel id of a kernel process (its connection file is ``kernel-<id>.json``)."""
    match = KERNEL_FILE.search(" ".join(kernel.cmdline()))
    assert match, kernel.cmdline()
    return match["id"]


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def start_server(
    *,
    data_dir: Path,
    log_path: Path,
    workbooks_dir: Path = FIXTURE_NOTEBOOKS,
    port: int | None = None,
    cull_idle_timeout: int | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> VoilaServer:
    """Run ``run_voila`` in a child Python process and wait until the server answers."""
    port = port or free_port()
    extra = f", cull_idle_timeout={cull_idle_timeout}" if cull_idle_timeout is not None else ""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from wijwerken_widgets.app.serve import run_voila\n"
        f"sys.exit(run_voila(port={port}, data_dir=Path({str(data_dir)!r}), "
        f"workbooks_dir=Path({str(workbooks_dir)!r}){extra}))\n"
    )
    command = [sys.executable, "-c", code]
    return _launch(command, port=port, data_dir=data_dir, workbooks_dir=workbooks_dir, log_path=log_path,
                   env=env, timeout=timeout, mode="w")


def _launch(
    command: list[str], *, port: int, data_dir: Path, workbooks_dir: Path, log_path: Path,
    env: dict[str, str] | None, timeout: float, mode: str,
) -> VoilaServer:
    """Start ``command`` with its output in ``log_path`` and wait until the server on ``port`` answers."""
    log = log_path.open(mode, encoding="utf-8")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    log.close()
    server = VoilaServer(process, port, Path(data_dir), Path(workbooks_dir), log_path)
    try:
        wait_for(
            lambda: process.poll() is not None or _answers(server.url),
            timeout=timeout,
            message=f"server on port {port} did not answer",
        )
    except TimeoutError:
        stop_server(server)
        raise
    if process.poll() is not None:
        raise RuntimeError(f"server exited with {process.returncode}:\n{server.log()}")
    return server


def stop_server(server: VoilaServer, *, sig: int = signal.SIGINT, timeout: float = 30) -> int:
    """Stop the server like Ctrl-C does and return its exit code; kill it if it does not stop in time."""
    if server.process.poll() is None:
        server.process.send_signal(sig)
    try:
        return server.process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        for child in psutil.Process(server.process.pid).children(recursive=True):
            child.kill()
        server.process.kill()
        server.process.wait()
        raise


# A code is printed as four groups of four characters (three groups for codes of the earlier format).
CODE_LINE = re.compile(
    r"^\s+(?P<rol>trainer|deelnemer)\s+(?P<rest>.+?)\s+(?P<code>[A-Z0-9]{4}(?:-[A-Z0-9]{4}){2,3})\s*$"
)


@dataclass(frozen=True)
class PrintedCode:
    """A login code as `wijwerken serve` prints it for the demo cohort."""

    rol: str
    naam: str
    code: str


def printed_codes(log: str) -> list[PrintedCode]:
    """The demo codes from the terminal output of a first `wijwerken serve`."""
    codes = []
    for line in log.splitlines():
        if match := CODE_LINE.match(line):
            naam = re.split(r"\s{2,}", match["rest"].strip())[0]
            codes.append(PrintedCode(match["rol"], naam, match["code"]))
    return codes


def start_wijwerken(
    *, data_dir: Path, log_path: Path, port: int | None = None, timeout: float = 90, extra: Sequence[str] = ()
) -> VoilaServer:
    """Run the real ``wijwerken serve`` command (as a participant's trainer would), with ``extra`` arguments, and
    wait until it answers."""
    port = port or free_port()
    command = [sys.executable, "-m", "wijwerken_widgets", "serve", "--port", str(port), "--data", str(data_dir),
               *extra]
    return _launch(command, port=port, data_dir=data_dir, workbooks_dir=ROOT / "workbooks", log_path=log_path,
                   env=None, timeout=timeout, mode="a")
