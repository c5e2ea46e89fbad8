"""Dag 2's invloed × belang grid as a page section: drawn from the group's map, redrawn when the map changes."""

from __future__ import annotations

from wijwerken_widgets.pages import dag2
from wijwerken_widgets.pages.dag2.grid import GridView
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import page_map
from wijwerken_widgets.ui.context import Context


def _grid(section) -> GridView:
    return next(w for w in section.children if isinstance(w, GridView))


def test_the_section_draws_the_map_and_follows_a_change(ctx: Context) -> None:
    """Does the grid show a stakeholder added after it was drawn, with its name escaped?"""
    section = dag2.grid.section(ctx)
    grid = _grid(section)
    assert "<svg" in grid.value
    page_map(ctx).add([validate_stakeholder({"naam": "Wijk <b>agent</b>", "invloed": 5, "belang": 4})])
    assert "Wijk &lt;b&gt;agent&lt;/b&gt;" in grid.value and "<b>agent" not in grid.value


def test_someone_in_no_group_gets_nothing(ctx: Context) -> None:
    """Is the section hidden for a deelnemer who is in no group, so has no map to show?"""
    person = ctx.store.add_person(ctx.person.cohort_id, "Lotte Los", "deelnemer", "hash-lotte")
    assert dag2.grid.section(Context.for_person(ctx.store, person)).layout.display == "none"
