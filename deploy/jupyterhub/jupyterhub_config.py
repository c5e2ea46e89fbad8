"""JupyterHub for the workbook: one hub, many municipalities, each user's server serving only the workbook.

Run ``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`` with the environment of ``docs/deploy.md``:

- ``WIJWERKEN_DATABASE_URL``: the PostgreSQL store (the hub reads who is who; each server gets it too);
- ``WIJWERKEN_HUB_TRAINER_GROUP`` (optional): JupyterLab only for trainers in this hub group;
- ``WIJWERKEN_HUB_IDLE_SECONDS`` (optional): a page nothing happened in for this long closes, also while its tab is
  open (default 45 minutes; the page warns first);
- ``WIJWERKEN_HUB_STATE`` (optional): the hub's own folder (its database and cookie secret), default
  ``/var/lib/wijwerken-hub``.

The hub user name is the ``gebruikersnaam`` in the cohort file; the workbook's own login page is not used. Choose
an authenticator for your municipality's accounts (below) and a spawner that isolates users (docs/deploy.md).
"""

import os
import sys
from pathlib import Path

from wijwerken_widgets.app.hub.spawn import SpawnHooks

c = get_config()  # noqa: F821 (given by JupyterHub)

state = Path(os.environ.get("WIJWERKEN_HUB_STATE", "/var/lib/wijwerken-hub"))
hooks = SpawnHooks(config_dir=Path(__file__).resolve().parent,
                   trainer_group=os.environ.get("WIJWERKEN_HUB_TRAINER_GROUP") or None,
                   idle_seconds=int(os.environ.get("WIJWERKEN_HUB_IDLE_SECONDS", 45 * 60)))

c.JupyterHub.bind_url = os.environ.get("WIJWERKEN_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

# Who may log in: set an authenticator for the municipality's accounts, e.g. OAuthenticator's GenericOAuthenticator
# (SSO) or NativeAuthenticator, and allow the users of the cohort files:
# c.JupyterHub.authenticator_class = "generic-oauth"
c.Authenticator.admin_users = set()

# Every server: the workbook (Voilà only); a trainer may choose JupyterLab on the spawn page.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]  # the hub's Python, with wijwerken installed
c.Spawner.disable_user_config = True
c.Spawner.default_url = "/voila/render/start.ipynb"
c.Spawner.pre_spawn_hook = hooks.pre_spawn
c.Spawner.options_form = hooks.options_form
c.Spawner.options_from_form = hooks.options_from_form
c.Spawner.mem_limit = "1G"  # a server with a few page kernels: some 70 MiB each (benchmarks/README.md)
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 120

# Servers nobody used for an hour stop (their pages' typed text is kept by the browser's drafts).
c.JupyterHub.load_roles = [{"name": "idle-culler", "scopes": ["list:users", "read:users:activity",
                                                             "read:servers", "delete:servers"],
                            "services": ["idle-culler"]}]
c.JupyterHub.services = [{"name": "idle-culler",
                          "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"]}]
