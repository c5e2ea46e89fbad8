"""Text inside inline SVG pictures (the Dag 2 grid and energy picture, the Dag 4 timeline): escaped, XML-safe."""

from __future__ import annotations

import html
import re

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def svg_text(text: object) -> str:
    """Text safe inside SVG/XML: characters XML cannot hold dropped, then escaped (quotes too)."""
    return html.escape(_INVALID_XML.sub("", str(text)), quote=True)
