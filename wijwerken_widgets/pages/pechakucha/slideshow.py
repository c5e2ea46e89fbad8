"""The pecha kucha as one self-contained HTML file: every slide, its own small slideshow script and styles
(``slideshow.js``, ``slideshow.css`` beside this module) inlined, and a Content-Security-Policy that lets the file
load nothing at all, so it works offline and never makes a request.

Everything the participant typed is escaped; each slide's alt text is its accessible description
(``aria-describedby``, read by a screen reader, printed on the handout). The words of the controls come from the
page's YAML (``show``) as a JSON block the script reads.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.core.text import without_hidden

if TYPE_CHECKING:
    from wijwerken_widgets.pages.pechakucha.deck import Slide
    from wijwerken_widgets.pages.pechakucha.schema import PechakuchaContent

HERE = Path(__file__).parent
SCRIPT, STYLES = HERE / "slideshow.js", HERE / "slideshow.css"
POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
"""Nothing may be loaded or sent: the file's one script and its styles are inline."""
MIME = "text/html"


def _text(value: str) -> str:
    """Typed text as HTML: escaped, without hidden characters (the styles keep its line breaks)."""
    return html.escape(without_hidden(value.strip()))


def _slide(slide: Slide, number: int, total: int, description: str) -> str:
    ident = f"dia-{number}"
    text = f'<p class="pk-text">{_text(slide.tekst)}</p>' if slide.tekst.strip() else ""
    return (f'<section class="pk-slide" id="{ident}" aria-labelledby="{ident}-titel" '
            f'aria-describedby="{ident}-alt">\n'
            f'<p class="pk-number">{number} / {total}</p>\n'
            f'<h2 id="{ident}-titel">{_text(slide.titel)}</h2>\n{text}\n'
            f'<p class="pk-description pk-visually-hidden" id="{ident}-alt">{html.escape(description)} '
            f"{_text(slide.alt)}</p>\n</section>\n")


def slideshow_html(deck: Sequence[Slide], content: PechakuchaContent, title: str, meta: str = "") -> bytes:
    """The file: ``deck`` in order, each slide ``content.seconds`` seconds; ``title`` and ``meta`` (plain text)
    head the printed handout."""
    words = content.show
    total = len(deck)
    script_words = json.dumps(dict(vars(words)), ensure_ascii=False).replace("<", "\\u003c")
    slides = "".join(_slide(s, n, total, words.description) for n, s in enumerate(deck, start=1))
    header = [("summary_slide", words.summary_slide), ("summary_name", words.summary_name),
              ("summary_time", words.summary_time), ("summary_verdict", words.summary_verdict)]
    head_cells = "".join(f'<th scope="col">{html.escape(text)}</th>' for _, text in header)
    meta_html = f'<p class="pk-handout-title">{html.escape(meta)}</p>' if meta else ""
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
{STYLES.read_text(encoding="utf-8")}</style>
</head>
<body>
<div id="pk" data-seconds="{content.seconds}" data-current="1">
<div class="pk-bar" role="group" aria-label="{html.escape(words.controls_label)}">
<button type="button" id="pk-previous">{html.escape(words.previous)}</button>
<button type="button" id="pk-play" aria-pressed="false">{html.escape(words.pause)}</button>
<button type="button" id="pk-next">{html.escape(words.next)}</button>
<button type="button" id="pk-rehearse" aria-pressed="false">{html.escape(words.rehearse)}</button>
<span id="pk-counter">{html.escape(words.counter.format(nummer=1, totaal=total))}</span>
<span id="pk-timer" class="pk-timer" role="timer">{html.escape(words.left.format(seconden=content.seconds))}</span>
<span class="pk-help">{html.escape(words.keys_help)}</span>
</div>
<main class="pk-stage">
<h1 class="pk-handout-title pk-visually-hidden">{html.escape(title)}</h1>
{meta_html}
{slides}<section class="pk-summary" id="pk-summary" hidden tabindex="0" aria-labelledby="pk-summary-title">
<h2 id="pk-summary-title">{html.escape(words.summary_title)}</h2>
<p class="pk-total"></p>
<table><thead><tr>{head_cells}</tr></thead><tbody></tbody></table>
</section>
</main>
</div>
<script type="application/json" id="pk-words">{script_words}</script>
<script>
{SCRIPT.read_text(encoding="utf-8")}</script>
</body>
</html>
"""
    return page.encode("utf-8")
