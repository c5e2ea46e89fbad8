"""Dag 1, oefening 5: the vraagstuk on one card, derived from the stored answers."""

from __future__ import annotations

from wijwerken_widgets.pages import dag1
from wijwerken_widgets.ui.context import Context


def test_summary_card_shows_answers_literally_and_updates_after_saves(ctx: Context) -> None:
    """Does the card escape participant text and follow new answers without a reload?"""
    card = dag1.summary_card.section(ctx)
    assert "Nog niet ingevuld" in card.card.value
    exercise = dag1.problem_statement.section(ctx)
    exercise.inputs["hoofdvraag"].value = "<img src=x onerror=alert(1)> Hoe dan?"
    assert "&lt;img src=x onerror=alert(1)&gt; Hoe dan?" in card.card.value
    assert "<img" not in card.card.value


def test_the_card_downloads_as_a_page_of_its_own_with_the_answers_escaped(ctx: Context) -> None:
    """Is the download link a self-contained HTML file (its own print CSS) holding the escaped answers?"""
    import base64
    import re

    card = dag1.summary_card.section(ctx)
    dag1.problem_statement.section(ctx).inputs["doel"].value = "Buurt <b>samen</b> & veilig"
    link = re.search(r'download="(mijn-vraagstuk-\d{4}-\d\d-\d\d\.html)" href="data:text/html;base64,([^"]+)"',
                     card.download.value)
    assert link is not None and f"Download {link[1]}" in card.download.value
    page = base64.b64decode(link[2]).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "@page { size: A4" in page and "<link" not in page and "<script" not in page
    assert "Buurt &lt;b&gt;samen&lt;/b&gt; &amp; veilig" in page and "<b>samen" not in page
    assert "<h1>Mijn vraagstuk op één kaart</h1>" in page and ctx.person.name in page
