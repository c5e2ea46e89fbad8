"""Personal login codes and browser session tokens: generate, normalise, hash.

Codes look like ``K7QM-4XPD-9TWA``: 12 characters from a 31-symbol alphabet without the look-alikes
0/O, 1/I/L, so about 59.5 bits of entropy. Codes and tokens are random and long, so (as with API tokens)
a fast SHA-256 is the right hash: a slow password hash adds nothing. Only hashes are stored.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
CODE_GROUP = 4
CODE_BITS = CODE_LENGTH * math.log2(len(CODE_ALPHABET))

# Spaces of any kind and the dashes a word processor or mail merge may substitute for '-'.
_SEPARATORS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")
_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,128}")


def new_code() -> str:
    """A fresh random personal code, grouped for reading, e.g. ``K7QM-4XPD-9TWA``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, CODE_LENGTH, CODE_GROUP))


def normalise_code(text: str) -> str:
    """The code as typed in any form (lower case, spaces, dashes) reduced to its 12 bare characters."""
    return _SEPARATORS.sub("", text).upper()


def hash_code(code: str) -> str:
    """SHA-256 hex digest of the normalised code: what the store keeps instead of the code."""
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
