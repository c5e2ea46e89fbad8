"""Reusable helpers for tests that run a real wijwerken server and drive Chromium against it."""
