"""The benchmark's world: a temporary workbooks and data folder, a cohort of 15, and one `wijwerken serve`.

The server is the real command (``python -m wijwerken_widgets serve``) on 127.0.0.1, with SQLite in the temporary
data folder (``WIJWERKEN_DATABASE_URL`` is removed from its environment so it never touches another database).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests
import yaml

from wijwerken_widgets.core import paths

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BARE_NOTEBOOK = HERE / "bare" / "bare.ipynb"
BENCH_SLUG = "benchmarkgemeente"
FUNCTIES = ("medewerker", "leidinggevende", "OR-lid")


def wait_for(check, *, timeout: float, interval: float = 0.1, message: str = ""):
    """Poll ``check`` until it returns something truthy; ``TimeoutError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(message or f"condition not met within {timeout} s")
        time.sleep(interval)


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_workbooks(folder: Path) -> Path:
    """Copies of the shipped workbooks plus ``bare.ipynb`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for notebook in sorted(paths.workbooks_dir().glob("*.ipynb")):
        shutil.copy2(notebook, folder / notebook.name)
    shutil.copy2(BARE_NOTEBOOK, folder / BARE_NOTEBOOK.name)
    return folder


def write_cohort_yaml(path: Path, participants: int, training_day: int | None = None) -> Path:
    """A cohort file like the demo one, with ``participants`` deelnemers in two groups (and, given
    ``training_day``, that day on today's programme)."""
    demo = yaml.safe_load((paths.exercises_dir() / "cohorts" / "demogemeente.yaml").read_text(encoding="utf-8"))
    groups = [g["naam"] for g in demo["groepen"]]
    demo.update(
        gemeente="Benchmarkgemeente",
        naam="Benchmark",
        slug=BENCH_SLUG,
        trainers=[{"naam": "Benchmark Trainer"}],
        deelnemers=[
            {"naam": f"Deelnemer {n:02d}", "functie": FUNCTIES[n % len(FUNCTIES)], "groep": groups[n % len(groups)]}
            for n in range(1, participants + 1)
        ],
    )
    if training_day is not None:
        import datetime

        demo["programma"] = [{"dag": training_day, "datum": datetime.date.today().isoformat()}]
    path.write_text(yaml.safe_dump(demo, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def create_cohort(data_dir: Path, cohort_file: Path) -> dict[str, str]:
    """Run ``wijwerken cohort create`` and return {naam: code} of the deelnemers it printed."""
    env = server_env()
    result = subprocess.run(
        [sys.executable, "-m", "wijwerken_widgets", "cohort", "create", str(cohort_file), "--data", str(data_dir)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    if result.returncode != 0:
        raise RuntimeError(f"cohort create failed:\n{result.stdout}\n{result.stderr}")
    codes = {}
    for line in result.stdout.splitlines():
        match = re.match(r"\s+deelnemer\s+(Deelnemer \d+)\s+.*\s(\S+)$", line)
        if match:
            codes[match.group(1)] = match.group(2)
    return codes


def session_cookies(data_dir: Path, codes: dict[str, str]) -> list[str]:
    """One ``wijwerken_sessie=<token>`` cookie per code, as logging in with the form would give."""
    from wijwerken_widgets.people import secret
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login
    from wijwerken_widgets.store import Store

    saved = os.environ.get(secret.SECRET_FILE_ENV)
    os.environ[secret.SECRET_FILE_ENV] = str(data_dir / "code-secret")  # the secret `cohort create --data` made
    secret.cache_clear()
    store = Store.open(f"sqlite:///{data_dir / paths.DATABASE_FILE}")
    try:
        return [f"{SESSION_COOKIE}={login(store, code)[1]}" for code in codes.values()]
    finally:
        store.close()
        if saved is None:
            os.environ.pop(secret.SECRET_FILE_ENV, None)
        else:
            os.environ[secret.SECRET_FILE_ENV] = saved
        secret.cache_clear()


def server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"WIJWERKEN_DATABASE_URL", "WIJWERKEN_CODE"}}
    env["PYTHONUNBUFFERED"] = "1"
    return env


@dataclass
class Server:
    """A running ``wijwerken serve``."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page_url(self, notebook: str) -> str:
        return f"{self.url}voila/render/{notebook}"

    def kernels(self) -> dict[str, psutil.Process]:
        """Live kernel processes of this server by kernel id (from their connection file name)."""
        found = {}
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return found
        for child in children:
            try:
                cmdline = " ".join(child.cmdline())
                if "ipykernel_launcher" in cmdline and child.status() != psutil.STATUS_ZOMBIE:
                    match = re.search(r"kernel-([0-9a-f-]{36})\.json", cmdline)
                    found[match.group(1) if match else str(child.pid)] = child
            except psutil.NoSuchProcess:
                continue
        return found

    def wait_idle(self, timeout: float = 60) -> None:
        """Wait until no kernel runs (pages closed and their kernels shut down)."""
        wait_for(lambda: not self.kernels(), timeout=timeout, interval=0.2, message="kernels still running")


def start_server(*, data_dir: Path, workbooks_dir: Path, log_path: Path, timeout: float = 90) -> Server:
    """``wijwerken serve --port P --data DIR --workbooks DIR``; returns once it answers."""
    port = free_port()
    log = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "wijwerken_widgets", "serve", "--port", str(port), "--data", str(data_dir),
         "--workbooks", str(workbooks_dir)],
        stdout=log, stderr=subprocess.STDOUT, env=server_env(), cwd=ROOT,
    )
    log.close()
    server = Server(process, port, log_path)

    def answers() -> bool:
        if process.poll() is not None:
            return True
        try:
            return requests.get(server.url, timeout=2).status_code == 200
        except requests.RequestException:
            return False

    try:
        wait_for(answers, timeout=timeout, interval=0.3, message=f"server on port {port} did not answer")
    except BaseException:
        stop_server(server)
        raise
    if process.poll() is not None:
        raise RuntimeError(f"server exited with {process.returncode}:\n{log_path.read_text()}")
    return server


def stop_server(server: Server, timeout: float = 30) -> None:
    """Stop like Ctrl-C; kill the server and its kernels when that takes too long."""
    try:
        family = [psutil.Process(server.process.pid), *psutil.Process(server.process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
    try:
        server.process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    _, alive = psutil.wait_procs(family, timeout=timeout)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    if server.process.poll() is None:
        server.process.wait(timeout=10)
