"""Every rule has its section in the editors' check catalogue, and every section a rule."""

import re

from divergence.checks import RULES
from sitebuild import REPO

CATALOGUE = REPO / "docs" / "contributing" / "checks.md"
SECTION = re.compile(r"^## ([A-Z]{2}\d{3}) ([a-z0-9-]+)\s*$", re.M)


def test_catalogue_sections_match_the_rules():
    sections = SECTION.findall(CATALOGUE.read_text(encoding="utf-8"))
    assert sections == [(rule.code, rule.slug) for rule in RULES]


def test_rule_codes_and_slugs_are_unique_and_well_formed():
    assert len({rule.code for rule in RULES}) == len(RULES)
    assert len({rule.slug for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
        assert rule.summary.endswith(".")
