"""How a person's name is shown: as written, or family name first in capitals ("HAGIUDA Koichi").

Protocol lists write a Japanese (or Chinese, Korean, Hungarian…) name family
name first, the family name in capitals so that no reader takes it for a given
name. A person whose ``name_order`` is ``family_first`` has the name typed as it
is written ("Hagiuda Koichi"); the window and the book show it with the first
word in capitals. Everyone else's name is shown as typed.
"""

from __future__ import annotations

from briefing.people.records import PersonRecord

FAMILY_FIRST = "family_first"


def display_name(name: str, name_order: str = "given_first") -> str:
    """``name`` as the window and the book show it: for ``family_first``, the family name (the
    first word) in capitals and the rest as typed."""
    if name_order != FAMILY_FIRST:
        return name
    family, _space, given = name.strip().partition(" ")
    return f"{family.upper()} {given.strip()}".strip()


def shown_name(person: PersonRecord) -> str:
    """A person's name as shown (see ``display_name``)."""
    return display_name(person.name, person.name_order)
