"""The kruisbestuiving page: the k-rule (nothing below three sharing groups), only groups that chose to share,
names stripped, the same in the files, escaping, and nothing for a participant."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from wijwerken_widgets.pages import kruisbestuiving
from wijwerken_widgets.pages.kruisbestuiving import collect, downloads, overview, texts
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.act.items import Actie, Delen, Thema
from wijwerken_widgets.store import Group, ItemChange, Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def coach(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _group(store: Store, gemeente: str, *, share: bool = True, naam: str = "Wijkteam",
           member: str = "Anna de Vries", stakeholder: str = "Piet Bakker") -> Group:
    """A cohort of ``gemeente`` with one group: a member, a stakeholder on the map, a rode draad, an action."""
    cohort = store.add_cohort(gemeente.lower().replace(" ", "-"), gemeente, f"Cohort {gemeente}", {})
    group = store.add_group(cohort.id, f"Groep van {member}", "extern")
    person = store.add_person(cohort.id, member, "deelnemer", f"hash-{gemeente}", group_id=group.id)
    store.save_items("map", group.id, [ItemChange("stakeholder", "s1", {"naam": stakeholder, "soort": "inwoner"})],
                     person_id=person.id, client_id="t")
    changes = [
        ItemChange(Thema.KIND, "t1", Thema("t1", naam=naam, wel=f"{stakeholder} voelt zich niet gehoord",
                                          gekozen=True).data()),
        ItemChange(Thema.KIND, "t2", Thema("t2", naam="Niet gekozen thema").data()),
        ItemChange(Actie.KIND, "a1", Actie("a1", wat=f"Koffie met {member.split()[0]} in de wijk",
                                          met_wie="Jan Geheim", eigenaar="7").data()),
    ]
    if share is not None:
        changes.append(ItemChange(Delen.KIND, Delen.ID, Delen(aan=share).data()))
    store.save_items("act", group.id, changes, person_id=person.id, client_id="t")
    return group


def _text(widget: widgets.Widget) -> str:
    parts = [str(getattr(widget, "value", ""))]
    for child in getattr(widget, "children", ()):
        parts.append(_text(child))
    return " ".join(parts)


def test_are_two_sharing_groups_shown_only_as_a_count_and_three_as_content(store: Store, coach: Context) -> None:
    _group(store, "Almere", naam="Eenzaamheid")
    _group(store, "Breda", naam="Vertrouwen")
    shown = overview.overview_html(coach)
    assert "2 van de minimaal 3 groepen" in shown
    assert "Eenzaamheid" not in shown and "Vertrouwen" not in shown and "Koffie" not in shown
    _group(store, "Delft", naam="Samenwerking")
    shown = overview.overview_html(coach)
    assert all(word in shown for word in ("Almere", "Breda", "Delft", "Eenzaamheid", "Vertrouwen", "Samenwerking"))
    assert "3 groepen uit 3 gemeenten" in shown and "Koffie met" in shown
    assert "Niet gekozen thema" not in shown  # only the rode draden the group chose


def test_does_a_group_that_did_not_share_never_appear(store: Store, coach: Context) -> None:
    for gemeente in ("Almere", "Breda", "Delft"):
        _group(store, gemeente)
    _group(store, "Ede", share=False, naam="Geheim thema")
    _group(store, "Venlo", share=None, naam="Nooit gekozen")  # never ticked: off by default
    shown = overview.overview_html(coach)
    assert "Almere" in shown
    assert all(word not in shown for word in ("Ede", "Geheim thema", "Venlo", "Nooit gekozen"))
    assert len(collect.contributions(store, texts.load())) == 3


def test_is_the_k_rule_at_least_three_whatever_the_yaml_says(tmp_path) -> None:
    found = [collect.Contribution("A", (), ("x",)), collect.Contribution("B", (), ("y",))]
    assert collect.visible(found, 1) is None and collect.visible(found, 2) is None
    assert collect.visible([*found, collect.Contribution("C", (), ("z",))], 3) is not None
    from pathlib import Path

    from wijwerken_widgets.content import loader

    master = Path(kruisbestuiving.__file__).parents[3] / "exercises" / texts.FILE
    lowered = tmp_path / texts.FILE
    lowered.write_text(master.read_text(encoding="utf-8").replace("min_groups: 3", "min_groups: 2"), encoding="utf-8")
    with pytest.raises(loader.ContentError, match="min_groups"):
        loader.load_file(lowered, texts.SCHEMA)


def test_are_names_of_members_and_stakeholders_and_owners_stripped(store: Store, coach: Context) -> None:
    for gemeente in ("Almere", "Breda", "Delft"):
        _group(store, gemeente)
    shown = overview.overview_html(coach)
    assert "Piet" not in shown and "Bakker" not in shown and "Anna" not in shown and "Vries" not in shown
    assert "[een betrokkene] voelt zich niet gehoord" in shown and "Koffie met [een collega] in de wijk" in shown
    assert "Jan Geheim" not in shown and "Groep van" not in shown  # met wie and the group's name are not shared


def test_do_the_files_hold_the_same_and_keep_the_k_rule(store: Store, coach: Context) -> None:
    _group(store, "Almere", naam="Eenzaamheid")
    _group(store, "Breda", naam="Vertrouwen")
    for extension in ("md", "html"):
        data, name, _mime = downloads.make_file(coach, extension)
        text = data.decode("utf-8")
        assert name.endswith(f".{extension}") and "2 van de minimaal 3" in text and "Eenzaamheid" not in text
    _group(store, "Delft", naam="Samenwerking")
    markdown = downloads.make_file(coach, "md")[0].decode("utf-8")
    page = downloads.make_file(coach, "html")[0].decode("utf-8")
    for text in (markdown, page):
        assert all(w in text for w in ("Almere", "Breda", "Delft", "Eenzaamheid", "Samenwerking", "Koffie met"))
        assert "Piet" not in text and "Anna" not in text
    assert "## Almere" in markdown and "- **Eenzaamheid**" in markdown
    assert page.startswith("<!DOCTYPE html>") and "http" not in page and "<script" not in page


def test_is_a_script_in_shared_text_escaped_everywhere(store: Store, coach: Context) -> None:
    _group(store, "Almere", naam="<script>alert(1)</script>")
    _group(store, "Breda")
    _group(store, "<img src=x onerror=alert(1)>")
    shown = overview.overview_html(coach)
    page = downloads.make_file(coach, "html")[0].decode("utf-8")
    markdown = downloads.make_file(coach, "md")[0].decode("utf-8")
    for text in (shown, page, markdown):
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;" in text


def test_does_a_participant_get_nothing(store: Store, ctx: Context, monkeypatch) -> None:
    for gemeente in ("Almere", "Breda", "Delft"):
        _group(store, gemeente)
    assert overview.overview_html(ctx) == ""
    for module in (kruisbestuiving.overview, kruisbestuiving.downloads):
        built = module.section(ctx)
        assert built.layout.display == "none" and not built.value
    with pytest.raises(PermissionError):
        downloads.make_file(ctx, "md")
    from wijwerken_widgets.ui import page as page_module

    monkeypatch.setattr(page_module.Page, "show", lambda self: (setattr(self, "ctx", ctx), setattr(
        self, "root", widgets.VBox([widgets.HTML("end")])), self)[-1])
    opened = kruisbestuiving.open_page()
    opened.section(kruisbestuiving.overview)
    assert opened.ctx is None and opened.sections == [] and "alleen voor trainers" in _text(opened.root)


def test_does_the_trainer_page_build_with_a_refresh_and_download_links(store: Store, coach: Context) -> None:
    view = overview.section(coach)
    assert "0 van de minimaal 3" in _text(view)
    for gemeente in ("Almere", "Breda", "Delft"):
        _group(store, gemeente)
    view.refresh_button.click()
    assert "Almere" in view.view.value and 'tabindex="0"' in view.view.value
    files = downloads.section(coach)
    files.buttons[1].click()
    assert 'download="kruisbestuiving-' in files.link.value and ".html" in files.link.value
