"""A group's stakeholder map (Dag 2 onwards): the model and vocabularies, tables and exports, the session."""
