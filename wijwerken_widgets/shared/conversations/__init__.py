"""A group's conversations (Dag 3 onwards): typed items and the session that keeps them fresh."""
