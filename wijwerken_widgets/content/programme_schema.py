"""The schema (pydantic) of ``exercises/trajecten.yaml``: the trajectories a cohort can follow and their steps."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from wijwerken_widgets.content.schema import ContentModel, Text

Kind = Literal["trainingsdag", "coaching", "toepassen", "bijeenkomst"]


class Step(ContentModel):
    """One step of a trajectory: a training day, a coaching session, the months of applying, a meeting."""

    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    soort: Kind
    titel: Text
    tekst: str = ""
    pagina: str | None = Field(default=None, pattern=r"^[a-z0-9_-]+\.ipynb$")
    dag: int | None = Field(default=None, ge=1, le=4)
    """The training day of the cohort's ``programma`` that this step is (its date comes from there)."""
    na_dagen: int = Field(ge=0, le=730)
    """Days after the cohort's start, for a step without a date of its own."""


class Trajectory(ContentModel):
    naam: Text
    uitleg: str = ""
    stappen: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_in_order(self) -> Trajectory:
        ids = [step.id for step in self.stappen]
        if len(set(ids)) != len(ids):
            raise ValueError("elke stap heeft een eigen id")
        days = [step.dag for step in self.stappen if step.dag is not None]
        if len(set(days)) != len(days):
            raise ValueError("elke trainingsdag ('dag') hoort bij één stap")
        return self


class Trajectories(ContentModel):
    """``exercises/trajecten.yaml``: the cohort file's ``traject`` names one of them."""

    schema_version: Literal[1]
    soorten: dict[Kind, Text]
    trajecten: dict[Literal["standaard", "wij-werken-week"], Trajectory]

    @model_validator(mode="after")
    def _complete(self) -> Trajectories:
        if missing := {"standaard", "wij-werken-week"} - set(self.trajecten):
            raise ValueError(f"het traject {', '.join(sorted(missing))} ontbreekt")
        if missing_kinds := {"trainingsdag", "coaching", "toepassen", "bijeenkomst"} - set(self.soorten):
            raise ValueError(f"de soort {', '.join(sorted(missing_kinds))} ontbreekt")
        return self
