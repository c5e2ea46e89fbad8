"""Alembic migrations of the store (package data, so they ship inside the wheel)."""
