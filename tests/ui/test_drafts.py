"""Typed text kept in the browser until stored: the kernel's half (field marks, the page's ledger, the hash)."""

from __future__ import annotations

import json

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.autosave import autosave_form, autosave_widget
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page

# FNV-1a 32 over UTF-16 code units. The ASCII ones are the published FNV-1a test vectors; the same table is checked
# against the page's JavaScript in tests/browser/test_boundary.py.
HASH_VECTORS = {
    "": "811c9dc5",
    "a": "e40c292c",
    "foobar": "bf9cf968",
    "é": "6c0b6c44",
    "één": "2bd3d5bb",
    "Wij werken 🙂": "da780a96",
}


@pytest.mark.parametrize(("text", "expected"), HASH_VECTORS.items())
def test_the_hash_matches_the_fixed_vectors(text: str, expected: str) -> None:
    """Is fnv1a the FNV-1a of the text's UTF-16 code units (an emoji is two of them, as in JavaScript)?"""
    assert drafts.fnv1a(text) == expected


def _ledger(ctx: Context) -> dict:
    return json.loads(drafts.ledger(ctx).widget.value)


def test_an_autosaved_field_is_marked_and_its_stored_value_is_in_the_ledger(ctx: Context) -> None:
    """Does typing mark the field, and does the ledger show the hash of exactly what the store holds?"""
    area = widgets.Textarea()
    autosave_widget(ctx, "t.kept", area)
    slug = drafts.field_slug("t.kept")
    assert "ww-draft" in area._dom_classes and f"ww-dk-{slug}" in area._dom_classes
    assert _ledger(ctx)["saved"][slug] == drafts.fnv1a("")
    area.value = "Eerste gedachte"
    assert ctx.store.latest_answer(ctx.person.id, "t.kept").value == "Eerste gedachte"
    assert _ledger(ctx)["saved"][slug] == drafts.fnv1a("Eerste gedachte")


def test_text_the_store_refused_is_not_marked_stored(ctx: Context, write_locked) -> None:
    """While the database is locked, does the ledger keep the last stored value (so the browser keeps its copy)?"""
    area = widgets.Textarea()
    autosave_widget(ctx, "t.locked", area)
    area.value = "bewaard"
    with write_locked():
        area.value = "bewaard en meer"
    assert _ledger(ctx)["saved"][drafts.field_slug("t.locked")] == drafts.fnv1a("bewaard")


def test_a_reloaded_page_has_the_stored_value_in_its_ledger(ctx: Context) -> None:
    """A new page (kernel) loading a stored answer: is that value counted as stored from the start?"""
    area = widgets.Textarea()
    autosave_widget(ctx, "t.reload", area)
    area.value = "al opgeslagen"
    again = Context.for_person(ctx.store, ctx.person)
    autosave_widget(again, "t.reload", widgets.Textarea())
    assert _ledger(again)["saved"][drafts.field_slug("t.reload")] == drafts.fnv1a("al opgeslagen")


def test_a_form_keeps_only_its_text_fields(ctx: Context) -> None:
    """In an autosaved form, are the text fields kept (each by its own name) and a dropdown left alone?"""
    controls = {"waarom": widgets.Text(), "soort": widgets.Dropdown(options=["a", "b"])}
    autosave_form(ctx, "t.form", controls)
    assert set(_ledger(ctx)["saved"]) == {drafts.field_slug("t.form.waarom")}
    assert "ww-draft" not in controls["soort"]._dom_classes


def test_one_ledger_per_page_and_one_model_for_it(ctx: Context) -> None:
    """Several fields share the page's one ledger, which costs one widget model (shared layout and style)."""
    made = []
    for n in range(3):
        area = widgets.Textarea()
        before = len(_instances)
        autosave_widget(ctx, f"t.many{n}", area)
        made.append(len(_instances) - before)
    assert made[0] == made[1] + 1 == made[2] + 1  # the first field brings the ledger: one model more, once
    assert len(_ledger(ctx)["saved"]) == 3
    assert drafts.ledger(ctx).widget.layout is styles.plain_layout()


def test_the_participant_id_names_nobody_and_differs_per_participant(ctx: Context, groupmate: Context) -> None:
    """Is the browser key's participant id free of name and id, and not shared by two participants?"""
    mine, theirs = _ledger_who(ctx), _ledger_who(groupmate)
    assert mine != theirs
    assert ctx.person.name not in mine and str(ctx.person.id) != mine


def _ledger_who(ctx: Context) -> str:
    autosave_widget(ctx, "t.who", widgets.Textarea())
    return _ledger(ctx)["who"]


def test_a_form_without_autosave_uses_keep_and_stored(ctx: Context) -> None:
    """The hook for other forms: keep() marks the field, stored() records its current value as stored."""
    box = widgets.Textarea()
    drafts.keep(ctx, box, "logboek.nieuw")
    box.value = "nieuwe notitie"
    slug = drafts.field_slug("logboek.nieuw")
    assert _ledger(ctx)["saved"][slug] == drafts.fnv1a("")
    drafts.stored(ctx, box)
    assert _ledger(ctx)["saved"][slug] == drafts.fnv1a("nieuwe notitie")


def test_the_page_shows_its_ledger_once(monkeypatch: pytest.MonkeyPatch, db_url: str, codes) -> None:
    """Is the ledger put into the page once, after the sections that made it?"""
    from wijwerken_widgets.people.identity import SESSION_COOKIE, login
    from wijwerken_widgets.store import Store

    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    with Store.open(db_url) as store:
        _, token = login(store, next(c for c in codes if c.rol == "deelnemer").code)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    page = Page("Dag 1").show()

    def section(ctx: Context) -> widgets.Widget:
        area = widgets.Textarea()
        autosave_widget(ctx, f"t.page{len(page.sections)}", area)
        return area

    page.section(section)
    page.section(section)
    ledgers = [w for w in page.root.children if "ww-draft-ledger" in getattr(w, "_dom_classes", ())]
    assert ledgers == [drafts.ledger(page.ctx).widget]


def test_rows_of_a_row_list_are_kept_also_when_added_later(ctx: Context) -> None:
    """Is a row added after the page was built kept too, and marked stored once the list is saved?"""
    from wijwerken_widgets.ui.autosave import Autosave
    from wijwerken_widgets.ui.row_list import Column, RowList

    rows = RowList([Column("who", "Wie")], add_label="Toevoegen", remove_label="Weg", confirm_label="Zeker?",
                   empty_text="Nog niets")
    saver = Autosave(ctx, "t.rows", get_value=lambda: rows.value, set_value=lambda v: setattr(rows, "value", v),
                     empty=[])
    rows.on_change(saver.changed)
    rows.keep_fields(saver.keep_field)
    rows.add_row()
    [text] = [c for c in rows.rows_box.children[0].children if isinstance(c, widgets.Text)]
    slug = drafts.field_slug("t.rows.0.who")
    assert f"ww-dk-{slug}" in text._dom_classes
    text.value = "De wijkagent"
    assert ctx.store.latest_answer(ctx.person.id, "t.rows").value == [{"who": "De wijkagent"}]
    assert _ledger(ctx)["saved"][slug] == drafts.fnv1a("De wijkagent")
