"""A page of a municipality's participant shows its variant (``exercises/<gemeente>/``) and leaves out what the
cohort turned off (``uit``)."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from wijwerken_widgets.content import loader
from wijwerken_widgets.core import paths
from wijwerken_widgets.people.cohorts import create_cohort
from wijwerken_widgets.people.settings import load_cohort_settings
from wijwerken_widgets.ui import page as page_module
from wijwerken_widgets.ui.page import Page


@pytest.fixture
def voorbeeldstad(monkeypatch: pytest.MonkeyPatch, db_url: str, store, tmp_path) -> str:
    """The code of a participant of the shipped example cohort Voorbeeldstad, as the kernel's login."""
    codes = create_cohort(store, load_cohort_settings(paths.exercises_dir() / "cohorts" / "voorbeeldstad.yaml"))
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    for name in ("JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    code = next(c for c in codes if c.rol == "deelnemer").code
    monkeypatch.setenv("WIJWERKEN_CODE", code)
    monkeypatch.setattr(loader, "_variant", {})  # nothing chosen yet: the page's resolver decides
    monkeypatch.setattr(loader, "_resolver", [page_module._kernel_gemeente])
    loader.clear_cache()
    yield code
    loader.clear_cache()


def test_the_page_header_and_texts_are_the_municipalitys(voorbeeldstad: str) -> None:
    from wijwerken_widgets.pages import dag1

    page = dag1.open_page()
    assert page.ctx is not None and page.ctx.cohort.gemeente == "Voorbeeldstad"
    assert "Welkom bij de eerste trainingsdag in Voorbeeldstad" in page.root.children[0].value


def test_a_page_the_cohort_turned_off_builds_no_section(voorbeeldstad: str) -> None:
    page = Page("Pecha kucha", workbook="pechakucha.ipynb").show()
    built: list[str] = []
    page.section(lambda ctx: built.append("x") or widgets.Label("oefening"))
    assert built == [] and page.sections == []
    other = Page("Dag 1", workbook="dag1.ipynb").show()
    other.section(lambda ctx: built.append("x") or widgets.Label("oefening"))
    assert built == ["x"]
