"""Choosing sections and the paper: ids from the command line, Letter where the locale uses it."""

from __future__ import annotations

import pytest

from briefing.errors import ValidationError
from briefing.pdf.options import SECTION_IDS, BookOptions, default_paper, paper_of_locale, parse_sections


def test_sections_are_parsed_from_a_comma_separated_list():
    assert parse_sections("cover, Papers,actions") == {"cover", "papers", "actions"}
    with pytest.raises(ValidationError,
                       match="unknown section 'appendix'; choose from cover, summary, contents"):
        parse_sections("cover,appendix")
    with pytest.raises(ValidationError, match="choose at least one"):
        parse_sections(" , ")


def test_red_lines_are_part_of_the_papers():
    assert not BookOptions(sections=frozenset({"red_lines"})).has("red_lines")
    assert BookOptions(sections=frozenset({"papers", "red_lines"})).has("red_lines")
    assert not BookOptions(sections=frozenset(SECTION_IDS) - {"red_lines"}).has("red_lines")
    assert BookOptions().sections == frozenset(SECTION_IDS)


@pytest.mark.parametrize(("name", "paper"), [
    ("en_US.UTF-8", "letter"), ("es_MX.utf8", "letter"), ("fr_CA", "letter"),
    ("English_United States", "letter"), ("en_GB.UTF-8", "a4"), ("ja_JP.UTF-8", "a4"),
    ("de_DE@euro", "a4"), ("C", "a4"), ("C.UTF-8", "a4"), ("", "a4"), (None, "a4"),
])
def test_paper_follows_the_locales_territory(name, paper):
    assert paper_of_locale(name) == paper


def test_the_locale_is_read_as_posix_programs_do():
    assert default_paper({"LANG": "en_US.UTF-8"}) == "letter"
    assert default_paper({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}) == "a4"
    assert default_paper({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}) == "letter"
