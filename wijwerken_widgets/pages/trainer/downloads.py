"""Downloads for trainers, made on the click: the progress matrix, and every answer the trainer may see (each
participant's answers on the training days and the logboek entries shared with the trainer; never a privé entry,
never the logboek's unsent draft), as CSV (``;``, UTF-8 with BOM) or Excel, cells defused as in every export."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.pages.trainer import progress, texts
from wijwerken_widgets.pages.trainer.matrix import day_titles, matrices
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.files import file_link_html

if TYPE_CHECKING:
    import pandas as pd


CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ANSWER_COLUMNS = ["deelnemer", "groep", "dag", "oefening", "onderdeel", "antwoord", "opgeslagen"]


def progress_table(ctx: Context) -> pd.DataFrame:
    """One row per participant, one column per day and exercise, each cell the state's word."""
    import pandas as pd

    content = texts.load()
    part = content.exercises.matrix
    rows = []
    for matrix in matrices(ctx):
        for row in matrix.rows:
            line: dict[str, Any] = {part.participant_header: row.name, part.group_header: row.group or ""}
            for day in matrix.days:
                for column in day.columns:
                    line[f"{day.title} · {column.title}"] = getattr(content.states, row.states[(column.page,
                                                                                                  column.exercise)]).label
            rows.append(line)
    return pd.DataFrame(rows)


def as_text(value: Any) -> str:
    """A stored answer as readable text: records as "veld: waarde" lines, lists one line each."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(f"{k}: {as_text(v)}" for k, v in value.items() if as_text(v).strip())
    if isinstance(value, (list, tuple)):
        return "\n".join(t for v in value if (t := as_text(v)).strip())
    return json.dumps(value, ensure_ascii=False)


def answers_table(ctx: Context) -> pd.DataFrame:
    """Every training day's answer of each participant of the trainer's cohorts (the latest version), then the
    logboek entries shared with the trainer; nothing for anyone else."""
    import pandas as pd

    from wijwerken_widgets import pages
    from wijwerken_widgets.core.dutch import LOCAL_TIME
    from wijwerken_widgets.shared.logbook import texts as logbook_texts
    from wijwerken_widgets.shared.logbook.widget import entry_day

    if not access.for_trainer(ctx):
        return pd.DataFrame([], columns=ANSWER_COLUMNS)
    titles = day_titles()
    days = [(titles.get(r.page, r.page), r, pages.exercise_titles(r.page)) for _n, r in progress.day_registries()]
    rows = []
    groups = {g.id: g.name for cohort in access.trainer_cohorts(ctx) for g in ctx.store.groups(cohort.id)}
    for cohort in access.trainer_cohorts(ctx):
        for person in sorted((p for p in ctx.store.people(cohort.id) if p.role == "deelnemer"),
                             key=lambda p: p.name.lower()):
            stored = ctx.store.latest_answers(person.id)
            for day, registry, exercises in days:
                for key, version in stored.items():
                    entry = registry.answer(key)
                    if entry is None or not as_text(version.value).strip():
                        continue
                    rows.append({"deelnemer": person.name, "groep": groups.get(person.group_id or 0, ""),
                                 "dag": day, "oefening": exercises.get(entry.exercise, entry.exercise),
                                 "onderdeel": entry.label, "antwoord": as_text(version.value),
                                 "opgeslagen": version.saved_at.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")})
    words = logbook_texts.load()
    group_of = {p.id: p.group_id for cohort in access.trainer_cohorts(ctx) for p in ctx.store.people(cohort.id)}
    logbook = texts.load().logbook_column
    for shared in ctx.store.shared_log_entries(ctx.person, [c.id for c in access.trainer_cohorts(ctx)]):
        rows.append({"deelnemer": shared.author, "groep": groups.get(group_of.get(shared.entry.person_id) or 0, ""),
                     "dag": entry_day(shared.entry, words), "oefening": logbook, "onderdeel": shared.entry.prompt,
                     "antwoord": shared.entry.text,
                     "opgeslagen": shared.entry.saved_at.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")})
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    from wijwerken_widgets.core.downloads import CSV_SEPARATOR, csv_safe

    return frame.map(csv_safe).to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    import pandas as pd

    from wijwerken_widgets.core.downloads import tidy_sheet, xml_text

    buffer = io.BytesIO()
    frame = frame.map(xml_text)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        tidy_sheet(writer.sheets[sheet], frame)
    return buffer.getvalue()


def make_file(ctx: Context, what: str, extension: str) -> tuple[bytes, str, str]:
    """(data, file name, mime type) of ``what`` (``voortgang`` or ``antwoorden``) as ``csv`` or ``xlsx``."""
    frame = progress_table(ctx) if what == "voortgang" else answers_table(ctx)
    data = to_csv(frame) if extension == "csv" else to_xlsx(frame, what.capitalize())
    for cohort in access.trainer_cohorts(ctx):
        ctx.store.audit("export", "cohort", cohort.id, origin="kernel", actor_id=ctx.person.id, cohort_id=cohort.id)
    return data, f"{what}-{date.today().isoformat()}.{extension}", CSV_MIME if extension == "csv" else XLSX_MIME


class Downloads(Exercise):
    """Four buttons; a click builds the file and shows its link."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, part = ctx, texts.load().exercises.downloads
        self.failed = part.failed
        self.link = widgets.HTML(layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-feedback",))
        buttons = []
        for label, what, extension in ((part.progress_csv, "voortgang", "csv"),
                                       (part.progress_xlsx, "voortgang", "xlsx"),
                                       (part.answers_csv, "antwoorden", "csv"),
                                       (part.answers_xlsx, "antwoorden", "xlsx")):
            control = button(label, "download")
            control.on_click(lambda _, w=what, e=extension: self.export(w, e))
            buttons.append(control)
        self.buttons = buttons
        super().__init__(part.title, part.instruction,
                         [widgets.HBox(buttons, layout=styles.plain_layout()), self.link])
        self.add_class("ww-trainer-downloads")

    def export(self, what: str, extension: str) -> None:
        self.link.value = file_link_html(lambda: make_file(self.ctx, what, extension), self.failed,
                                         f"trainer {what}.{extension}")


def section(ctx: Context) -> widgets.Widget:
    """The ``downloads`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return Downloads(ctx)
