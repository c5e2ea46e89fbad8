"""Typed names in HTML and plain text: escaped, without hidden characters, isolated from the text around them."""

from __future__ import annotations

from wijwerken_widgets.core.html import Html, escaped, format_html, name_html, notice_html
from wijwerken_widgets.core.text import isolated


def test_a_name_is_escaped_stripped_of_controls_and_put_in_a_bdi() -> None:
    """Is a name with markup and a right-to-left override escaped, the override gone, all in one <bdi>?"""
    shown = name_html("<script>alert(1)</script>\u202e Jansen")
    assert shown == "<bdi>&lt;script&gt;alert(1)&lt;/script&gt; Jansen</bdi>"
    assert isinstance(shown, Html)
    assert name_html("سارة") == "<bdi>سارة</bdi>"


def test_a_sentence_isolates_its_names_and_keeps_its_numbers_and_html() -> None:
    """Does format_html escape the template, put each text value in a <bdi>, and fill in numbers and Html as
    they are?"""
    sentence = format_html("{naam} & co: {n} {wat}", naam="דנה", n=3, wat=escaped("<b>"))
    assert sentence == "<bdi>דנה</bdi> &amp; co: 3 &lt;b&gt;"
    assert format_html("{wie}", wie=name_html("x")) == "<bdi>x</bdi>"  # not isolated twice


def test_a_notice_takes_html_made_here_as_it_is() -> None:
    """Does a notice show a format_html sentence as HTML, and any other text escaped?"""
    assert notice_html(format_html("Welkom {naam}", naam="<i>")) == (
        '<div class="ww-notice ww-notice-info">Welkom <bdi>&lt;i&gt;</bdi></div>')
    assert "&lt;bdi&gt;" in notice_html("<bdi>")


def test_a_name_in_plain_text_sits_between_isolates() -> None:
    """Is a name for a label or tooltip wrapped in U+2068 … U+2069, with its own controls removed?"""
    assert isolated("\u202eسارة\u200b") == "\u2068سارة\u2069"
