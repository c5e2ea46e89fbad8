"""Groups of other municipalities that chose to share for kruisbestuiving, put in a store directly."""

from __future__ import annotations

import secrets

from wijwerken_widgets.shared.act.items import Actie, Delen, Thema
from wijwerken_widgets.store import ItemChange, Store


def share(store: Store, gemeente: str, theme: str, member: str) -> None:
    """A cohort of ``gemeente`` with one group that shares a rode draad and an action naming ``member``."""
    cohort = store.add_cohort(f"k-{secrets.token_hex(3)}", gemeente, f"Cohort {gemeente}", {})
    group = store.add_group(cohort.id, "Groep", "extern")
    person = store.add_person(cohort.id, member, "deelnemer", secrets.token_hex(8), group_id=group.id)
    store.save_items("act", group.id, [
        ItemChange(Thema.KIND, "t1", Thema("t1", naam=theme, wel="Wat erbij hoort", gekozen=True).data()),
        ItemChange(Actie.KIND, "a1", Actie("a1", wat=f"Wandeling met {member}").data()),
        ItemChange(Delen.KIND, Delen.ID, Delen(aan=True).data()),
    ], person_id=person.id, client_id="test")
