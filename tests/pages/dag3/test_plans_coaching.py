"""Coaching of conversation questions (Dag 3) and suggested questions per stakeholder, with municipal examples."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import ContentError, clear_cache
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag3.plans_coaching import (
    QUESTION_COACHING_FILE,
    coach_question,
    coach_questions,
    load_question_coaching,
    suggest_questions,
)
from wijwerken_widgets.shared.coaching import Feedback
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, SOORTEN, Stakeholder

SITTARD = (
    "Hoe kunnen burgerinitiatieven, gemeente en andere partijen samen zorgen dat initiatieven in de wijk "
    "succesvoller worden?"
)
HOOFDVRAGEN = [
    SITTARD,
    "Welke ambities hebben bewoners van Brielle voor hun leefomgeving?",
    "Hoe verhogen we het werkgeluk door flexibele werktijden in te voeren?",
    "Hoe kunnen medewerkers en leidinggevenden samen ieders talent laten floreren?",
    "Hoe gaan we om met de vraag van de raad?",  # no known topic: "dit onderwerp"
    "",
]


def rules_of(feedback: list[Feedback]) -> list[str]:
    return [item.rule for item in feedback]


def tips(feedback: list[Feedback]) -> list[str]:
    return [item.rule for item in feedback if item.kind == "tip"]


def person(soort: str = "inwoner", energie_nu: str = "neutraal") -> Stakeholder:
    return Stakeholder(id="s1", naam="Bewoner De Heeg", soort=soort, energie_nu=energie_nu)


# --- coaching ----------------------------------------------------------------------------------------------

OPEN_AND_CLEAN = [
    "Wat is voor u belangrijk?",
    "Hoe ervaart u het contact met de gemeente?",
    "Kun je vertellen hoe dat ging?",
    "Kun jij uitleggen hoe het aanvragen van een pas nu gaat?",
    "Kunt u mij iets meer vertellen over uw buurt?",
    "Zou je willen vertellen wat er toen gebeurde?",
    "Waar in de wijk voelt u zich thuis?",
    "Wanneer merkte u voor het eerst dat het park minder gebruikt werd?",
    "Wie helpt u als u vragen heeft over uw uitkering?",
    "Welke ervaring heeft u met het aanvragen van een vergunning?",
    "Vertel eens, hoe ziet een goede werkdag er voor jou uit?",
    "Op welke manier merk je dat collega's elkaar helpen?",
    "Als je terugkijkt op het afgelopen jaar, wat ging er goed in je team?",
    "Wat vond u van de cursus die u vorig jaar volgde?",  # an existing course: their experience, not our idea
    "Hoe ging het toen u het loket belde?",
    "Wat maakt dat u niet naar het wijkoverleg komt?",
    "Wat zou voor u een goede oplossing zijn?",  # asking for their ideas is not bringing your own
    "Ik hoor dat u boos bent. Wat is er gebeurd?",
    "En wat merkt u daar zelf van?",
    "Welke mensen, denk aan buren of vrienden, helpen u als het tegenzit?",
    "Hoe is het om hier al zo lang te wonen",
    "1. Wat geeft jou energie in je werk?",
]


@pytest.mark.parametrize("text", OPEN_AND_CLEAN)
def test_is_an_open_question_recognised_without_false_alarms(text):
    """Does an open question (also "Kun je vertellen …" and one after a short intro) get only the compliment?"""
    assert [(item.rule, item.kind) for item in coach_question(text)] == [("open_question", "goed")]


CLOSED = [
    ("Bent u tevreden over het park?", "bent u"),
    ("Is de buurt veilig genoeg voor de kinderen?", "is de"),
    ("Heeft u wel eens contact gehad met de wijkagent?", "heeft u"),
    ("Kun je goed samenwerken met het team Vergunningen?", "kun je"),
    ("Wil je meedoen aan de werkgroep werkgeluk?", "wil je"),
    ("Vind je het werk nog leuk?", "vind je"),
    ("Zou u vaker naar het wijkcentrum gaan?", "zou u"),
    ("Ben je blij met je nieuwe leidinggevende?", "ben je"),
    ("Klopt het dat u vaak naar de gemeente belt?", "klopt het"),
    ("Weet u bij wie u terechtkunt met een vraag?", "weet u"),
    ("Denk je dat de nieuwe werkwijze gaat lukken?", "denk je"),
    ("Gaat het goed met de samenwerking tussen de afdelingen?", "gaat het"),
    ("En, merkt u iets van de nieuwe werkwijze?", "merkt u"),
    ("Wanneer je naar de wijk kijkt, zie je dan verschil met vorig jaar?", "zie je"),
    ("U woont hier al lang, klopt dat?", "klopt dat"),
]


@pytest.mark.parametrize(("text", "quoted"), CLOSED, ids=[case[0][:40] for case in CLOSED])
def test_is_a_closed_question_flagged_with_its_first_words(text, quoted):
    """Does a ja/nee-question (verb first, Dutch word order) get a tip that quotes how it starts, with an example?"""
    feedback = coach_question(text)
    assert "open_question" not in rules_of(feedback)
    (tip,) = [item for item in feedback if item.rule == "closed_question"]
    assert f'("{quoted} …")' in tip.message
    assert tip.example and "?" in tip.example


LEADING = [
    ("Vindt u ook niet dat het centrum te druk is geworden?", "vindt u ook niet dat"),
    ("Vindt u ook dat het centrum te druk is geworden?", "vindt u ook dat"),
    ("Vind je ook dat we te weinig overleggen?", "vind je ook dat"),
    ("Bent u het met mij eens dat de parkeerdruk te hoog is?", "bent u het met mij eens"),
    ("Het is toch zo dat jongeren hier weinig te doen hebben?", "het is toch zo dat"),
    ("Zou het niet beter zijn als de wijkagent vaker langskomt?", "zou het niet beter zijn"),
    ("Is het niet zo dat iedereen het park vies vindt?", "is het niet zo dat"),
    ("Je vindt toch ook dat de werkdruk te hoog is?", "je vindt toch"),
    ("Dat was best lastig voor u, toch?", "toch"),
    ("Wat vindt u, het is toch duidelijk dat de wijk achteruit gaat?", "het is toch"),
]


@pytest.mark.parametrize(("text", "quoted"), LEADING, ids=[case[0][:40] for case in LEADING])
def test_is_a_leading_question_flagged_instead_of_closed_or_open(text, quoted):
    """Does a steering question get the leading tip (quoting the steering words), and neither closed nor open?"""
    feedback = coach_question(text)
    fired = rules_of(feedback)
    assert fired[0] == "leading_question"
    assert not {"closed_question", "open_question", "not_open"} & set(fired)
    assert f'"{quoted}"' in feedback[0].message
    assert feedback[0].example


SOLUTIONS = [
    ("Zullen we een app maken voor meldingen over afval?", "closed_question"),
    ("Wat vind je van een nieuw loket in het wijkcentrum?", "open_question"),
    ("Wat vindt u ervan als we een folder over de afvalpas sturen?", "open_question"),
    ("Hoe zou u het vinden als de gemeente een campagne tegen zwerfvuil start?", "open_question"),
    ("Zou een cursus over digitaal werken helpen?", "closed_question"),
    ("Moeten we niet gewoon strengere regels maken voor parkeren?", "closed_question"),
    ("Kun je vertellen wat je van een nieuwe training zou vinden?", "open_question"),
    ("Laten we een meldpunt openen, wat denkt u?", "open_question"),
]


@pytest.mark.parametrize(("text", "form"), SOLUTIONS, ids=[case[0][:40] for case in SOLUTIONS])
def test_is_a_question_with_a_solution_in_it_flagged(text, form):
    """Does a question that proposes a solution get the solution tip, next to the feedback on its form?"""
    feedback = coach_question(text)
    assert form in rules_of(feedback)
    (tip,) = [item for item in feedback if item.rule == "contains_solution"]
    assert '("' in tip.message and "{signaal}" not in tip.message
    assert tip.example


def test_does_the_solution_tip_quote_the_solution():
    """Does "een nieuw loket" appear in the tip, so the participant sees which words are the solution?"""
    (tip,) = [f for f in coach_question("Wat vind je van een nieuw loket?") if f.rule == "contains_solution"]
    assert '"een nieuw loket"' in tip.message


JARGON = [
    ("Hoe kijkt u aan tegen het beleidskader?", ["beleidskader"]),
    ("Wat vindt u van het participatietraject?", ["participatietraject"]),
    ("Welke stakeholders moeten we erbij halen?", ["stakeholders"]),
    (
        "Hoe kunnen we de implementatie beter afstemmen met de ketenpartners?",
        ["implementatie", "afstemmen", "ketenpartners"],
    ),
    ("Wat is voor de doelgroep belangrijk?", ["doelgroep"]),
    ("Hoe ziet u de casuïstiek in het sociaal domein?", ["casuïstiek", "sociaal domein"]),
    ("Hoe kunnen we burgerparticipatie faciliteren?", ["burgerparticipatie", "faciliteren"]),
    ("Welke kaders geeft de raad mee?", ["kaders"]),
    ("Hoe kunnen we dit integraal prioriteren?", ["integraal", "prioriteren"]),
    ("Wat merkt u van de Omgevingswet?", ["omgevingswet"]),
    ("Waar staat u op de participatieladder?", ["participatieladder"]),
]


@pytest.mark.parametrize(("text", "terms"), JARGON, ids=[case[0][:40] for case in JARGON])
def test_is_jargon_named_with_a_plain_alternative(text, terms):
    """Does ambtelijke taal get one tip naming every term, with the plain words from the YAML as example?"""
    jargon = load_question_coaching().jargon
    (tip,) = [item for item in coach_question(text) if item.rule == "jargon"]
    for term in terms:
        assert f'"{term}"' in tip.message
        assert f'"{term}" →' in tip.example
    assert "{alternatieven}" not in tip.example
    assert jargon["beleidskader*"] in coach_question(JARGON[0][0])[-1].example


def test_is_jargon_matched_without_accents_and_case():
    """Is "CASUISTIEK" (no diaeresis, capitals) still recognised as jargon?"""
    assert "jargon" in rules_of(coach_question("Welke CASUISTIEK speelt er bij u?"))


@pytest.mark.parametrize(
    "text",
    ["Waarom doet u niet mee aan het wijkoverleg?", "En waarom is dat zo?", "Waarom heb je niet gebeld?"],
)
def test_is_waarom_flagged_gently_with_wat_maakt_dat(text):
    """Does a waarom-question get a gentle tip (not closed, not open) that suggests "Wat maakt dat …"?"""
    feedback = coach_question(text)
    assert rules_of(feedback) == ["why_question"]
    assert "Wat maakt dat" in feedback[0].message + feedback[0].example


@pytest.mark.parametrize("text", ["U woont hier al lang?", "Uw mening over het nieuwe park?", "Het park"])
def test_is_a_statement_with_a_question_mark_not_called_open(text):
    """Does "U woont hier al lang?" get the tip to start with a question word, rather than a compliment?"""
    assert rules_of(coach_question(text)) == ["not_open"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "?!", "…", None])
def test_does_an_empty_question_get_no_feedback(text):
    """Is an empty field left alone (no warnings while the participant has not started)?"""
    assert coach_question(text) == []


def test_are_several_questions_in_one_text_each_coached():
    """Do two questions get the "one at a time" tip, and is a closed second question still caught?"""
    both_open = coach_question("Hoe gaat het met u? En wat vindt u van de buurt?")
    assert rules_of(both_open) == ["open_question", "multiple_questions"]
    one_closed = coach_question("Hoe gaat het met u? Bent u tevreden over de buurt?")
    assert rules_of(one_closed) == ["closed_question", "multiple_questions"]


def test_does_a_question_list_get_feedback_per_line():
    """Does coach_questions give every line its own feedback, by index, with [] for an empty line?"""
    lines = ["Wat is voor u belangrijk?", "", "Bent u tevreden?", "Waarom niet?"]
    result = coach_questions(lines)
    assert list(result) == [0, 1, 2, 3]
    assert result == {index: coach_question(line) for index, line in enumerate(lines)}
    assert [rules_of(result[i]) for i in range(4)] == [
        ["open_question"],
        [],
        ["closed_question"],
        ["why_question"],
    ]


def test_do_case_spacing_and_quotes_leave_the_feedback_unchanged():
    """Do capitals, extra spaces and quotes around the question change nothing?"""
    base = rules_of(coach_question("Vind je het werk nog leuk?"))
    for variant in [
        "VIND JE HET WERK NOG LEUK?",
        "  Vind   je het werk nog leuk ?  ",
        "\u201cVind je het werk nog leuk?\u201d",
    ]:
        assert rules_of(coach_question(variant)) == base


def test_is_every_feedback_item_complete_and_immutable():
    """Does every item have a known kind, a one-line message without placeholders, and (for tips) an example?"""
    texts = (
        OPEN_AND_CLEAN + [c[0] for c in CLOSED + LEADING + SOLUTIONS + JARGON] + ["Waarom?", "U woont hier?"]
    )
    items = [item for text in texts for item in coach_question(text)]
    assert {item.kind for item in items} == {"goed", "tip"}
    assert {item.rule for item in items} >= {
        "open_question",
        "closed_question",
        "leading_question",
        "why_question",
        "not_open",
        "contains_solution",
        "jargon",
    }
    for item in items:
        assert item.message and "{" not in item.message and "\n" not in item.message
        assert item.kind == "goed" or (item.example and "{" not in item.example)
    with pytest.raises(dataclasses.FrozenInstanceError):
        items[0].kind = "goed"  # type: ignore[misc]


# --- suggestions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", list(SOORTEN))
@pytest.mark.parametrize("energie", list(ENERGIE))
def test_are_suggestions_open_clean_unique_and_filled(soort, energie):
    """For every soort and energie: are there 5–7 distinct questions, without "{", each open and not closed, leading
    or containing a solution?"""
    rules = load_question_coaching()
    for hoofdvraag in HOOFDVRAGEN:
        questions = suggest_questions(hoofdvraag, person(soort, energie), rules=rules)
        assert 5 <= len(questions) <= 7
        assert len({q.casefold() for q in questions}) == len(questions)
        for question in questions:
            assert "{" not in question and "}" not in question
            assert question[0].isupper() and question.endswith("?")
            feedback = coach_question(question, rules)
            assert not {"closed_question", "leading_question", "contains_solution"} & set(rules_of(feedback))
            assert tips(feedback) == [], (question, feedback)
            assert rules_of(feedback) == ["open_question"]


def test_does_every_template_with_every_topic_pass_the_coaching():
    """Is each shipped template, filled with each shipped topic (and the generic one), an open, clean question?"""
    rules = load_question_coaching()
    plan = rules.suggestions
    templates = [*plan.openers.u, *plan.openers.je, plan.closing.u, plan.closing.je]
    templates += [t for items in plan.by_soort.values() for t in items]
    templates += [t for items in plan.by_energie.values() for t in (*items.u, *items.je)]
    topics = [topic.topic for topic in plan.topics] + [plan.generic_topic]
    for template in templates:
        for topic in topics:
            question = template.format(onderwerp=topic)
            assert rules_of(coach_question(question, rules)) == ["open_question"], question


def test_is_the_topic_taken_from_the_hoofdvraag_then_the_vraagstuk():
    """Does {onderwerp} become the hoofdvraag's topic, else the vraagstuk's, else the generic "dit onderwerp"?"""
    rules = load_question_coaching()
    werkgeluk = next(t.topic for t in rules.suggestions.topics if "werkgeluk" in t.signals)
    meldingen = next(t.topic for t in rules.suggestions.topics if "melding*" in t.signals)
    text = " ".join(suggest_questions("Hoe verhogen we het werkgeluk in ons team?", person("collega")))
    assert werkgeluk in text
    vraagstuk = "Inwoners horen na een melding vaak wekenlang niets."
    text = " ".join(suggest_questions("Hoe gaan we hiermee om?", person(), vraagstuk))
    assert meldingen in text
    text = " ".join(suggest_questions("Hoe verhogen we het werkgeluk?", person("collega"), vraagstuk))
    assert werkgeluk in text and meldingen not in text
    text = " ".join(suggest_questions("Hoe gaan we hiermee om?", person()))
    assert rules.suggestions.generic_topic in text


def words_of(questions: list[str]) -> set[str]:
    return {word for question in questions for word in re.findall(r"\w+", question.lower())}


def test_do_residents_get_u_and_colleagues_je():
    """Are residents and entrepreneurs addressed with "u", colleagues and the OR with "je"?"""
    for soort in ("inwoner", "ondernemer", "bestuur"):
        found = words_of(suggest_questions(SITTARD, person(soort)))
        assert {"u", "uw"} & found and not {"je", "jij", "jou"} & found, soort
    for soort in ("collega", "leidinggevende", "or"):
        found = words_of(suggest_questions(SITTARD, person(soort)))
        assert {"je", "jij", "jou"} & found and not {"u", "uw"} & found, soort


@pytest.mark.parametrize("energie", list(ENERGIE))
def test_does_the_energy_now_choose_its_own_questions(energie):
    """Does someone in weerstand hear about their worries, a trekker about what they would pick up themselves?"""
    rules = load_question_coaching()
    questions = suggest_questions(SITTARD, person("inwoner", energie))
    first = rules.suggestions.by_energie[energie].u[0].format(onderwerp="initiatieven in de wijk")
    assert first in questions
    others = {e for e in ENERGIE if e != energie}
    for other in others:
        assert suggest_questions(SITTARD, person("inwoner", other)) != questions
    if energie == "weerstand":
        assert any("zorgen" in q for q in questions)
    if energie == "trekker":
        assert any("zelf" in q for q in questions)


def test_do_different_soorten_get_their_own_questions():
    """Does an ondernemer get questions about their business, a leidinggevende about grip and letting go?"""
    assert any("zaak" in q for q in suggest_questions(SITTARD, person("ondernemer")))
    assert any("loslaten" in q for q in suggest_questions(SITTARD, person("leidinggevende")))
    assert suggest_questions(SITTARD, person("bestuur")) != suggest_questions(SITTARD, person("inwoner"))


def test_does_every_conversation_end_with_the_closing_question():
    """Is the last suggestion the open closing question ("Wat heb ik nog niet gevraagd …")?"""
    closing = load_question_coaching().suggestions.closing
    assert suggest_questions(SITTARD, person("inwoner"))[-1] == closing.u
    assert suggest_questions(SITTARD, person("collega"))[-1] == closing.je


# --- the YAML file -----------------------------------------------------------------------------------------


@pytest.fixture
def yaml_copy(tmp_path: Path) -> Path:
    shutil.copy(paths.exercises_dir() / QUESTION_COACHING_FILE, tmp_path / QUESTION_COACHING_FILE)
    clear_cache()
    yield tmp_path / QUESTION_COACHING_FILE
    clear_cache()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line]
    assert len(lines) == 1, f"{fragment!r} is on lines {lines}"
    return lines[0]


def load_error(path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_question_coaching(path.parent)
    return str(caught.value)


def test_does_the_shipped_file_load_with_every_soort_and_energie():
    """Does vraagcoaching.yaml pass its schema, with templates for every soort and energie of the stakeholder model?"""
    rules = load_question_coaching()
    assert rules.schema_version == 1
    assert set(rules.suggestions.by_soort) == set(SOORTEN) == set(rules.suggestions.address)
    assert set(rules.suggestions.by_energie) == set(ENERGIE)


def test_does_an_unknown_key_name_file_line_and_field(yaml_copy):
    """Does a misspelt message key point at its own line and full field name?"""
    edit(yaml_copy, "  why_question:\n", "  why_qeustion:\n")
    message = load_error(yaml_copy)
    line = line_of(yaml_copy, "why_qeustion")
    assert (
        f"{yaml_copy}:{line}: messages.why_qeustion: onbekend veld (toegestaan: "
        in message
    )
    assert "bedoel je 'why_question'?" in message
    assert "messages.why_question: dit veld ontbreekt" in message


def test_is_an_unknown_soort_an_error_with_its_line(yaml_copy):
    """Is a misspelt soort under by_soort (which no stakeholder could ever have) reported at its line?"""
    edit(
        yaml_copy,
        "    ondernemer:\n      - Wat merkt u in uw zaak",
        "    ondernemr:\n      - Wat merkt u in uw zaak",
    )
    message = load_error(yaml_copy)
    assert f"{yaml_copy}:{line_of(yaml_copy, 'ondernemr:')}: suggestions.by_soort.ondernemr" in message
    assert "ondernemer, ketenpartner" in message  # the valid soorten are listed


def test_is_a_missing_soort_an_error(yaml_copy):
    """Is a soort without questions (the OR block deleted) reported, instead of failing later for that stakeholder?"""
    edit(yaml_copy, "    or:\n      - Wat hoor jij", "    # or: weggehaald\n      - Wat hoor jij")
    message = load_error(yaml_copy)
    assert f"{yaml_copy}:{line_of(yaml_copy, '  by_soort:')}: suggestions.by_soort: " in message
    assert "missing soort: or" in message


def test_is_an_unknown_placeholder_in_a_template_an_error(yaml_copy):
    """Is a template with {naam} (only {onderwerp} exists) caught at load time instead of crashing the page?"""
    edit(
        yaml_copy,
        "- Wat merkt u in uw zaak van {onderwerp}?",
        "- Wat merkt {naam} in de zaak van {onderwerp}?",
    )
    message = load_error(yaml_copy)
    assert f"{yaml_copy}:{line_of(yaml_copy, '{naam}')}: suggestions.by_soort.ondernemer[0]: " in message
    assert "{onderwerp}" in message


def test_are_counts_outside_five_to_seven_an_error(yaml_copy):
    """Do counts that would give more than 7 suggestions name the counts field?"""
    edit(
        yaml_copy, "counts: {openers: 2, soort: 2, energie: 2}", "counts: {openers: 3, soort: 3, energie: 2}"
    )
    message = load_error(yaml_copy)
    assert f"{yaml_copy}:{line_of(yaml_copy, 'counts:')}: suggestions.counts: " in message


def test_is_a_signal_without_letters_an_error(yaml_copy):
    """Is a word-list entry that can never match (only punctuation) reported?"""
    edit(yaml_copy, "  why_words: [waarom]", '  why_words: [waarom, "?"]')
    assert "words.why_words[1]: " in load_error(yaml_copy)


def test_can_a_trainer_tune_words_and_templates(yaml_copy):
    """Does an edited file (new jargon word, new closing question) change coaching and suggestions?"""
    edit(yaml_copy, "  wmo: hulp", "  beleidsarm: met weinig regels\n  wmo: hulp")
    edit(
        yaml_copy,
        "u: Wat heb ik nog niet gevraagd dat u belangrijk vindt?",
        "u: Wat wilt u mij nog meegeven?",
    )
    tuned = load_question_coaching(yaml_copy.parent)
    question = "Hoe kijkt u aan tegen beleidsarm werken?"
    assert "jargon" not in rules_of(coach_question(question))
    (tip,) = [item for item in coach_question(question, tuned) if item.rule == "jargon"]
    assert "met weinig regels" in tip.example
    assert suggest_questions(SITTARD, person(), rules=tuned)[-1] == "Wat wilt u mij nog meegeven?"
