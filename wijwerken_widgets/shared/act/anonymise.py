"""Quotes made anonymous for terugleggen: who said it as a descriptor, and no name left in what was said.

Pure (no widgets, no store). A quote's stakeholder is never named. The descriptor climbs a ladder, naam → functie →
rol (the soort as the day's YAML words it, "een inwoner") → "een betrokkene", and takes the first step that at
least ``threshold`` distinct conversations of the group (with as many different stakeholders) share: a lone
wethouder is identifiable, so a role of fewer conversations is shown one step vaguer. Names in a text (every stakeholder on the map, every person of the cohort;
full names, first names, surnames and the name after a title, in any case, on word boundaries) become a descriptor
in brackets ("[een inwoner]"). Every substitution is recorded for the trainer (:attr:`Anonymiser.substitutions`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wijwerken_widgets.core.text import for_comparison
from wijwerken_widgets.shared.act.evidence import Quote

DESCRIPTOR, NAME_IN_TEXT = "descriptor", "name-in-text"
"""The kinds of :class:`Substitution`: who said a quote, and a name inside a text."""
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class Wording:
    """How descriptors read (from the day's YAML): each soort in a sentence, the vaguest step, what a cohort
    person's name becomes, how a replaced name is marked (``{wie}``), the threshold, and first words that are no
    first names (articles, titles: "de", "wethouder")."""

    soorten: Mapping[str, str]
    somebody: str
    colleague: str
    in_text: str = "[{wie}]"
    threshold: int = 3
    not_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Shown:
    """A quote as it may be shown: its descriptor and its text with every name replaced."""

    quote_id: str
    descriptor: str
    tekst: str


@dataclass(frozen=True)
class Substitution:
    """One replacement, for the trainer only: in which item (a quote id, or a theme id for its name), what kind
    (:data:`DESCRIPTOR` or :data:`NAME_IN_TEXT`), the original and what is shown instead."""

    item_id: str
    kind: str
    original: str
    shown: str


def clean(text: str) -> str:
    """``text`` as shown after anonymising: NFC, without invisible characters (which could split a name so that
    it is not found), whitespace runs kept as they are."""
    return unicodedata.normalize("NFC", for_comparison(str(text or ""))).replace(SOFT_HYPHEN, "")


def _key(text: str) -> str:
    return " ".join(clean(text).casefold().split())


def _has_letters(word: str, least: int = 2) -> bool:
    return sum(c.isalnum() for c in word) >= least


def name_variants(name: str, not_names: frozenset[str] = frozenset()) -> list[str]:
    """The forms of ``name`` to hide: the full name, the name after any leading titles or articles ("Wethouder
    Jansen" → "Jansen"), its first name and its surname ("Anna de Vries" → "Anna", "de Vries"); none of fewer
    than two letters."""
    words = clean(name).split()
    found = [" ".join(words)] if _has_letters(" ".join(words)) else []
    rest = list(words)
    while len(rest) > 1 and rest[0].casefold().strip(".") in not_names:
        rest.pop(0)
    if rest and len(rest) < len(words):
        found.append(" ".join(rest))
    if len(rest) > 1:
        found.append(" ".join(rest[1:]))  # the surname with its tussenvoegsel: "de Vries"
        if rest[0].casefold() not in not_names:
            found.append(rest[0])
    return [v for v in dict.fromkeys(found) if _has_letters(v)]


@dataclass
class Anonymiser:
    """Descriptors and name replacement for one group's quotes.

    ``quotes`` are all the group's analysable quotes: the conversations they come from are the ones counted for
    the ladder. ``stakeholders`` are the map's (anything with ``naam``, ``soort`` and optionally ``functie``);
    ``people`` the names of the cohort's people.
    """

    quotes: Iterable[Quote]
    wording: Wording
    stakeholders: Iterable[Any] = ()
    people: Iterable[str] = ()
    substitutions: list[Substitution] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.quotes = list(self.quotes)
        conversations: dict[tuple[str, str], set[str]] = {}
        people: dict[tuple[str, str], set[str]] = {}
        for quote in self.quotes:
            who = quote.stakeholder_id or _key(quote.stakeholder)
            for step in (("functie", _key(quote.functie)), ("soort", quote.soort)):
                if step[1]:
                    conversations.setdefault(step, set()).add(quote.gesprek_id)
                    people.setdefault(step, set()).add(who)
        # Three conversations with the same wethouder still describe one person: count both, take the fewer.
        self._shared = {step: min(len(found), len(people[step])) for step, found in conversations.items()}
        self._recorded: set[tuple[str, str, str]] = set()
        self._build_names()

    # -- names ---------------------------------------------------------------------------------------------------
    def _build_names(self) -> None:
        """Every name form to hide with what it becomes; a form two people share becomes the vaguest step."""
        wording = self.wording
        named = [(getattr(s, "naam", ""), getattr(s, "functie", ""), getattr(s, "soort", ""))
                 for s in self.stakeholders]
        named += [(q.stakeholder, q.functie, q.soort) for q in self.quotes]
        # A word that is someone's functie is no first name ("Wijkagent Noord" hides "Noord", not "wijkagent").
        not_names = wording.not_names | {w.strip(".") for _, functie, _ in named for w in _key(functie).split()}
        forms: list[tuple[str, tuple[str, str] | None]] = [
            (variant, (functie, soort)) for naam, functie, soort in named for variant in name_variants(naam, not_names)]
        forms += [(variant, None) for naam in self.people for variant in name_variants(naam, not_names)]
        keys = sorted({_key(v) for v, _ in forms}, key=lambda k: (-len(k), k))  # "Anna de Vries" before "Anna"
        pieces = [r"\s+".join(re.escape(word) for word in key.split()) for key in keys]
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(pieces)})(?!\w)", re.IGNORECASE) if pieces else None
        replacement: dict[str, str] = {}
        for variant, role in forms:  # the pattern exists now: a functie holding a name is not shown (_ladder)
            shown = wording.colleague if role is None else self._ladder(*role)
            key = _key(variant)
            replacement[key] = shown if replacement.get(key, shown) == shown else wording.somebody
        self._replacement = replacement

    def _shown_for(self, matched: str) -> str:
        shown = self._replacement.get(_key(matched))
        if shown is None:  # a case-insensitive match whose case folding differs from casefold()
            shown = next((v for k, v in self._replacement.items()
                          if re.fullmatch(r"\s+".join(map(re.escape, k.split())), matched, re.IGNORECASE)),
                         self.wording.somebody)
        return self.wording.in_text.format(wie=shown)

    def text(self, item_id: str, text: str) -> str:
        """``text`` with every name replaced (recorded as :data:`NAME_IN_TEXT` of ``item_id``)."""
        text = clean(text)
        if self._pattern is None:
            return text

        def replace(match: re.Match[str]) -> str:
            shown = self._shown_for(match.group(0))
            self._record(item_id, NAME_IN_TEXT, match.group(0), shown)
            return shown

        return self._pattern.sub(replace, text)

    def has_name(self, text: str) -> bool:
        return self._pattern is not None and self._pattern.search(clean(text)) is not None

    # -- descriptors ---------------------------------------------------------------------------------------------
    def _ladder(self, functie: str, soort: str) -> str:
        """The most precise descriptor that at least ``threshold`` conversations, with as many different
        stakeholders, share."""
        wording = self.wording
        functie = " ".join(clean(functie).split())
        shared = self._shared
        if functie and shared.get(("functie", _key(functie)), 0) >= wording.threshold and not self.has_name(functie):
            return functie
        if soort in wording.soorten and shared.get(("soort", soort), 0) >= wording.threshold:
            return wording.soorten[soort]
        return wording.somebody

    def descriptor(self, quote: Quote) -> str:
        """Who said ``quote``, never by name (recorded as :data:`DESCRIPTOR`)."""
        shown = self._ladder(quote.functie, quote.soort)
        self._record(quote.id, DESCRIPTOR, quote.stakeholder, shown)
        return shown

    def quote(self, quote: Quote) -> Shown:
        return Shown(quote.id, self.descriptor(quote), self.text(quote.id, quote.tekst))

    def _record(self, item_id: str, kind: str, original: str, shown: str) -> None:
        key = (item_id, kind, _key(original))
        if key not in self._recorded:
            self._recorded.add(key)
            self.substitutions.append(Substitution(item_id, kind, original, shown))


def anonymise(quotes: Iterable[Quote], wording: Wording, *, stakeholders: Iterable[Any] = (),
              people: Iterable[str] = ()) -> tuple[dict[str, Shown], list[Substitution]]:
    """Every quote as it may be shown (by id), and the substitutions made."""
    anonymiser = Anonymiser(quotes, wording, stakeholders, people)
    shown = {q.id: anonymiser.quote(q) for q in anonymiser.quotes}
    return shown, anonymiser.substitutions
