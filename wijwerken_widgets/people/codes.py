"""Personal login codes and browser session tokens: generate, normalise, hash.

Codes look like ``K7QM-4XPD-9TWA-R3HN``: 16 characters of Crockford's Base32 alphabet, so 80 bits of entropy.
Typing is forgiving as in Crockford's scheme: lower case, spaces and dashes are ignored, O is read as 0 and I and L
as 1. Codes and tokens are random and long, so (as with API tokens) a fast hash is the right one: a slow password
hash adds nothing. A code is stored as HMAC-SHA256 with a secret key kept in a file outside the database
(``people.secret``), so a copy of the database alone does not allow checking guessed codes offline. Codes of the
earlier format (12 characters, stored as plain SHA-256, ``legacy_hash_code``) still log in, and their stored hash is
then upgraded (``identity.person_by_code``). Only hashes are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets

from wijwerken_widgets.people.secret import code_secret

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's Base32: no I, L, O, U
CODE_LENGTH = 16
CODE_GROUP = 4
CODE_BITS = CODE_LENGTH * math.log2(len(CODE_ALPHABET))
HASH_PREFIX = "hmac-sha256:"

# Crockford's decoding of the look-alikes: O is 0, I and L are 1.
_LOOK_ALIKES = str.maketrans("OIL", "011")

# Spaces of any kind and the dashes a word processor or mail merge may substitute for '-'.
_SEPARATORS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,128}")


def new_code() -> str:
    """A fresh random personal code, grouped for reading, e.g. ``K7QM-4XPD-9TWA-R3HN``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(text: str) -> str:
    """The code as typed in any form (lower case, spaces, dashes, O for 0, I or L for 1) reduced to its bare
    characters. A code of the earlier 12-character format (which has no O, I or L) stays as it was."""
    return _SEPARATORS.sub("", text).upper().translate(_LOOK_ALIKES)


def hash_code(code: str, *, secret: bytes | None = None) -> str:
    """``hmac-sha256:`` and the HMAC-SHA256 hex digest of the normalised code: what the store keeps instead of the
    code. The key is ``secret``, by default the code secret of this installation (``secret.code_secret``)."""
    key = code_secret() if secret is None else secret
    digest = hmac.new(key, normalise_code(code).encode("utf-8"), hashlib.sha256).hexdigest()
    return HASH_PREFIX + digest


def legacy_hash_code(code: str) -> str:
    """The plain SHA-256 hex digest of the normalised code, as codes were stored before the keyed hash."""
    return hashlib.sha256(normalise_code(code).encode("utf-8")).hexdigest()


def new_session_token() -> str:
    """A fresh random, URL-safe session token (256 bits) for the session cookie."""
    return secrets.token_urlsafe(32)


def is_session_token(text: str) -> bool:
    """Whether ``text`` has the shape of a session token (URL-safe characters, plausible length)."""
    return bool(_TOKEN_PATTERN.fullmatch(text))


def hash_token(token: str) -> str:
    """SHA-256 hex digest of a session token: what the store keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
