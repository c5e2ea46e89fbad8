"""Personal codes and session tokens."""

from __future__ import annotations

import hashlib
import hmac
import math
import random
import re

from wijwerken_widgets.people.codes import (
    CODE_ALPHABET,
    CODE_BITS,
    CODE_LENGTH,
    hash_code,
    hash_token,
    is_session_token,
    legacy_hash_code,
    new_code,
    new_session_token,
    normalise_code,
)
from wijwerken_widgets.people.secret import code_secret

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
OLD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # of the 12-character codes issued before


def test_do_codes_look_like_four_groups_of_four_crockford_characters():
    codes = [new_code() for _ in range(500)]
    for code in codes:
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}",
                            code), code
        assert normalise_code(code) == code.replace("-", "")
    assert not set("".join(codes)) & set("ILOU")
    assert len(set(codes)) == len(codes)


def test_is_the_alphabet_crockford_base32_and_a_code_worth_at_least_80_bits():
    assert CODE_ALPHABET == CROCKFORD
    assert len(set(CODE_ALPHABET)) == 32
    assert CODE_LENGTH == 16
    assert CODE_BITS >= 80
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) == CODE_BITS


def test_are_typed_variants_of_a_code_normalised_to_the_same_code(secret_file):
    variants = [
        "K7QM-4XPD-9TWA-R3HN",
        "k7qm-4xpd-9twa-r3hn",
        "  K7QM 4XPD 9TWA R3HN\n",
        "K7QM4XPD9TWAR3HN",
        "k7qm – 4xpd — 9twa ‐ r3hn",  # dashes a word processor makes
        "K7QM\u00a04XPD\u00a09TWA\u00a0R3HN",  # non-breaking spaces from a mail
    ]
    assert {normalise_code(v) for v in variants} == {"K7QM4XPD9TWAR3HN"}
    assert len({hash_code(v) for v in variants}) == 1


def test_are_the_look_alikes_read_as_crockford_does():
    assert normalise_code("O0o0-I1i1-L1l1-U8u8") == "000011111111U8U8"  # U is no digit: it stays (and is refused)
    assert normalise_code("1O1O-0000-IIII-LLLL") == normalise_code("1010-0000-1111-1111")


def test_does_a_code_of_the_earlier_format_normalise_to_itself():
    assert normalise_code("K7QM-4XPD-9TWA") == "K7QM4XPD9TWA"
    rng = random.Random(12)
    for _ in range(200):
        old = "".join(rng.choice(OLD_ALPHABET) for _ in range(12))
        assert normalise_code(f"{old[:4]}-{old[4:8]}-{old[8:]}".lower()) == old


def test_is_the_code_hash_an_hmac_of_the_normalised_code_with_the_secret(secret_file):
    key = code_secret()
    assert secret_file.read_bytes() == key
    expected = hmac.new(key, b"K7QM4XPD9TWAR3HN", hashlib.sha256).hexdigest()
    assert hash_code("k7qm-4xpd-9twa-r3hn") == "hmac-sha256:" + expected
    assert hash_code("K7QM-4XPD-9TWA-R3HN") != hash_code("K7QM-4XPD-9TWA-R3HM")
    assert len(hash_code("K7QM-4XPD-9TWA-R3HN")) <= 200  # people.code_hash is String(200)


def test_does_another_secret_give_another_hash():
    one, other = b"a" * 32, b"b" * 32
    assert hash_code("K7QM-4XPD-9TWA-R3HN", secret=one) != hash_code("K7QM-4XPD-9TWA-R3HN", secret=other)
    assert hash_code("K7QM-4XPD-9TWA-R3HN", secret=one) == hash_code("k7qm 4xpd 9twa r3hn", secret=one)


def test_is_the_legacy_hash_plain_sha256_of_the_normalised_code():
    assert legacy_hash_code("k7qm-4xpd-9twa") == hashlib.sha256(b"K7QM4XPD9TWA").hexdigest()
    assert legacy_hash_code("K7QM-4XPD-9TWA") != hash_code("K7QM-4XPD-9TWA")


def test_are_session_tokens_random_url_safe_and_hashed():
    tokens = {new_session_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(is_session_token(t) and len(t) >= 43 for t in tokens)
    token = next(iter(tokens))
    assert hash_token(token) == hash_token(token) != token
    assert len(hash_token(token)) == 64
    assert not is_session_token("abc; path=/")
