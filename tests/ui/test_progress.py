"""The progress hint of a day: which exercises have something stored, in words and with ✓."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag1 import keys as dag1_keys
from wijwerken_widgets.pages.dag1 import texts as dag1_texts
from wijwerken_widgets.pages.dag2 import keys as dag2_keys
from wijwerken_widgets.pages.dag2 import texts as dag2_texts
from wijwerken_widgets.ui.progress import Progress, exercises_of, filled_in, titles_of


def test_does_the_dag1_hint_count_saved_exercises_and_refresh_after_a_save(ctx) -> None:
    titles = titles_of(dag1_texts.load().exercises)
    hint = Progress(ctx, dag1_keys.REGISTRY, titles)
    assert hint.exercises == ["vraagstuk_choice", "problem_statement", "assumptions", "real_problem"]
    assert "0 van 4 oefeningen ingevuld" in hint.value and "✓" not in hint.value
    version = ctx.store.save_answer(ctx.person.id, dag1_keys.DOEL, "<b>beter</b>", base_id=None,
                                    client_id=ctx.client_id).version
    ctx.notify_saved(dag1_keys.DOEL, version)
    # the vraagstuk, kept as the cohort wrote it, counts too now that the day is in use
    assert "2 van 4 oefeningen ingevuld" in hint.value
    assert '<li class="ww-progress-done"><span class="ww-progress-mark" aria-hidden="true">✓</span> ' \
           "2. Probleem, doel en hoofdvraag <span" in hint.value
    assert hint.value.count("(nog niet ingevuld)") == 2 and hint.value.count("(ingevuld)") == 2


def test_does_group_work_count_for_everybody_in_the_group(ctx, groupmate) -> None:
    """A stakeholder on the group's Dag 2 map fills in exercise 1 for each member; a removed one does not."""
    registry = dag2_keys.REGISTRY
    assert exercises_of(registry, titles_of(dag2_texts.load().exercises)) == ["entry", "network", "insight"]
    assert filled_in(ctx, registry) == set()
    from wijwerken_widgets.store.items import ItemChange

    def save(change: ItemChange) -> None:
        groupmate.store.save_items(dag2_keys.SPACE, groupmate.group.id, [change], person_id=groupmate.person.id,
                                   client_id=groupmate.client_id)

    save(ItemChange(dag2_keys.STAKEHOLDER, "s1", {"naam": "Wijkraad"}))
    assert filled_in(ctx, registry) == {"entry"}
    save(ItemChange(dag2_keys.STAKEHOLDER, "s1", {"naam": "Wijkraad"}, base_version=1, deleted=True))
    assert filled_in(ctx, registry) == set()


def test_a_day_page_shows_progress_to_a_participant_but_not_to_a_trainer(store, codes, db_url, monkeypatch) -> None:
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login
    from wijwerken_widgets.ui.page import Page

    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    progress = (dag1_keys.REGISTRY, titles_of(dag1_texts.load().exercises))
    for role, shown in (("deelnemer", True), ("trainer", False)):
        _, token = login(store, next(c for c in codes if c.rol == role).code)
        monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
        page = Page("Dag 1", workbook="dag1.ipynb", progress=progress).show()  # recognised by the cookie
        assert (page.progress is not None and page.root.children[2] is page.progress) is shown, role
        monkeypatch.delenv("HTTP_COOKIE")


def test_a_page_the_cohort_turned_off_opens_with_a_notice_and_no_section(store, codes, db_url, monkeypatch) -> None:
    """``uit: [dag2]``: Dag 2 is not in the navigation, and opened by its address it says so and builds nothing."""
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login
    from wijwerken_widgets.ui.page import Page

    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    person, token = login(store, next(c for c in codes if c.rol == "deelnemer").code)
    cohort = store.cohort(person.cohort_id)
    store.set_cohort_settings(cohort.id, {**cohort.settings, "uit": ["dag2"]})
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    page = Page("Dag 2", workbook="dag2.ipynb").show()
    page.section(lambda ctx: widgets.HTML("een oefening"))
    shown = " ".join(str(getattr(child, "value", "")) for child in page.root.children)
    assert "gebruikt jullie gemeente niet" in shown and "een oefening" not in shown
    assert 'href="dag2.ipynb"' not in page.root.children[0].value and 'href="dag3.ipynb"' in page.root.children[0].value


def test_a_trainer_on_a_day_page_gets_the_trainer_navigation_and_a_note_instead_of_progress(
        store, codes, db_url, monkeypatch) -> None:
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login
    from wijwerken_widgets.ui.page import Page

    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    progress = (dag1_keys.REGISTRY, titles_of(dag1_texts.load().exercises))
    for role in ("trainer", "deelnemer"):
        _, token = login(store, next(c for c in codes if c.rol == role).code)
        monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
        page = Page("Dag 1", workbook="dag1.ipynb", progress=progress).show()
        header = page.root.children[0].value
        trainer_nav = 'class="ww-nav ww-nav-trainer"' in header and 'href="groepswerk.ipynb"' in header
        assert trainer_nav is (role == "trainer"), role
        assert (page.trainer_note is not None and "als trainer" in page.trainer_note.value) is (role == "trainer")
        monkeypatch.delenv("HTTP_COOKIE")
