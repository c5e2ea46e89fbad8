"""The Kubernetes values (``deploy/kubernetes/values.yaml``): valid for the Zero to JupyterHub chart, checked offline
against its vendored schema, and the same locked-down set-up as the hub on one machine (``deploy/jupyterhub``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest
import yaml
from jupyterhub.traitlets import ByteSpecification
from tornado import web
from traitlets.config import Config

from wijwerken_widgets.app.hub.spawn import LAB, WORKBOOK_URL, SpawnHooks
from wijwerken_widgets.store import Store

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
ONE_MACHINE = (ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py").read_text(encoding="utf-8")
SECRET_REF = {"valueFrom": {"secretKeyRef": {"name": "wijwerken-database", "key": "url"}}}
MIB = 1024 * 1024


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _coalesce(defaults: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Helm's merge of a chart's defaults with user values: maps deep, anything else replaced, null deletes."""
    merged = dict(defaults)
    for key, value in values.items():
        if value is None and key in defaults:
            merged.pop(key)
        elif isinstance(value, dict) and isinstance(defaults.get(key), dict):
            merged[key] = _coalesce(defaults[key], value)
        else:
            merged[key] = value
    return merged


def _values() -> dict[str, Any]:
    return _yaml(KUBERNETES / "values.yaml")


def _chart_values(values: dict[str, Any] | None = None) -> dict[str, Any]:
    return _coalesce(_yaml(KUBERNETES / "z2jh" / "values.yaml"), _values() if values is None else values)


def _schema_errors(values: dict[str, Any]) -> list[str]:
    schema = _yaml(KUBERNETES / "z2jh" / "values.schema.yaml")
    jsonschema.Draft7Validator.check_schema(schema)
    errors = jsonschema.Draft7Validator(schema).iter_errors(_chart_values(values))
    return [f"{'.'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def test_the_values_are_valid_for_the_chart() -> None:
    assert _schema_errors(_values()) == []


def test_the_schema_check_finds_a_misspelt_setting() -> None:
    values = _values()
    values["singleuser"]["networkPolicy"]["egressAllowRule"] = {"nonPrivateIPs": True}
    values["cull"]["timeout"] = "an hour"
    errors = _schema_errors(values)
    assert any("egressAllowRule" in error for error in errors)
    assert any(error.startswith("cull.timeout") for error in errors)


def test_the_owners_database_url_comes_from_a_secret_for_the_hub_only() -> None:
    values = _values()
    assert values["hub"]["extraEnv"]["WIJWERKEN_DATABASE_URL"] == SECRET_REF
    assert "WIJWERKEN_DATABASE_URL" not in values["singleuser"].get("extraEnv", {})  # each server: its person's role
    assert not [s for s in _strings(values) if re.search(r"postgres\w*(\+\w+)?://", s)]
    assert values["hub"]["extraEnv"]["OAUTH_CLIENT_SECRET"]["valueFrom"]["secretKeyRef"]["name"]


def test_a_server_reaches_only_dns_the_hub_and_postgresql_and_is_reached_only_by_the_proxy_and_hub() -> None:
    policy = _chart_values()["singleuser"]["networkPolicy"]
    assert policy["enabled"] is True
    rules = policy["egressAllowRules"]
    assert rules["nonPrivateIPs"] is False and rules["privateIPs"] is False and rules["cloudMetadataServer"] is False
    assert [rule["ports"] for rule in policy["egress"]] == [[{"protocol": "TCP", "port": 5432}]]
    assert all("ipBlock" not in target for rule in policy["egress"] for target in rule["to"])
    assert policy["ingress"] == [] and policy["allowedIngressPorts"] == []
    assert policy["interNamespaceAccessLabels"] == "ignore"
    hub = _chart_values()["hub"]["networkPolicy"]
    assert hub["enabled"] is True and hub["egressAllowRules"]["cloudMetadataServer"] is False


def test_the_set_up_is_that_of_one_machine() -> None:
    values = _chart_values()
    single = values["singleuser"]
    assert single["defaultUrl"] == WORKBOOK_URL and single["cmd"] == "jupyterhub-singleuser"
    assert single["profileList"] == [] and single["storage"]["type"] == "none"
    assert values["cull"]["enabled"] is True
    assert f"--timeout={values['cull']['timeout']}" in ONE_MACHINE
    assert f'c.Spawner.mem_limit = "{single["memory"]["limit"]}"' in ONE_MACHINE
    bytes_of = ByteSpecification().validate
    # the measured figures of docs/deploy.md: a server 151 MiB, each open page's kernel 90 MiB; two pages guaranteed
    assert bytes_of(None, single["memory"]["guarantee"]) >= (151 + 2 * 90) * MIB
    assert bytes_of(None, single["memory"]["limit"]) > bytes_of(None, single["memory"]["guarantee"])
    assert values["hub"]["config"]["Authenticator"]["admin_users"] == []


def test_the_images_hold_the_configuration_the_hub_names() -> None:
    dockerfile = (KUBERNETES / "Dockerfile").read_text(encoding="utf-8")
    config_dir = _values()["custom"]["wijwerken"]["configDir"]
    assert dockerfile.count(f"COPY deploy/jupyterhub {config_dir}\n") == 2  # the server's image and the hub's
    singleuser = dockerfile.split("AS singleuser", 1)[1].split("\nFROM ", 1)[0]
    assert f"--uid {_values()['singleuser']['uid']} " in singleuser and "\nUSER 1000\n" in singleuser
    assert "[hub]" in singleuser


# The hub's extraConfig, run as the chart runs it (exec with its ``c`` and ``get_config``), against a real store.


@pytest.fixture
def hub_config(store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    cohort = store.add_cohort("c", "Gemeente", "C", {})
    group = store.add_group(cohort.id, "Groep", "extern")
    store.add_person(cohort.id, "Anna", "deelnemer", "h-anna", group_id=group.id, hub_user="anna")
    store.add_person(cohort.id, "Tess", "trainer", "h-tess", hub_user="tess")
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)  # what hub.extraEnv gives the hub from the Secret
    values = _chart_values()

    def get_config(key: str, default: Any = None) -> Any:  # z2jh.get_config: the chart's values by dotted key
        node: Any = values
        for level in key.split("."):
            if not isinstance(node, dict) or level not in node:
                return default
            node = node[level]
        return node

    config = Config()
    namespace = {"c": config, "get_config": get_config}
    for name, source in sorted(values["hub"]["extraConfig"].items()):
        exec(compile(source, name, "exec"), namespace)  # as the chart runs hub.extraConfig
    return config


def _spawner(user: str, profile: str | None = None, environment: dict[str, Any] | None = None) -> SimpleNamespace:
    """What the hooks read of KubeSpawner: the user, the form's options, and the environment of singleuser.extraEnv."""
    return SimpleNamespace(user=SimpleNamespace(name=user, groups=[]), args=[], default_url="",
                           user_options={} if profile is None else {"profiel": profile},
                           environment=dict(environment or _values()["singleuser"].get("extraEnv", {})))


def test_the_hub_uses_the_workbooks_spawn_hooks(hub_config: Config) -> None:
    spawner = hub_config.KubeSpawner
    assert isinstance(spawner.options_form.__self__, SpawnHooks)
    assert spawner.options_from_form == SpawnHooks.options_from_form
    assert spawner.profile_list == [] and spawner.disable_user_config is True
    assert spawner.options_form(_spawner("anna")) == ""
    assert 'value="lab"' in spawner.options_form(_spawner("tess"))


def test_a_participant_gets_the_workbook_and_the_store_from_the_hooks(hub_config: Config, db_url: str) -> None:
    config_dir = _values()["custom"]["wijwerken"]["configDir"]
    anna = _spawner("anna", profile=LAB)  # a forged form
    hub_config.KubeSpawner.pre_spawn_hook(anna)
    assert anna.args == [f"--config={config_dir}/jupyter_server_config.py"] and anna.default_url == WORKBOOK_URL
    # SpawnHooks.person_url: on PostgreSQL the person's own role (tests/store/test_row_security.py); SQLite as is
    assert anna.environment["WIJWERKEN_DATABASE_URL"] == hub_config.KubeSpawner.options_form.__self__.person_url(
        SimpleNamespace(id=0)) and "wijwerken_widgets" in anna.environment["JUPYTER_PATH"]
    tess = _spawner("tess", profile=LAB)
    hub_config.KubeSpawner.pre_spawn_hook(tess)
    assert tess.args == [f"--config={config_dir}/jupyter_server_config_lab.py"] and tess.default_url == "/lab"


def test_no_server_starts_for_a_stranger(hub_config: Config) -> None:
    with pytest.raises(web.HTTPError) as refused:
        hub_config.KubeSpawner.pre_spawn_hook(_spawner("onbekend"))
    assert refused.value.status_code == 403
