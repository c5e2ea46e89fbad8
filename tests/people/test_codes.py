"""Personal codes and session tokens."""

from __future__ import annotations

import hashlib
import re

from wijwerken_widgets.people.codes import (
    CODE_ALPHABET,
    hash_code,
    hash_token,
    is_session_token,
    new_code,
    new_session_token,
    normalise_code,
)


def test_do_codes_look_like_three_groups_of_four_unambiguous_characters():
    codes = [new_code() for _ in range(500)]
    for code in codes:
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code), code
    assert not set("".join(codes)) & set("0O1IL")
    assert len(set(codes)) == len(codes)


def test_does_the_alphabet_leave_out_look_alikes():
    assert len(CODE_ALPHABET) == 31
    assert not set(CODE_ALPHABET) & set("0O1IL")


def test_are_typed_variants_of_a_code_normalised_to_the_same_code():
    variants = [
        "K7QM-4XPD-9TWA",
        "k7qm-4xpd-9twa",
        "  K7QM 4XPD 9TWA\n",
        "K7QM4XPD9TWA",
        "k7qm – 4xpd — 9twa",  # dashes a word processor makes
        "K7QM\u00a04XPD\u00a09TWA",  # non-breaking spaces from a mail
    ]
    assert {normalise_code(v) for v in variants} == {"K7QM4XPD9TWA"}
    assert len({hash_code(v) for v in variants}) == 1


def test_is_the_code_hash_stable_sha256_of_the_normalised_code():
    assert hash_code("k7qm-4xpd-9twa") == hashlib.sha256(b"K7QM4XPD9TWA").hexdigest()
    assert hash_code("K7QM-4XPD-9TWA") != hash_code("K7QM-4XPD-9TWB")


def test_are_session_tokens_random_url_safe_and_hashed():
    tokens = {new_session_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(is_session_token(t) and len(t) >= 43 for t in tokens)
    token = next(iter(tokens))
    assert hash_token(token) == hash_token(token) != token
    assert len(hash_token(token)) == 64
    assert not is_session_token("abc; path=/")
