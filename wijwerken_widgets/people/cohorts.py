"""Create a cohort in the store from validated settings, issue personal codes, and the demo cohort."""

from __future__ import annotations

import csv
import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wijwerken_widgets.core import paths
from wijwerken_widgets.people.codes import hash_code, new_code
from wijwerken_widgets.people.secret import code_secret
from wijwerken_widgets.people.settings import CohortSettings, load_cohort_settings

if TYPE_CHECKING:
    from wijwerken_widgets.store import Store

DEMO_COHORT_FILE = Path("cohorts") / "demogemeente.yaml"
CSV_DELIMITER = ";"  # what Excel with Dutch regional settings expects
CSV_ENCODING = "utf-8-sig"  # the byte-order mark makes Excel read UTF-8 (é, ë, ...) correctly


class CohortExists(Exception):
    """A cohort with this slug is already in the store."""


@dataclasses.dataclass(frozen=True)
class IssuedCode:
    """A personal code handed out once, to print or mail; the store keeps only its hash."""

    naam: str
    rol: Literal["deelnemer", "trainer"]
    groep: str | None
    code: str


def create_cohort(store: Store, settings: CohortSettings) -> list[IssuedCode]:
    """Add the cohort, its groups, trainers and deelnemers, each person with a fresh code.

    Raises ``CohortExists`` if the slug is taken. Returns the plain codes, which are not stored anywhere.
    The secret of the code hashes is read (or made) first, so a damaged secret file stops before anything is stored.
    """
    code_secret()
    slug = settings.slug
    assert slug is not None, "CohortSettings always fills in the slug"
    if store.cohort_by_slug(slug) is not None:
        raise CohortExists(
            f"Er bestaat al een cohort met de slug '{slug}'. Kies een andere 'slug' in het cohortbestand, "
            "of geef bestaande deelnemers een nieuwe code."
        )
    cohort = store.add_cohort(slug, settings.gemeente, settings.naam, settings.model_dump(mode="json"))
    group_ids = {g.naam: store.add_group(cohort.id, g.naam, g.vraagstuk).id for g in settings.groepen}

    issued: list[IssuedCode] = []
    for trainer in settings.trainers:
        code = _unused_code(store)
        store.add_person(cohort.id, trainer.naam, "trainer", hash_code(code), hub_user=trainer.gebruikersnaam)
        issued.append(IssuedCode(trainer.naam, "trainer", None, code))
    for deelnemer in settings.deelnemers:
        code = _unused_code(store)
        store.add_person(
            cohort.id,
            deelnemer.naam,
            "deelnemer",
            hash_code(code),
            group_id=group_ids[deelnemer.groep],
            functie=deelnemer.functie,
            hub_user=deelnemer.gebruikersnaam,
        )
        issued.append(IssuedCode(deelnemer.naam, "deelnemer", deelnemer.groep, code))
    return issued


def write_codes_csv(codes: Iterable[IssuedCode], path: Path | str) -> None:
    """Write the codes for a mail merge: columns naam;rol;groep;code, UTF-8 with BOM, ``;`` separated.

    The file holds secrets, so it is created readable for its owner only.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER)
        writer.writerow(["naam", "rol", "groep", "code"])
        for item in codes:
            writer.writerow([item.naam, item.rol, item.groep or "", item.code])


def demo_cohort_settings() -> CohortSettings:
    """The shipped Demogemeente cohort settings."""
    return load_cohort_settings(paths.exercises_dir() / DEMO_COHORT_FILE)


def ensure_demo_cohort(store: Store) -> list[IssuedCode] | None:
    """Create the Demogemeente cohort in an empty store (no cohort at all); return its codes, or None when the store
    already holds a cohort (the demo or a real one)."""
    settings = demo_cohort_settings()
    assert settings.slug is not None
    if store.cohorts():
        return None
    try:
        return create_cohort(store, settings)
    except CohortExists:  # created by another process in between
        return None


def add_person_with_code(store: Store, cohort_id: int, naam: str, rol: Literal["deelnemer", "trainer"], *,
                         group_id: int | None = None, functie: str | None = None) -> IssuedCode:
    """Add one person to a cohort with a fresh code (e.g. the demo's example group); returns the code, once."""
    code = _unused_code(store)
    person = store.add_person(cohort_id, naam, rol, hash_code(code), group_id=group_id, functie=functie)
    group = None if person.group_id is None else store.group(person.group_id)
    return IssuedCode(naam, rol, None if group is None else group.name, code)


def reissue_code(store: Store, person_id: int) -> str:
    """Give a person a new code and return it; the old code and every browser logged in with it stop working.

    Raises ``LookupError`` if the person is unknown.
    """
    if store.person(person_id) is None:
        raise LookupError(f"Er is geen persoon met id {person_id}.")
    code = _unused_code(store)
    store.set_code_hash(person_id, hash_code(code))
    store.end_sessions(person_id)
    return code


def _unused_code(store: Store) -> str:
    """A new code whose hash is not in use yet (a clash is astronomically unlikely, but cheap to rule out)."""
    while True:
        code = new_code()
        if store.person_by_code_hash(hash_code(code)) is None:
            return code
