"""The participant's vraagstuk as the later days read it: the Dag 1 answers they build on, by one key each.

Dag 1 registers and saves these (``pages/dag1/keys.py``); a later page reads them through these constants, since a
page never imports another page.
"""

from __future__ import annotations

HOOFDVRAAG = "dag1.hoofdvraag"
"""The open main question of Dag 1; Dag 3's suggested conversation questions start from it."""
