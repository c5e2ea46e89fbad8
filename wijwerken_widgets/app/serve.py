"""Serve the workbooks as Voilà apps on this machine: ``wijwerken serve``.

`run_voila` starts Voilà in a child process (``python -m wijwerken_widgets.app.serve <voila arguments>``) and waits
for it. The child runs Voilà in-process so that what the command line cannot express can be configured:

- nobody gets a page, a kernel or a kernel's websocket without a browser session: the login page and the session
  checks of ``app/web`` (`~wijwerken_widgets.app.web.auth.SessionIdentityProvider`, whose kernels belong to the
  session that started them, with caps on their number: `~wijwerken_widgets.app.web.kernels.SessionKernelManager`);

- every page response sets the ``_xsrf`` cookie (``app/web/pages.py``), so the shutdown beacon Voilà sends when a
  page is closed or reloaded is accepted and the page's kernel stops (voila#1458; otherwise every visit leaves a
  kernel running);
- on a cohort's training day, that day's page has kernels started before anyone asks (``app/web/pools.py``,
  Voilà's ``preheat_kernel``), looked at again every ten minutes;
- the page config asks the front end for the bundled MathJax instead of the CDN one;
- every response carries `SECURITY_HEADERS`: Jupyter's own handlers get them through ``tornado_settings``
  (``headers``), Voilà's static-file handlers (plain tornado ones) and error pages through an output transform.

Cell errors are logged by Voilà itself (``Error at server while executing cell``, with the traceback) while the
participant only sees the template's Dutch message.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from wijwerken_widgets.core import paths

HOST = "127.0.0.1"
TEMPLATE = "wijwerken"
CULL_IDLE_TIMEOUT = 15 * 60
"""Seconds before a kernel without an open page is stopped (a page that vanished without its beacon)."""
CULL_INTERVAL = 60
STOP_TIMEOUT = 30
_PARENT_PID_ENV = "WIJWERKEN_SERVE_PARENT_PID"
REFRESH_SECONDS = 10 * 60
"""Default seconds between two looks at the cohorts' programmes (a new training day, a changed programme)."""

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    # Voilà's pages and the Dag 2 graph (a sandboxed <iframe srcdoc>, which inherits this policy) run inline
    # scripts and styles. Without 'unsafe-eval' the Dag 1 and Dag 2 browser tests fail (checked December 2026).
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",  # CSP 3: 'self' also allows the websockets to this host (ws:/wss:), nothing else
    "worker-src 'self' blob:",
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
"""Nothing is loaded from or sent to another host; no other site may frame the pages."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
}


KERNEL_ENVIRONMENT = {
    "PYTHONUNBUFFERED": "1",
    # Kernels load no third-party pydantic plugins (tracing/telemetry hooks), which also spares every page view
    # the entry-point scan.
    "PYDANTIC_DISABLE_PLUGINS": "__all__",
    # Each kernel serves one participant on a shared machine: BLAS threads per kernel only fight each other (the
    # Dag 2 graph layout ran 5× slower with them).
    "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
}
"""What every page kernel's environment holds (also under JupyterHub: ``app/hub/spawn.py``)."""


def _is_within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def voila_argv(*, port: int, workbooks_dir: Path, cull_idle_timeout: int = CULL_IDLE_TIMEOUT,
               max_kernels: int | None = None, behind_proxy: bool = False,
               pool_refresh: int | None = None) -> list[str]:
    """Voilà's command-line arguments for serving ``workbooks_dir`` on ``127.0.0.1:port``."""
    from wijwerken_widgets.app.web.kernels import MAX_KERNELS

    return [
        f"--Voila.ip={HOST}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--no-browser",
        f"--VoilaConfiguration.template={TEMPLATE}",
        "--VoilaConfiguration.theme=light",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.classic_tree=True",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--VoilaConfiguration.http_header_envs=Cookie",
        f"--MappingKernelManager.cull_idle_timeout={cull_idle_timeout}",
        f"--MappingKernelManager.cull_interval={min(CULL_INTERVAL, max(1, cull_idle_timeout // 2))}",
        "--MappingKernelManager.cull_connected=False",
        f"--SessionKernelManager.max_kernels={max_kernels or MAX_KERNELS}",
        f"--WijwerkenVoila.behind_proxy={behind_proxy}",
        f"--WijwerkenVoila.pool_refresh={pool_refresh or REFRESH_SECONDS}",
        str(Path(workbooks_dir).resolve()),
    ]


def voila_env(*, data_dir: Path) -> dict[str, str]:
    """Environment for the Voilà process and its kernels: this one plus the data folder and the template path."""
    env = dict(os.environ)
    env["WIJWERKEN_HOME"] = str(Path(data_dir).resolve())
    jupyter_path = [str(paths.jupyter_data_dir())]
    if existing := env.get("JUPYTER_PATH"):
        jupyter_path.append(existing)
    env["JUPYTER_PATH"] = os.pathsep.join(jupyter_path)
    for name, value in KERNEL_ENVIRONMENT.items():
        env.setdefault(name, value)
    return env


def run_voila(
    *, port: int, data_dir: Path, workbooks_dir: Path, cull_idle_timeout: int = CULL_IDLE_TIMEOUT,
    max_kernels: int | None = None, behind_proxy: bool = False, pool_refresh: int | None = None,
) -> int:
    """Serve ``workbooks_dir`` until Ctrl-C or SIGTERM; return Voilà's exit code (0 after a clean stop).

    Kernels get the data folder as ``WIJWERKEN_HOME`` (``WIJWERKEN_DATABASE_URL`` passes through when set).
    ``behind_proxy``: a reverse proxy on this machine sets ``X-Forwarded-For`` and ``X-Forwarded-Proto``, and the
    server believes them (the client's address for the login limits; HTTPS for the ``Secure`` cookie).
    ``pool_refresh``: seconds between two looks at the cohorts' programmes (the kernel pools of training days).
    """
    import subprocess

    data_dir, workbooks_dir = Path(data_dir).resolve(), Path(workbooks_dir).resolve()
    if not workbooks_dir.is_dir():
        raise ValueError(f"Workbooks folder does not exist: {workbooks_dir}")
    if _is_within(data_dir, workbooks_dir):
        raise ValueError(
            f"The data folder {data_dir} is inside the workbooks folder {workbooks_dir}; Voilà would serve "
            "files from it. Choose a data folder outside the workbooks folder."
        )
    argv = voila_argv(port=port, workbooks_dir=workbooks_dir, cull_idle_timeout=cull_idle_timeout,
                      max_kernels=max_kernels, behind_proxy=behind_proxy, pool_refresh=pool_refresh)
    env = voila_env(data_dir=data_dir)
    env[_PARENT_PID_ENV] = str(os.getpid())

    # Own session: a Ctrl-C in the terminal reaches only this process, which then stops Voilà exactly once.
    child = subprocess.Popen([sys.executable, "-m", "wijwerken_widgets.app.serve", *argv], env=env,
                             start_new_session=True)
    print(f"\nWerkboek bereikbaar op  http://{HOST}:{port}/   (stoppen: Ctrl-C)\n", flush=True)

    def stop(_signum: int, _frame: Any) -> None:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:  # pragma: no cover - only when SIGINT arrives before the handler is set
                stop(signal.SIGINT, None)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --- inside the Voilà child process -------------------------------------------------------------------------


def _offline_page_config(page_config: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Voilà page-config hook: use JupyterLab's bundled MathJax, never the CDN one."""
    page_config["fullMathjaxUrl"] = "null"
    page_config["mathjaxConfig"] = "null"
    return page_config


def _security_headers_transform() -> type:
    """A tornado output transform that adds each of `SECURITY_HEADERS` a response does not set itself
    (Jupyter's API handlers keep their stricter ``default-src 'none'``)."""
    from tornado.web import OutputTransform

    class SecurityHeaders(OutputTransform):
        def transform_first_chunk(self, status_code: int, headers: Any, chunk: bytes,
                                  finishing: bool) -> tuple[int, Any, bytes]:
            for name, value in SECURITY_HEADERS.items():
                if name not in headers:
                    headers[name] = value
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    return SecurityHeaders


def _todays_pools(workbooks_dir: str | Path, max_kernels: int) -> dict[str, int]:
    """Today's pool sizes per workbook page, from the programmes of the cohorts in the store."""
    import datetime

    from wijwerken_widgets.app.web import pools
    from wijwerken_widgets.store import Store

    with Store.open() as store:
        return pools.todays_pools(store, datetime.date.today(), Path(workbooks_dir), max_kernels)


def _stop_when_orphaned() -> None:
    """Stop Voilà (as SIGTERM does) when the ``run_voila`` process that started it has gone."""
    parent = os.environ.get(_PARENT_PID_ENV)
    if not parent:
        return

    def watch() -> None:
        while os.getppid() == int(parent):
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="wijwerken-parent-watch", daemon=True).start()


def _main(argv: list[str]) -> int:
    """Run Voilà in this process with wijwerken's hooks."""
    from traitlets import Bool, Int
    from traitlets.config import Config
    from voila.app import Voila

    from wijwerken_widgets.app.web import pages, pools
    from wijwerken_widgets.app.web.auth import SessionAuthorizer, SessionIdentityProvider
    from wijwerken_widgets.app.web.kernels import MAX_KERNELS, SessionKernelManager, kernel_token

    class WijwerkenVoila(Voila):  # type: ignore[misc]
        behind_proxy = Bool(False, config=True, help="Believe X-Forwarded-For/-Proto of a local reverse proxy.")
        pool_refresh = Int(REFRESH_SECONDS, config=True, help="Seconds between two looks at the programmes.")

        def start(self) -> None:
            from tornado.ioloop import PeriodicCallback

            from wijwerken_widgets.core import server_log

            server_log.configure()  # the audit lines of logins (people/identity.py) go to this server's log
            PeriodicCallback(self.refresh_pools, self.pool_refresh * 1000).start()
            super().start()

        def refresh_pools(self) -> None:
            try:
                pools.refresh(self.kernel_manager, _todays_pools(self.root_dir, self.kernel_manager.max_kernels))
            except Exception:  # the pages work without pools: never let this stop the server
                self.log.exception("could not refresh the kernel pools")

        def init_handlers(self) -> list[Any]:
            """Voilà's routes with the pages of ``app/web/pages.py`` (login first) and its subclasses."""
            routes = []
            for pattern, handler, *options in super().init_handlers():
                routes.append((pattern, pages.REPLACED.get(handler, handler), *options))
            return [*pages.handlers(self.server_url or self.base_url), *routes]

        def listen(self) -> None:
            self.app.transforms.append(_security_headers_transform())
            if self.behind_proxy:  # Voilà calls app.listen(port, address): add tornado's xheaders
                listen = self.app.listen
                self.app.listen = lambda port, address="", **kwargs: listen(port, address, xheaders=True, **kwargs)
            super().listen()

    kernel_token()  # before any kernel starts: every kernel inherits it
    config = Config()
    workbooks_dir = Path(argv[-1])
    max_kernels = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--SessionKernelManager.max_kernels=")),
                       MAX_KERNELS)
    config.VoilaConfiguration.preheat_kernel = True
    config.VoilaKernelManager.kernel_pools_config = pools.pools_config(_todays_pools(workbooks_dir, max_kernels))
    config.VoilaKernelManager.fill_delay = pools.FILL_DELAY
    config.Voila.identity_provider_class = SessionIdentityProvider
    config.Voila.authorizer_class = SessionAuthorizer
    config.VoilaConfiguration.multi_kernel_manager_class = SessionKernelManager
    config.VoilaConfiguration.page_config_hook = _offline_page_config
    config.Voila.tornado_settings = {"headers": dict(SECURITY_HEADERS)}
    _stop_when_orphaned()
    WijwerkenVoila.launch_instance(argv=argv, config=config)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
