"""Cite this page: a suggested citation of each page, in Chicago style and as BibTeX."""
