"""Dag 1 — Look: het vraagstuk. The notebook ``workbooks/dag1.ipynb`` calls these, one per cell."""

from __future__ import annotations

from .warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from .assumptions import AssumptionsExercise
from .base import markdown
from .content import load_dag1
from .context import Context
from .page import Page
from .problem_statement import ProblemStatementExercise
from .real_problem import RealProblemExercise
from .summary_card import SummaryCardExercise
from .vraagstuk_choice import VraagstukChoiceExercise


def open_page() -> Page:
    """Header, intro and login (or the recognised participant)."""
    content = load_dag1()
    return Page(content.title, content.intro).show()


def vraagstuk_choice(ctx: Context) -> widgets.Widget:
    return VraagstukChoiceExercise(ctx, load_dag1().exercises.vraagstuk_choice)


def problem_statement(ctx: Context) -> widgets.Widget:
    return ProblemStatementExercise(ctx, load_dag1().exercises.problem_statement)


def assumptions(ctx: Context) -> widgets.Widget:
    return AssumptionsExercise(ctx, load_dag1().exercises.assumptions)


def real_problem(ctx: Context) -> widgets.Widget:
    return RealProblemExercise(ctx, load_dag1().exercises.real_problem)


def summary_card(ctx: Context) -> widgets.Widget:
    return SummaryCardExercise(ctx, load_dag1().exercises.summary_card)


def closing(ctx: Context) -> widgets.Widget:
    return markdown(load_dag1().closing, "ww-closing")
