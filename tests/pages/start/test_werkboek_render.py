"""The werkboek as files: a self-contained web page that prints a day per page, and Markdown; both escaped."""

from __future__ import annotations

import re

from tests.support.werkboek import NAVIGATION, WORDS, as_html, as_markdown, note, save
from wijwerken_widgets import pages
from wijwerken_widgets.pages.start.werkboek_render import md_escape
from wijwerken_widgets.ui.context import Context

SCRIPT = "<script>alert(1)</script>"


def test_is_typed_markup_shown_as_text_in_the_web_page(ctx: Context) -> None:
    save(ctx, "dag1.probleem", f"{SCRIPT} & <b>vet</b>")
    note(ctx, '<img src=x onerror="alert(2)">')
    page = as_html(ctx)
    assert "<script" not in page.lower() and "<img" not in page and "<b>vet" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page


def test_does_the_web_page_load_nothing_from_elsewhere(ctx: Context) -> None:
    page = as_html(ctx)
    assert '<html lang="nl">' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"<(script|link|iframe|img)\b", page)


def test_does_every_day_start_on_a_new_printed_page(ctx: Context) -> None:
    page = as_html(ctx)
    rule = re.search(r"@media print \{[^@]*\.ww-wb-day \{[^}]*break-before: page", page)
    assert rule is not None and "@page { size: A4" in page
    registered = {f"{registry.page}.ipynb" for registry in pages.registries()}
    days = [name for workbook, name in NAVIGATION if workbook in registered]
    assert len(days) >= 4
    sections = re.findall(r'<section class="ww-wb-day[^"]*" id="([^"]+)"><h2>([^<]+)</h2>', page)
    assert [title for _id, title in sections] == [*days, WORDS.logbook_title]
    assert all(f'href="#{anchor}"' in page for anchor, _title in sections)  # the contents link to each day


def test_is_the_markdown_escaped_and_complete(ctx: Context) -> None:
    save(ctx, "dag1.probleem", f"{SCRIPT}\n# geen kop\n- geen lijst\n1. geen nummer\n*geen nadruk* [geen link](x)")
    note(ctx, "Mijn *privé* stukje", "prive")
    text = as_markdown(ctx)
    assert text.startswith(f"# {WORDS.document_title}\n")
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\# geen kop" in text and "\\- geen lijst" in text and "1\\. geen nummer" in text
    assert "\\*geen nadruk\\* \\[geen link\\](x)" in text
    assert "Mijn \\*privé\\* stukje" in text and f"({WORDS.sharing.prive})" in text
    for _workbook, name in NAVIGATION[1:5]:
        assert f"\n## {name}\n" in text


def test_does_md_escape_leave_plain_text_alone() -> None:
    assert md_escape("Gewoon een zin, met 3 woorden.") == "Gewoon een zin, met 3 woorden."
    assert md_escape("  > citaat\n+ plus\n= streep") == "\\> citaat\n\\+ plus\n\\= streep"


def test_does_rendered_markdown_show_typed_markup_as_text(ctx: Context) -> None:
    """Rendered by a Markdown renderer that lets raw HTML through, does the typed script stay text, and does each
    stakeholder of the map stay one list item?"""
    import mistune

    from tests.support.dag3 import new_map

    save(ctx, "dag1.probleem", f"{SCRIPT}\n**niet vet**")
    new_map(ctx, {"naam": "<b>Wijkraad</b>", "soort": "inwoner"}, {"naam": "Ondernemer", "soort": "ondernemer"})
    rendered = mistune.create_markdown(escape=False)(as_markdown(ctx))
    assert "<script" not in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<strong>niet vet</strong>" not in rendered and "**niet vet**" in rendered
    assert "<b>Wijkraad" not in rendered and "&lt;b&gt;Wijkraad&lt;/b&gt;" in rendered
    stakeholders = rendered.split("<h4>Stakeholder</h4>", 1)[1].split("<h2>", 1)[0]
    assert stakeholders.count("<li><ul>") == 2 and stakeholders.count("<ol>") == 1
