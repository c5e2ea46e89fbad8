"""The hub's decisions before a server starts (``app/hub/spawn.py``): who gets a server, which one, with what."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from tornado import web

from wijwerken_widgets.app.hub.spawn import LAB, WORKBOOK, WORKBOOK_URL, SpawnHooks
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.schema import people


def _spawner(user: str, profile: str | None = None, groups: tuple[str, ...] = ()) -> SimpleNamespace:
    """What the hooks read of JupyterHub's spawner: the user (name, groups), the form's options, and what they set."""
    return SimpleNamespace(user=SimpleNamespace(name=user, groups=[SimpleNamespace(name=g) for g in groups]),
                           user_options={} if profile is None else {"profiel": profile}, args=[], default_url="",
                           environment={"KEEP": "1"})


@pytest.fixture
def hooks(store: Store, db_url: str, tmp_path: Path) -> SpawnHooks:
    cohort = store.add_cohort("c", "Gemeente", "C", {})
    group = store.add_group(cohort.id, "Groep", "extern")
    store.add_person(cohort.id, "Anna", "deelnemer", "h-anna", group_id=group.id, hub_user="anna")
    store.add_person(cohort.id, "Tess", "trainer", "h-tess", hub_user="tess")
    gone = store.add_person(cohort.id, "Gijs", "deelnemer", "h-gijs", group_id=group.id, hub_user="gijs")
    with store.engine.begin() as conn:  # removed, as an older roster change left it: the user name still set
        conn.execute(people.update().where(people.c.id == gone.id).values(removed_at=datetime.now(timezone.utc)))
    return SpawnHooks(config_dir=tmp_path, database_url=db_url)


def test_a_participant_gets_the_workbook_whatever_the_form_sent(hooks: SpawnHooks, db_url: str) -> None:
    assert hooks.options_form(_spawner("anna")) == ""
    spawner = _spawner("anna", profile=LAB)  # a forged form
    hooks.pre_spawn(spawner)
    assert spawner.args == [f"--config={hooks.config_dir / 'jupyter_server_config.py'}"]
    assert spawner.default_url == WORKBOOK_URL
    assert spawner.environment["WIJWERKEN_DATABASE_URL"] == db_url and spawner.environment["KEEP"] == "1"
    assert "wijwerken_widgets" in spawner.environment["JUPYTER_PATH"]


def test_a_trainer_may_choose_jupyterlab(hooks: SpawnHooks) -> None:
    form = hooks.options_form(_spawner("tess"))
    assert 'value="lab"' in form and "<label" in form and "<legend>" in form
    assert hooks.options_from_form({"profiel": ["lab"]}) == {"profiel": LAB}
    assert hooks.options_from_form({"profiel": ["root"]}) == {"profiel": WORKBOOK}
    spawner = _spawner("tess", profile=LAB)
    hooks.pre_spawn(spawner)
    assert spawner.args[0].endswith("jupyter_server_config_lab.py") and spawner.default_url == "/lab"
    plain = _spawner("tess")
    hooks.pre_spawn(plain)
    assert plain.default_url == WORKBOOK_URL


def test_a_hub_group_can_be_required_for_jupyterlab(hooks: SpawnHooks) -> None:
    hooks.trainer_group = "trainers"
    assert hooks.options_form(_spawner("tess")) == ""
    spawner = _spawner("tess", profile=LAB)
    hooks.pre_spawn(spawner)
    assert spawner.default_url == WORKBOOK_URL
    assert 'value="lab"' in hooks.options_form(_spawner("tess", groups=("trainers",)))


@pytest.mark.parametrize("user", ["onbekend", "gijs"])
def test_an_unknown_or_removed_user_gets_no_server(hooks: SpawnHooks, user: str) -> None:
    with pytest.raises(web.HTTPError) as refused:
        hooks.pre_spawn(_spawner(user))
    assert refused.value.status_code == 403 and "Vraag je trainer" in (refused.value.log_message or "")
