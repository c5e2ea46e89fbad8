"""Dag 2: the map as a table (pandas): search, sort, and edit many rows at once as spreadsheet text."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button
from wijwerken_widgets.ui.notices import message

PAGE_ROWS = 50
SORTS = [("Naam", "naam"), ("Invloed (hoog eerst)", "invloed"), ("Belang (hoog eerst)", "belang"),
         ("Soort", "soort"), ("Houding", "houding")]


class StakeholderTable(widgets.VBox):
    """A read-only, escaped HTML table with search and sort, and a tab-separated editor for bulk changes."""

    def __init__(self, session: MapSession) -> None:
        self.session = session
        self.search = widgets.Text(placeholder="Zoek op naam, soort of notitie", description="Zoeken",
                                   continuous_update=True)
        self.sort = widgets.Dropdown(options=SORTS, value="naam", description="Sorteer op")
        self.page = widgets.BoundedIntText(1, min=1, max=1, description="Pagina", layout=widgets.Layout(width="160px"))
        self.table = widgets.HTML(layout=styles.layout(), _dom_classes=("ww-table-wrap",))
        self.editor = widgets.Textarea(rows=10, layout=styles.layout(), _dom_classes=("ww-tsv",))
        self.edit_button = button("Bewerk als tabel", "table")
        self.save_button = button("Tabel opslaan", "check", "ww-primary")
        self.editor_box = widgets.VBox(
            [widgets.HTML("<p class='ww-hint'>Eén rij per stakeholder, kolommen gescheiden door tabs. Je kunt alles "
                          "kopiëren naar Excel, daar aanpassen en terugplakken. Rijen met een nieuwe naam worden "
                          "toegevoegd; weghalen doe je in het formulier.</p>"), self.editor, self.save_button],
            layout=widgets.Layout(display="none"),
        )
        self.feedback = widgets.VBox(layout=styles.plain_layout())
        for control in (self.search, self.sort, self.page):
            control.observe(lambda _: self.render(), names="value")
        self.edit_button.on_click(lambda _: self.open_editor())
        self.save_button.on_click(lambda _: self.save_editor())
        controls = widgets.HBox([self.search, self.sort, self.page], layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([controls, self.table, self.edit_button, self.editor_box, self.feedback],
                         layout=styles.layout(), _dom_classes=("ww-stakeholder-table",))
        session.on_change(lambda _: self.render())
        self.render()

    def frame(self):
        """The rows shown: filtered by the search text and sorted."""
        from wijwerken_widgets.shared.stakeholders import tables

        frame = tables.stakeholder_frame(self.session.map)
        if needle := self.search.value.strip().casefold():
            text = frame[["naam", "soort", "notitie"]].astype(str).agg(" ".join, axis=1).str.casefold()
            frame = frame[text.str.contains(needle, regex=False)]
        descending = self.sort.value in ("invloed", "belang")
        key = (lambda col: col.astype(str).str.casefold()) if not descending else None
        return frame.sort_values(self.sort.value, ascending=not descending, key=key, kind="stable")

    def render(self) -> None:
        frame = self.frame()
        pages = max(1, -(-len(frame) // PAGE_ROWS))
        self.page.max = pages
        start = (min(self.page.value, pages) - 1) * PAGE_ROWS
        shown = frame.iloc[start:start + PAGE_ROWS]
        if shown.empty:
            self.table.value = "<p class='ww-hint'>Geen stakeholders gevonden.</p>"
            return
        caption = f"{len(frame)} stakeholders" + (f", pagina {start // PAGE_ROWS + 1} van {pages}" if pages > 1 else "")
        table = shown.rename(columns=lambda c: c.replace("_", " ").capitalize()).to_html(
            index=False, escape=True, border=0, classes="ww-table", na_rep="")
        self.table.value = f"<p class='ww-hint'>{caption}</p>{table}"

    def open_editor(self) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        self.editor.value = tables.stakeholder_frame(self.session.map).to_csv(sep="\t", index=False)
        self.editor_box.layout.display = ""

    def save_editor(self) -> None:
        from wijwerken_widgets.shared.stakeholders import tables

        result = tables.parse_pasted(self.editor.value)
        new, updated = tables.merge_into(self.session.map, result.stakeholders, given=result.given)
        try:
            self.session.add([*new, *updated])
        except StoreUnavailable as exc:
            self.feedback.children = [message(exc.message, "error")]
            return
        notes = [message(f"{len(new)} toegevoegd, {len(updated)} gewijzigd.", "success")]
        notes += [message(problem, "warning") for problem in result.problems[:10]]
        self.feedback.children = notes
        self.editor_box.layout.display = "none"
