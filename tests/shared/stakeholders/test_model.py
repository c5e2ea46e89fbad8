"""A stakeholder's fields checked and cleaned (``model.py``); here the optional ``functie``."""

from __future__ import annotations

import pytest

from tests.support.maps import map_session
from wijwerken_widgets.shared.stakeholders.model import (
    MAX_FUNCTIE,
    InvalidInput,
    Stakeholder,
    validate_stakeholder,
)
from wijwerken_widgets.store import MapChange
from wijwerken_widgets.ui.context import Context

OLD_DATA = {"naam": "Wijkagent Noord", "soort": "ketenpartner", "positie": "extern", "invloed": 4, "belang": 3,
            "houding": "neutraal", "energie_nu": "neutraal", "energie_gewenst": "steunend", "notitie": "Kent de buurt"}
"""A stakeholder as it was stored before ``functie`` existed."""


def test_functie_is_optional_and_empty_by_default() -> None:
    """Does a stakeholder without a functie get an empty one, which is stored like the other fields?"""
    agent = validate_stakeholder({"naam": "Wijkagent"})
    assert agent.functie == ""
    assert agent.data()["functie"] == ""
    assert validate_stakeholder({"naam": "Wijkagent", "functie": None}).functie == ""


def test_functie_is_cleaned_like_the_name() -> None:
    """Are whitespace runs, control and zero-width characters taken out, and "é" typed either way the same?"""
    typed = validate_stakeholder({"naam": "Jansen", "functie": "  Wethouder\t\n  Sociaal\u200b   Domein\x07 "})
    assert typed.functie == "Wethouder Sociaal Domein"
    decomposed = validate_stakeholder({"naam": "Jansen", "functie": "Re\u0301gisseur"})
    assert decomposed.functie == "Régisseur" and len(decomposed.functie) == len("Régisseur")


def test_a_functie_of_the_longest_length_is_kept() -> None:
    assert validate_stakeholder({"naam": "Jansen", "functie": "x" * MAX_FUNCTIE}).functie == "x" * MAX_FUNCTIE


def test_a_too_long_functie_gets_a_dutch_message_naming_the_field() -> None:
    """Is a functie over the limit refused with a Dutch message that says which field and how long it may be?"""
    with pytest.raises(InvalidInput) as refused:
        validate_stakeholder({"naam": "Jansen", "functie": "x" * (MAX_FUNCTIE + 1)})
    assert refused.value.message.startswith("De functie of rol is te lang")
    assert f"meer dan {MAX_FUNCTIE} tekens" in refused.value.message


def test_stored_data_from_before_functie_loads_with_an_empty_one() -> None:
    """Does a stakeholder stored without ``functie`` load with every other field as stored and an empty functie?"""
    agent = Stakeholder.from_data("s1", OLD_DATA)
    assert agent.functie == ""
    assert agent.data() == {**OLD_DATA, "functie": ""}
    assert agent == validate_stakeholder(OLD_DATA, item_id="s1")


def test_a_map_stored_before_functie_loads_in_the_group_session_and_takes_one(ctx: Context) -> None:
    """Does an old version in the store reach the map, and does adding a functie to it keep its other fields?"""
    ctx.store.save_map_changes(ctx.group.id, [MapChange("stakeholder", "s1", OLD_DATA)], person_id=ctx.person.id,
                               client_id="old-kernel")
    session = map_session(ctx)
    [agent] = session.map.stakeholders
    assert (agent.id, agent.naam, agent.functie, agent.invloed) == ("s1", "Wijkagent Noord", "", 4)
    session.edit(validate_stakeholder({**agent.data(), "functie": "wijkagent"}, item_id="s1"),
                 session.version("stakeholder", "s1"))
    [again] = map_session(ctx).map.stakeholders
    assert again.functie == "wijkagent" and again.notitie == "Kent de buurt" and again.soort == "ketenpartner"
