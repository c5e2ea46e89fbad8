"""Dag 4's key registry: every kind of group item it writes (see ``core/keys.py``). Dag 4 saves no personal answer
besides the logboek; everything is the group's, in the ``"act"`` space, read and written by its type in
``shared/act/items.py``. Dag 4 reads Dag 3's conversations and quotes and the Dag 2 map but never writes them."""

from __future__ import annotations

from wijwerken_widgets.core.keys import ItemKind, Registry
from wijwerken_widgets.shared.act.items import SPACE, Actie, Delen, Fase, Koppeling, Reactie, Stem, Thema

THEMES = ItemKind(SPACE, Thema.KIND, "themes", "Thema",
                  "A theme of the group's rode-draden analysis: name, what belongs to it and what not, whether it is "
                  "chosen as a rode draad, and its example quotes; a merged theme is removed with samengevoegd_in.",
                  Thema, free_text=("naam", "wel", "niet"))
LINKS = ItemKind(SPACE, Koppeling.KIND, "themes", "Citaat bij thema",
                 "One quote linked to one theme (supporting or tegengeluid), who linked it and in which phase; "
                 "unlinking removes the item.", Koppeling)
PHASE = ItemKind(SPACE, Fase.KIND, "themes", "Fase van de analyse",
                 "The group's phase: silent assignment first, then together; who finished the silent part.", Fase)
VOTES = ItemKind(SPACE, Stem.KIND, "vote", "Stippen",
                 "One member's dots per theme (item id = person id), within the day's budget.", Stem)
RESPONSES = ItemKind(SPACE, Reactie.KIND, "feedback", "Reactie bij terugleggen",
                     "What the people involved said back about a rode draad (item id = the theme's): recognised, "
                     "partly, not; what they added; what the group changed afterwards.", Reactie,
                     free_text=("aanvulling", "veranderd"))
ACTIONS = ItemKind(SPACE, Actie.KIND, "plan", "Actie",
                   "An action of the actieplan: what, why (rode draden), owner, with whom, start and due date, what "
                   "is needed, how we will know it works, and the 15 % question.", Actie,
                   free_text=("wat", "waarom", "met_wie", "nodig", "merkbaar"))

SHARE = ItemKind(SPACE, Delen.KIND, "share", "Delen voor kruisbestuiving",
                 "Whether the group shares its rode draden (name, what belongs to it) and its actions' wat with the "
                 "trainers' kruisbestuiving page (other municipalities side by side); off by default. Shown under "
                 "the plan, but its own exercise name without a title: an optional choice never counts in the "
                 "progress box or the trainer's matrix.", Delen)

REGISTRY = Registry(page="dag4", items=(THEMES, LINKS, PHASE, VOTES, RESPONSES, ACTIONS, SHARE))
