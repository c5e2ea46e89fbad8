"""What a hub user's single-user server is, decided by the hub before it starts (``deploy/jupyterhub``).

Each server gets the store with its person's own PostgreSQL role (row-level security), never the owner's.

The hub user name is a cohort's ``gebruikersnaam`` (``people.hub_user``). `SpawnHooks.pre_spawn` refuses a user the
store does not know, or who was removed, with a Dutch message; gives everyone the workbook server
(``jupyter_server_config.py``: Voilà only) and a trainer who chose it in the form (`SpawnHooks.options_form`)
JupyterLab (``jupyter_server_config_lab.py``). A participant never gets JupyterLab, whatever the form sent.
Trainer rights come from the store (the role in the cohort file); ``trainer_group`` additionally requires
membership of that hub group for JupyterLab.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijwerken_widgets.app.serve import KERNEL_ENVIRONMENT
from wijwerken_widgets.core import paths

WORKBOOK, LAB = "werkboek", "lab"
WORKBOOK_URL = "/voila/render/start.ipynb"
IDLE_SECONDS = 45 * 60
"""A page's kernel nothing happened in for this long stops, also while its tab is open (the page warns first:
``ui/idle.py``); ``jupyter_server_config.py`` reads it from the server's environment."""


class NotInACohort(Exception):
    """The hub user is no (current) participant or trainer of any cohort; ``message`` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class SpawnHooks:
    """The hub's hooks; ``config_dir``: the folder with the single-user configurations."""

    config_dir: Path
    database_url: str = field(default_factory=paths.database_url)
    trainer_group: str | None = None
    idle_seconds: int = IDLE_SECONDS

    def _person(self, hub_user: str) -> Any:
        from wijwerken_widgets.store import Store
        from wijwerken_widgets.ui import texts

        store = Store.open(self.database_url)
        try:
            person = store.person_by_hub_user(hub_user)
        finally:
            store.close()
        if person is None or person.removed_at is not None:
            raise NotInACohort(texts.load().page.unknown_hub_user.format(gebruiker=hub_user))
        return person

    def may_use_lab(self, person: Any, hub_groups: list[str]) -> bool:
        return bool(person.role == "trainer" and (self.trainer_group is None or self.trainer_group in hub_groups))

    def options_form(self, spawner: Any) -> str:
        """The choice of server for a trainer who may use JupyterLab; nothing (no form) for anyone else."""
        from wijwerken_widgets.ui import texts

        try:
            person = self._person(spawner.user.name)
        except NotInACohort:
            return ""
        if not self.may_use_lab(person, [g.name for g in spawner.user.groups]):
            return ""
        words = texts.load().hub
        options = "".join(
            f'<div><input type="radio" name="profiel" id="profiel-{value}" value="{value}"{checked}>'
            f' <label for="profiel-{value}">{html.escape(label)}</label></div>'
            for value, label, checked in ((WORKBOOK, words.workbook, " checked"), (LAB, words.lab, "")))
        return f'<fieldset><legend>{html.escape(words.choose)}</legend>{options}</fieldset>'

    @staticmethod
    def options_from_form(form: dict[str, list[str]]) -> dict[str, str]:
        return {"profiel": LAB if form.get("profiel", [WORKBOOK])[0] == LAB else WORKBOOK}

    def pre_spawn(self, spawner: Any) -> None:
        """Refuse an unknown user; set the server's configuration, start page and environment."""
        from tornado import web

        try:
            person = self._person(spawner.user.name)
        except NotInACohort as refused:
            raise web.HTTPError(403, refused.message) from refused
        lab = (spawner.user_options or {}).get("profiel") == LAB and \
            self.may_use_lab(person, [g.name for g in spawner.user.groups])
        config = "jupyter_server_config_lab.py" if lab else "jupyter_server_config.py"
        spawner.args = [f"--config={self.config_dir / config}"]
        spawner.default_url = "/lab" if lab else WORKBOOK_URL
        spawner.environment = {**spawner.environment, **self.environment(person)}

    def environment(self, person: Any) -> dict[str, str]:
        """What the single-user server and its kernels need: the template and kernel spec, and the store with the
        person's own database role (PostgreSQL: row-level security, ``store/row_security.py``), so that even code
        run in their kernel could read nothing the workbook does not show them."""
        return {**KERNEL_ENVIRONMENT, "WIJWERKEN_IDLE_SECONDS": str(self.idle_seconds),
                "JUPYTER_PATH": str(paths.jupyter_data_dir()),
                "WIJWERKEN_DATABASE_URL": self.person_url(person), "WIJWERKEN_WORKBOOKS": str(paths.workbooks_dir())}

    def person_url(self, person: Any) -> str:
        """The store URL with the person's own role and a new password; SQLite (one machine, tests): as it is."""
        from wijwerken_widgets.store import Store
        from wijwerken_widgets.store.row_security import role_url

        if not self.database_url.startswith("postgresql"):
            return self.database_url
        store = Store.open(self.database_url)
        try:
            role, password = store.person_role(person.id)
        finally:
            store.close()
        return role_url(self.database_url, role, password)
