"""The logboek: reflections over all days, each entry with its own sharing level, and the trainer's download."""
