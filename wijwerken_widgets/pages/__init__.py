"""The workbook pages, one folder each; a notebook imports its page as ``from wijwerken_widgets.pages import dag1``."""
