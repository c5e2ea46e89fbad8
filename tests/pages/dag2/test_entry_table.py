"""Dag 2's table of the map: search, sort, and saving many rows at once as spreadsheet text."""

from __future__ import annotations

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.entry_table import StakeholderTable
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_search_sort_and_an_empty_result(ctx: Context) -> None:
    """Does the table find by name or note, sort by invloed (high first) and say when nothing matches?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent", "invloed": 2}),
                 validate_stakeholder({"naam": "Wethouder", "invloed": 5, "notitie": "<b>beslist</b>"})])
    table = StakeholderTable(session)
    assert "2 stakeholders" in table.table.value
    table.sort.value = "invloed"
    assert table.table.value.index("Wethouder") < table.table.value.index("Wijkagent")
    table.search.value = "beslist"
    assert "1 stakeholder<" in table.table.value and "Wijkagent" not in table.table.value
    assert "<b>beslist" not in table.table.value  # escaped
    table.search.value = "niemand"
    assert "Geen stakeholders gevonden." in table.table.value


def test_saving_the_editor_says_what_happened_on_one_line(ctx: Context) -> None:
    """Does saving pasted rows add and change stakeholders, and report that and any skipped row in one line?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent", "invloed": 2})])
    table = StakeholderTable(session)
    table.open_editor()
    assert table.editor.value.startswith("naam\t")
    table.editor.value = "naam\tinvloed\nWijkagent\t4\nBuurman\t3\nKapot\t9\n"
    table.save_editor()
    assert {s.naam: s.invloed for s in session.map.stakeholders} == {"Wijkagent": 4, "Buurman": 3}
    said = table.feedback.text
    assert said.startswith("1 toegevoegd, 1 gewijzigd.") and "Regel 4: Invloed" in said
    assert "ww-notice-warning" in table.feedback.value
    assert table.editor_box.layout.display == "none"
    table.open_editor()
    table.editor.value = "naam\nNieuw\n"
    table.save_editor()
    assert table.feedback.text == "1 toegevoegd, 0 gewijzigd." and "ww-notice-success" in table.feedback.value


def test_a_groupmates_change_made_while_i_edit_the_table_survives_my_save(ctx: Context, groupmate: Context) -> None:
    """I open the table editor; a groupmate then changes one stakeholder's note, and my kernel sees it; I change
    its invloed in the table and save: are both in the map (my table's old note is not written back)?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "Wijkagent", "invloed": 2, "notitie": "oud"})])
    table = StakeholderTable(mine)
    table.open_editor()
    theirs.reload()
    [agent] = theirs.map.stakeholders
    theirs.edit(validate_stakeholder({"naam": "Wijkagent", "invloed": 2, "notitie": "kent de buurt"},
                                     item_id=agent.id), theirs.version("stakeholder", agent.id))
    mine.reload()
    header, row = (line.split("\t") for line in table.editor.value.splitlines()[:2])
    assert row[header.index("notitie")] == "oud"  # the table still shows the old note
    row[header.index("invloed")] = "5"
    table.editor.value = "\t".join(header) + "\n" + "\t".join(row) + "\n"
    table.save_editor()
    [agent] = mine.map.stakeholders
    assert (agent.invloed, agent.notitie) == (5, "kent de buurt")


def test_the_table_has_a_caption_headers_and_fits_with_energy_in_one_column(ctx: Context) -> None:
    """Is the table a captioned table with column headers in a focusable box that scrolls on a phone, with the
    energy now and desired in one column (so that it fits a laptop's column)?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent", "energie_nu": "weerstand", "energie_gewenst": "trekker"})])
    html = StakeholderTable(session).table.value
    assert html.startswith('<div class="ww-scroll" role="region" tabindex="0" aria-label="1 stakeholder">')
    assert "<caption>1 stakeholder</caption>" in html
    assert "<th>" not in html and '<th scope="col">Energie nu → gewenst</th>' in html
    assert "<td>Weerstand → Trekker</td>" in html


def test_the_functie_column_shows_once_someone_has_one_and_is_searched(ctx: Context) -> None:
    """Is the functie column left out while nobody on the map has one, shown (escaped) when someone has, and does
    the search find a stakeholder by functie?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Jansen"}), validate_stakeholder({"naam": "Pieters"})])
    table = StakeholderTable(session)
    assert '<th scope="col">Functie</th>' not in table.table.value
    session.add([validate_stakeholder({"naam": "Pieters", "functie": "wijkagent <Noord>"},
                                      item_id=session.map.find("Pieters").id)])
    assert '<th scope="col">Functie</th>' in table.table.value
    assert "<td>wijkagent &lt;Noord&gt;</td>" in table.table.value
    table.search.value = "WIJKAGENT"
    assert "Pieters" in table.table.value and "Jansen" not in table.table.value


def test_a_functie_typed_in_the_table_editor_is_saved(ctx: Context) -> None:
    """Does the editor show the functie column, and does a functie typed there reach the map?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Jansen", "invloed": 4})])
    table = StakeholderTable(session)
    table.open_editor()
    header, row = (line.split("\t") for line in table.editor.value.splitlines()[:2])
    assert header[:2] == ["naam", "functie"]
    row[header.index("functie")] = "teamleider"
    table.editor.value = "\t".join(header) + "\n" + "\t".join(row) + "\n"
    table.save_editor()
    [jansen] = session.map.stakeholders
    assert (jansen.functie, jansen.invloed) == ("teamleider", 4)
