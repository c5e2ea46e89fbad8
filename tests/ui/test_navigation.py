"""Links between the pages: the navigation, previous/next and the footer (texts: ``navigation`` of algemeen.yaml)."""

from __future__ import annotations

import re

from wijwerken_widgets.pages.start import texts as start_texts
from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.navigation import end_html, nav_html, neighbours


def hrefs(markup: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', markup)


def test_does_the_navigation_list_every_page_with_relative_links_and_mark_the_current_one() -> None:
    markup = nav_html("dag2.ipynb")
    assert markup.startswith('<nav class="ww-nav" aria-label="')
    assert hrefs(markup) == ["start.ipynb", "dag1.ipynb", "dag2.ipynb", "dag3.ipynb", "dag4.ipynb",
                             "maanden.ipynb", "pechakucha.ipynb",
                             "logboek.ipynb"]
    assert markup.count('aria-current="page"') == 1
    assert '<a href="dag2.ipynb" aria-current="page">' in markup


def test_does_each_day_link_back_and_on_and_the_logboek_only_to_the_accessibility_page() -> None:
    assert [p.workbook for p in neighbours("dag1.ipynb")] == ["start.ipynb", "dag2.ipynb"]
    dag1 = end_html("dag1.ipynb")
    assert "Verder naar Dag 2: de stakeholderkaart →" in dag1 and 'rel="next"' in dag1
    assert hrefs(dag1) == ["start.ipynb", "dag2.ipynb", "toegankelijkheid.ipynb"]
    assert hrefs(end_html("dag3.ipynb")) == ["dag2.ipynb", "dag4.ipynb", "toegankelijkheid.ipynb"]
    assert hrefs(end_html("dag4.ipynb")) == ["dag3.ipynb", "maanden.ipynb", "toegankelijkheid.ipynb"]
    assert hrefs(end_html("maanden.ipynb")) == ["dag4.ipynb", "pechakucha.ipynb", "toegankelijkheid.ipynb"]
    assert hrefs(end_html("pechakucha.ipynb")) == ["maanden.ipynb", "toegankelijkheid.ipynb"]
    assert hrefs(end_html("logboek.ipynb")) == ["toegankelijkheid.ipynb"]
    assert '<footer class="ww-footer"><a href="toegankelijkheid.ipynb">Toegankelijkheid</a></footer>' in dag1


def test_does_the_start_pages_programme_link_only_to_pages_of_the_navigation() -> None:
    """The navigation is the one list of pages: the programme on the start page may not link elsewhere."""
    pages = [p.workbook for p in texts.load().navigation.pages]
    linked = [day.workbook for day in start_texts.load().programme.days if day.available and day.workbook]
    assert linked and all(workbook in pages for workbook in linked)
    assert [w for w in pages if w in linked] == linked  # same order


def test_a_page_the_cohort_turned_off_is_left_out_of_the_navigation_and_of_previous_and_next() -> None:
    off = {"dag2", "pechakucha"}
    assert "dag2.ipynb" not in hrefs(nav_html("dag1.ipynb", off))
    assert "pechakucha.ipynb" not in hrefs(nav_html("dag1.ipynb", off))
    assert [p.workbook for p in neighbours("dag1.ipynb", off)] == ["start.ipynb", "dag3.ipynb"]
    assert "Verder naar Dag 3" in end_html("dag1.ipynb", off)
