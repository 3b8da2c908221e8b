"""Glossary and people: data files, mentions marked in the text, and their generated pages."""
