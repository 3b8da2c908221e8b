"""Citations with mkdocs-bibtex: what it leaves to us."""
