"""The schema (pydantic) of ``exercises/algemeen.yaml``: the texts of the ui kit, which every page shares.

Save status lines, text kept in the browser until it is saved, the page's own notices (errors, who is logged in) and the login page. Loaded by ``texts.py``;
never imported by a page kernel (see ``content.loader``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from wijwerken_widgets.content.schema import ContentModel, Text, placeholders

Time = Annotated[Text, placeholders("tijd")]
NameTime = Annotated[Text, placeholders("naam", "tijd")]


class SaveTexts(ContentModel):
    """The status line under an answer that saves itself (``ui/autosave.py``, ``ui/item_autosave.py``)."""

    saved: Time
    """After a save, or when a stored answer is shown: ``{tijd}`` is the time (14:03)."""
    saving: Text
    not_saved: Annotated[Text, placeholders("melding")]
    refused: Annotated[Text, placeholders("melding")]
    """When trying again cannot help (the training is archived): the reason alone, no retry button."""
    """The store could not be reached; ``{melding}`` says why and what to do (the store's own message)."""
    retry_button: Text
    conflict: Time
    """Another tab or device of the same person saved this answer in between (at ``{tijd}``)."""
    show_other_button: Text
    hide_other_button: Text
    updated_by: NameTime
    """A groupmate's newer version of a shared item arrived and is shown now."""
    group_conflict: NameTime
    """A groupmate (``{naam}``) changed the same shared item at ``{tijd}``; both versions are kept."""


class DraftTexts(ContentModel):
    """Text typed but not yet stored, offered back after a reload (``ui/drafts.py``, ``static/wijwerken-drafts.js``)."""

    found: Time
    """Above the kept text, next to its field; ``{tijd}`` is when it was last typed (14:03)."""
    restore_button: Text
    """Puts the kept text back into the field (it is then saved as usual)."""
    discard_button: Text
    """Forgets the kept text; the field keeps what is stored."""


class GroupTexts(ContentModel):
    """What a group's shared items say about who made them (``ui/group_session.py``)."""

    someone: Text
    """Stands in for a name that is not found (someone no longer in the cohort)."""


class PageTexts(ContentModel):
    """What every page says itself (``ui/page.py``)."""

    friendly_error: Text
    """Shown instead of a part of the page that failed to load."""
    store_down: Text
    unknown_hub_user: Annotated[Text, placeholders("gebruiker")]
    not_logged_in: Text
    login_link: Text
    page_off: Text
    """On a page the cohort turned off (``uit`` in its cohort file)."""
    trainer_view: Text
    """Markdown, to a trainer on a participants' page: what they see here, and where the participants' work is."""
    logged_in: Annotated[Text, placeholders("naam")]
    logged_in_trainer: Annotated[Text, placeholders("naam")]
    with_group: Annotated[Text, placeholders("wie", "groep")]
    """``{wie}``: one of the two lines above; ``{groep}``: the name of the person's group."""


class Seconds(ContentModel):
    """A wait in whole seconds: ``one`` for 1, ``many`` for any other number ``{n}``."""

    one: Annotated[Text, placeholders("n")]
    many: Annotated[Text, placeholders("n")]


class LoginTexts(ContentModel):
    """The server's login page (``app/web/pages.py``)."""

    title: Text
    intro: Text
    code_label: Text
    code_placeholder: str = ""
    button: Text
    empty_code: Text
    wrong_code: Text
    too_many: Text
    wait: Seconds
    """Follows ``wrong_code`` or ``too_many`` while the next try has to wait."""
    logged_out: Text


class BusyTexts(ContentModel):
    """The "het is even druk" page, when the server may start no more kernels (``app/web/pages.py``)."""

    title: Text
    everyone: Text
    you: Text
    again: Text


class FieldTexts(ContentModel):
    """Around an input box (``ui/blocks.py``)."""

    help_summary: Text
    """The fold-out with a field's help text."""


class NavPage(ContentModel):
    """One page of the workbook in the navigation (``ui/navigation.py``)."""

    workbook: Annotated[str, Field(pattern=r"^[a-z0-9_-]+\.ipynb$")]
    name: Text
    step: bool = True
    """False for a page outside the order of the days (the logboek): it gets no previous and next link."""


class NavigationTexts(ContentModel):
    """The navigation at the top of every page and the links at its end (``ui/navigation.py``)."""

    label: Text
    pages: Annotated[list[NavPage], Field(min_length=1)]
    trainer_label: Text
    trainer_pages: Annotated[list[NavPage], Field(min_length=1)]
    """Only trainers see these, in a second navigation above every page."""
    previous: Annotated[Text, placeholders("pagina")]
    next: Annotated[Text, placeholders("pagina")]
    pager_label: Text
    footer_accessibility: Text
    footer_accessibility_workbook: Annotated[str, Field(pattern=r"^[a-z0-9_-]+\.ipynb$")]


class LogoutTexts(ContentModel):
    """"Niet jij? Uitloggen" next to who is logged in (``ui/logout.py``)."""

    question: Text
    button: Text
    done: Text


class ProgressTexts(ContentModel):
    """Which exercises of a day have something stored (``ui/progress.py``)."""

    summary: Annotated[Text, placeholders("ingevuld", "totaal")]
    done: Text
    open: Text
    note: Text


class DownloadTexts(ContentModel):
    """A file to keep or print (``core/downloads.py``)."""

    link: Annotated[Text, placeholders("bestand")]
    print_hint: Text


class TrainerSeesTexts(ContentModel):
    """"Wat ziet je trainer?" on every participant's page (``ui/trainer_sees.py``)."""

    summary: Text
    general: Text
    """Markdown: shown under every page's own text."""
    pages: dict[str, Text]
    """Workbook (``dag1.ipynb``) → Markdown: what a trainer sees of this page's work."""


class LiveTexts(ContentModel):
    """The hand button and the trainer's timer on every participant page (``ui/live.py``)."""

    hand_button: Text
    """A toggle: pressed while the hand is up."""
    hand_tooltip: Text
    hand_raised: Text
    """Beside the pressed button."""
    timer_running: Annotated[Text, placeholders("tijd", "klok")]
    """``{tijd}``: the time left in words (see ``minutes``); ``{klok}``: in digits (04:59)."""
    timer_paused: Annotated[Text, placeholders("tijd", "klok")]
    timer_up: Text
    minutes: Seconds
    """The time left in whole minutes, rounded up: ``{n}``."""
    under_a_minute: Text
    announce_start: Annotated[Text, placeholders("tijd")]
    """Said once by a screen reader when the timer appears; then only ``announce_minute`` and ``timer_up``."""
    announce_minute: Text


class PrivacyTexts(ContentModel):
    """What the privacy tools leave in stored work (``store/erase.py``, ``store/forget.py``) and the notice on the
    pages of an archived cohort (``store/retention.py``)."""

    erased_text: Text
    """Instead of a text an erased participant wrote in a shared item (a name on the map, a note)."""
    removed_name: Text
    """Instead of a stakeholder's or resident's name removed on request, in every version."""
    archived: Text
    """Above every page of a cohort that is archived: the work can be read, not changed."""


class HubTexts(ContentModel):
    """The hub's choice of server, shown only to trainers who may use JupyterLab (``app/hub/spawn.py``)."""

    choose: Text
    workbook: Text
    lab: Text


class IdleTexts(ContentModel):
    """The warning before an idle page closes (``ui/idle.py``; only on a server that closes open idle pages)."""

    warning: Annotated[Text, placeholders("tijd")]
    """``{tijd}``: in how long the page closes, in words (``live.minutes``: "5 minuten", "1 minuut")."""
    button: Text


class CommonContent(ContentModel):
    """``exercises/algemeen.yaml``."""

    schema_version: Literal[1]
    save: SaveTexts
    drafts: DraftTexts
    group: GroupTexts
    page: PageTexts
    login: LoginTexts
    busy: BusyTexts
    fields: FieldTexts
    navigation: NavigationTexts
    logout: LogoutTexts
    progress: ProgressTexts
    download: DownloadTexts
    trainer_sees: TrainerSeesTexts
    live: LiveTexts
    privacy: PrivacyTexts
    hub: HubTexts
    idle: IdleTexts

    @model_validator(mode="after")
    def _every_page_says_what_the_trainer_sees(self) -> CommonContent:
        """Every page of the navigation needs its "Wat ziet je trainer?" text."""
        missing = [p.workbook for p in self.navigation.pages if p.workbook not in self.trainer_sees.pages]
        if missing:
            raise ValueError(f"trainer_sees.pages: de tekst voor {', '.join(missing)} ontbreekt (elke pagina uit "
                             "navigation.pages heeft er een nodig)")
        return self
