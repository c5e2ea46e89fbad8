"""wijwerken: the Grip op Loslaten workbook (Wij-Werken, Look – Think – Act) as ipywidgets for Voilà.

Importing the package has no side effects; the notebooks import what each page needs.
"""

__version__ = "0.1.0"
