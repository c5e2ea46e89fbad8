"""The demo's filled example group: it loads, names only what exists, and fills Dag 2, 3 and 4 as the pages read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.dag4 import act_session, sources
from wijwerken_widgets.app.example_group import FILE, add_example_group, load_example
from wijwerken_widgets.content.loader import ContentError
from wijwerken_widgets.core import paths
from wijwerken_widgets.shared.act import evidence
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


def test_the_example_group_fills_every_day_with_consent_respected(store: Store, codes) -> None:
    issued = add_example_group(store, store.cohorts()[0])
    assert [c.groep for c in issued] == ["Voorbeeldgroep"] * 3 and len({c.code for c in issued}) == 3
    group = store.groups(1)[-1]
    member = next(p for p in store.people(1) if p.group_id == group.id)
    ctx = Context.for_person(store, member)
    found, act = sources(ctx), act_session(ctx)
    assert len(found.held) == 8 and len(found.stakeholders) == 9
    assert all(q.stakeholder != "Ontmoetingsplek Zuid" for q in found.quotes)  # the conversation without consent
    assert [found.stakeholders[s].naam for s in evidence.unheard(found.stakeholders, found.held)] == [
        "Ondernemersvereniging Centrum"]
    badges = {t.naam: e.badge for t in act.themes() for e in [evidence.evidence(act.themes(), act.links(),
                                                                                found.quotes)[t.id]]}
    assert badges["Van het kastje naar de muur"] == evidence.BROAD and badges["Snelheid"] == evidence.THIN
    assert sum(t.gekozen for t in act.themes()) == 3 and len(act.actions()) == 4 and act.phase().fase == "samen"


def test_a_name_the_example_does_not_have_is_reported_with_file_and_line(tmp_path: Path) -> None:
    text = (paths.exercises_dir() / FILE).read_text(encoding="utf-8")
    broken = tmp_path / "voorbeeldgroep.yaml"
    broken.write_text(text.replace("citaten: [kastje1, kastje2", "citaten: [kastje9, kastje2"), encoding="utf-8")
    with pytest.raises(ContentError, match="kastje9"):
        load_example(broken)
    assert load_example().groep == "Voorbeeldgroep"
