"""The pecha kucha file: self-contained (no http(s) reference, nothing it may load), every typed text escaped, each
slide's alt text as its accessible description, and the timing the script reads."""

from __future__ import annotations

import re

from wijwerken_widgets.pages.pechakucha import texts
from wijwerken_widgets.pages.pechakucha.deck import Slide
from wijwerken_widgets.pages.pechakucha.slideshow import slideshow_html

CONTENT = texts.load()
EVIL = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>'


def make(*slides: Slide, title: str = f"Pecha kucha van {EVIL}") -> str:
    return slideshow_html(list(slides), CONTENT, title, "Noor · 7 december 2026").decode()


def test_the_file_refers_to_nothing_outside_itself() -> None:
    page = make(*(Slide(f"s{n}", f"Titel {n}", "Tekst", "Beschrijving") for n in range(20)), title="Pecha kucha")
    assert not re.search(r"https?://", page, re.IGNORECASE)
    assert not re.search(r"<(link|img|iframe)\b|\ssrc=|url\(|@import", page, re.IGNORECASE)
    assert "default-src 'none'" in page and page.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert page.count("<script") == 2  # the words as JSON, and the slideshow itself, both inline


def test_everything_typed_is_escaped() -> None:
    page = make(Slide("s1", EVIL, EVIL, EVIL))
    assert "<img" not in page and "<script>alert" not in page and 'onerror="' not in page
    assert page.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") == 5  # <title>, <h1>, heading, text, alt


def test_each_slide_has_its_alt_text_as_description_and_the_timing() -> None:
    page = make(Slide("s1", "Mijn vraagstuk", "Hoe helpen we?", "Tekstdia met mijn vraag."),
                Slide("s2", "Tweede", "", "Tweede beschrijving."))
    assert 'data-seconds="20"' in page
    assert 'aria-describedby="dia-1-alt"' in page
    assert '<p class="pk-description pk-visually-hidden" id="dia-1-alt">Beschrijving: Tekstdia met mijn vraag.</p>' \
        in page
    assert "Dia 1 van 2" in page and "Hoe helpen we?" in page and "@media print" in page
