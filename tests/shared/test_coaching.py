"""Coaching feedback on hoofdvraag, probleem and doel: which rules fire for realistic texts from the pilots."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag1 import texts as dag1_texts
from wijwerken_widgets.shared.coaching import FILE as COACHING_FILE
from wijwerken_widgets.shared.coaching import Feedback, coach_doel, coach_hoofdvraag, coach_probleem
from wijwerken_widgets.shared.coaching import load_rules as load_coaching

load_dag1 = dag1_texts.load

SITTARD = (
    "Hoe kunnen burgerinitiatieven, gemeente en andere partijen samen zorgen dat initiatieven in de wijk "
    "succesvoller worden?"
)


def rules(feedback: list[Feedback]) -> list[str]:
    return [item.rule for item in feedback]


def tips(feedback: list[Feedback]) -> list[str]:
    return [item.rule for item in feedback if item.kind == "tip"]


HOOFDVRAGEN = [
    # (hoofdvraag, rules that must fire, rules that must not fire)
    (SITTARD, {"open_question", "no_solution", "small_enough", "together"}, {"question_mark"}),
    ("Moeten we een app invoeren voor meldingen?", {"closed_question", "contains_solution"}, {"open_question"}),
    ("Hoe zorgen we dat alle inwoners van de hele gemeente altijd tevreden zijn?", {"open_question", "too_big"},
     {"small_enough", "scope_check"}),
    ("Hoe verhogen we het werkgeluk door flexibele werktijden in te voeren?", {"open_question", "contains_solution"},
     {"no_solution"}),
    ("Welke ambities hebben bewoners van Brielle voor hun leefomgeving?", {"open_question", "no_solution",
     "small_enough"}, {"question_mark"}),
    ("Hoe betrekken we alle medewerkers bij de omgevingsvisie?", {"scope_check"}, {"too_big", "small_enough"}),
    ("Is de samenwerking tussen de afdelingen goed genoeg?", {"closed_question"}, {"open_question"}),
    ("Kan iemand uitleggen hoe we het werkgeluk in Vaals kunnen meten?", {"closed_question"}, {"open_question"}),
    ("Wij willen een wendbare organisatie worden.", {"not_a_question"}, {"open_question", "question_mark"}),
    ("Op welke manier kunnen teams in Kerkrade elkaars talent vaker benutten?", {"open_question"}, {"not_a_question"}),
    ("Hoe kunnen medewerkers en leidinggevenden samen talent laten floreren", {"open_question", "question_mark"},
     set()),
    ("Wat willen bewoners in de wijk? En wat willen de ondernemers daar?", {"multiple_questions"}, set()),
    ("Welke app moeten we voor meldingen gaan gebruiken?", {"contains_solution"}, {"no_solution"}),
    ("Hoe pakken we de reorganisatie van het sociaal domein aan?", {"contains_solution"}, set()),
    ("Hoe voorkomen we dat initiatiefnemers zich alleen voelen staan?", {"small_enough"}, {"scope_check"}),
    ("Hoe werkgeluk?", {"too_short"}, {"small_enough"}),
    ("Hoe kunnen we er met de medewerkers van het klantcontactcentrum, de teamleiders, het management en de "
     "ondernemingsraad samen voor zorgen dat nieuwe collega's zich in de eerste maanden welkom voelen en snel "
     "hun weg vinden in de organisatie?", {"too_long"}, {"small_enough"}),
]


@pytest.mark.parametrize(("text", "expected", "absent"), HOOFDVRAGEN, ids=[case[0][:40] for case in HOOFDVRAGEN])
def test_which_hoofdvraag_rules_fire(text, expected, absent):
    """Does each realistic hoofdvraag get the feedback a coach would give (and not the opposite)?"""
    fired = set(rules(coach_hoofdvraag(text)))
    assert expected <= fired
    assert not (absent & fired)


def test_does_a_good_pilot_question_get_only_encouragement():
    """Does the Sittard-Geleen hoofdvraag get only "goed" feedback that says what is good?"""
    feedback = coach_hoofdvraag(SITTARD)
    assert tips(feedback) == []
    assert all(item.message for item in feedback)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "?!", "…"])
def test_does_an_empty_hoofdvraag_get_one_gentle_prompt(text):
    """Does an empty field get exactly one prompt with an example, and no warnings?"""
    assert [(item.rule, bool(item.example)) for item in coach_hoofdvraag(text)] == [("empty", True)]


@pytest.mark.parametrize("coach", [coach_probleem, coach_doel])
def test_do_empty_probleem_and_doel_get_one_gentle_prompt(coach):
    """Do the probleem and doel fields also start with a single prompt instead of warnings?"""
    assert rules(coach("  ")) == ["empty"]


@pytest.mark.parametrize(
    "variant",
    [
        SITTARD.upper(),
        "  " + SITTARD.replace(" ", "   ").replace("?", " ?  "),
        "Hoofdvraag: " + SITTARD,
        SITTARD.replace("?", "?\u201d").replace("Hoe", "\u201cHoe"),
    ],
    ids=["capitals", "extra-spaces", "label", "quotes"],
)
def test_do_case_spacing_and_quotes_leave_the_feedback_unchanged(variant):
    """Do capitals, extra spaces, a "Hoofdvraag:" label or quotes around the question change nothing?"""
    assert rules(coach_hoofdvraag(variant)) == rules(coach_hoofdvraag(SITTARD))


def test_is_a_missing_question_mark_only_a_small_tip():
    """Is an open question without "?" still recognised as open, with just one extra tip?"""
    without = coach_hoofdvraag(SITTARD.rstrip("?"))
    assert rules(without) == ["open_question", "question_mark", *rules(coach_hoofdvraag(SITTARD))[1:]]
    assert tips(without) == ["question_mark"]


def test_are_accents_and_case_ignored_when_matching_signals():
    """Are "IMPLEMENTEREN" and "één" handled like their plain lowercase forms?"""
    assert "contains_solution" in rules(coach_hoofdvraag("Hoe gaan we het nieuwe beleid IMPLEMENTEREN?"))
    assert "scope_check" in rules(coach_hoofdvraag("Hoe kunnen wij ÁLTIJD bereikbaar zijn voor inwoners?"))


def test_does_a_tip_quote_the_words_it_is_about():
    """Does the too-big tip name the words that make the question big, so the participant sees why?"""
    feedback = coach_hoofdvraag("Hoe zorgen we dat alle inwoners van de hele gemeente altijd tevreden zijn?")
    (too_big,) = [item for item in feedback if item.rule == "too_big"]
    for words in ("alle", "de hele gemeente", "altijd"):
        assert words in too_big.message
    assert "{signaal}" not in too_big.message
    assert too_big.example


def test_does_a_solution_tip_quote_the_solution_once():
    """Are overlapping solution signals quoted once each, not as fragments of each other?"""
    feedback = coach_hoofdvraag("Hoe verhogen we het werkgeluk door flexibele werktijden in te voeren?")
    (tip,) = [item for item in feedback if item.rule == "contains_solution"]
    assert '"flexibele werktijden", "in te voeren"' in tip.message


PROBLEMEN = [
    ("Bewoners starten initiatieven in hun wijk, maar veel ervan lopen na een jaar vast.",
     ["describes_situation", "names_people"]),
    ("We moeten een nieuw systeem invoeren voor alle meldingen uit de stad.", ["contains_solution", "who_notices"]),
    ("Er is geen app waarmee bewoners een melding kunnen doen bij de gemeente.",
     ["absence_as_problem", "names_people"]),
    ("Waarom haken zoveel initiatiefnemers in de wijk na een jaar af?", ["written_as_question", "names_people"]),
    ("Het gaat al een hele tijd niet goed met het werk.", ["describes_situation", "who_notices"]),
    ("Te weinig werkgeluk.", ["too_short"]),
]


@pytest.mark.parametrize(("text", "expected"), PROBLEMEN, ids=[case[0][:40] for case in PROBLEMEN])
def test_which_probleem_rules_fire(text, expected):
    """Does a problem description get feedback on situation vs. solution and on who notices it?"""
    assert rules(coach_probleem(text)) == expected


DOELEN = [
    ("Over een jaar weten initiatiefnemers in twee wijken bij wie ze terechtkunnen.", ["concrete", "has_time"]),
    ("De samenwerking tussen de afdelingen verbeteren.", ["vague", "add_time"]),
    ("Een app invoeren voor meldingen van inwoners.", ["contains_solution", "make_concrete", "add_time"]),
    ("Het werkgeluk van de medewerkers van ons team structureel verhogen.", ["make_concrete", "add_time"]),
    ("Meer werkgeluk.", ["too_short"]),
    ("Eind 2026: medewerkers van Publiekszaken vragen elkaar vaker om hulp.", ["concrete", "has_time"]),
]


@pytest.mark.parametrize(("text", "expected"), DOELEN, ids=[case[0][:40] for case in DOELEN])
def test_which_doel_rules_fire(text, expected):
    """Does a goal get feedback on being concrete, being an end rather than a means, and having a time frame?"""
    assert rules(coach_doel(text)) == expected


def test_are_all_examples_in_dag1_consistent_with_the_coaching():
    """Do the good pilot examples get no tips, and each "before" get a tip that its "after" no longer gets?"""
    content = load_dag1().exercises.problem_statement
    for example in content.good_examples:
        assert tips(coach_hoofdvraag(example.text)) == [], example.text
    for improvement in content.improvements:
        assert tips(coach_hoofdvraag(improvement.before)), improvement.before
        assert tips(coach_hoofdvraag(improvement.after)) == [], improvement.after


def test_do_the_placeholder_examples_pass_their_own_coaching():
    """Does the grey example text in each field get no tips from the coaching of that field?"""
    fields = load_dag1().exercises.problem_statement.fields
    assert tips(coach_probleem(fields.probleem.placeholder)) == []
    assert tips(coach_doel(fields.doel.placeholder)) == []
    assert tips(coach_hoofdvraag(fields.hoofdvraag.placeholder)) == []


def test_is_every_feedback_item_complete_and_immutable():
    """Does every item have a known kind and a filled-in message without leftover placeholders?"""
    texts = [case[0] for case in HOOFDVRAGEN] + [case[0] for case in PROBLEMEN + DOELEN] + [""]
    items = [f for t in texts for f in (*coach_hoofdvraag(t), *coach_probleem(t), *coach_doel(t))]
    assert {item.kind for item in items} == {"goed", "tip"}
    assert all(item.message and "{" not in item.message and "\n" not in item.message for item in items)
    with pytest.raises(dataclasses.FrozenInstanceError):
        items[0].kind = "goed"  # type: ignore[misc]


def test_is_the_feedback_deterministic():
    """Does the same text always give the same feedback, in the same order?"""
    assert coach_hoofdvraag(SITTARD) == coach_hoofdvraag(SITTARD)


def test_can_a_trainer_tune_words_and_messages_in_coaching_yaml(tmp_path):
    """Does a trainer's edited coaching.yaml (new signal, new message) change the feedback?"""
    shutil.copy(paths.exercises_dir() / COACHING_FILE, tmp_path / COACHING_FILE)
    path = tmp_path / COACHING_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("    - een app\n", "    - een app\n    - hackathon*\n")
    text = text.replace("hoofdvraag_max_words: 30", "hoofdvraag_max_words: 12")
    path.write_text(text, encoding="utf-8")
    tuned = load_coaching(tmp_path)

    question = "Hoe organiseren we met bewoners uit de wijk samen een hackathon?"
    assert "contains_solution" not in rules(coach_hoofdvraag(question))
    (tip,) = [item for item in coach_hoofdvraag(question, tuned) if item.rule == "contains_solution"]
    assert '"hackathon"' in tip.message
    assert "too_long" in rules(coach_hoofdvraag(SITTARD, tuned))
    assert "too_long" not in rules(coach_hoofdvraag(SITTARD))
