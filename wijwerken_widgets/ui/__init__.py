"""The ui kit every page builds on: the page, autosave, shared items, layout blocks, notices, the stylesheet."""
