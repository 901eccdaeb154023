"""The book lists people as protocol wants them: precedence, family name first, capacity."""

from __future__ import annotations

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import page_texts


def _meeting_with_delegations(services):
    m = services.meetings.create(title="Round 2", starts_at="2031-10-06T09:00:00+09:00",
                                 timezone="Asia/Tokyo")
    people = services.people
    ids = {}
    for name, side, fields, capacity in [
        ("Katherine Tai", "ours", {}, "delegate"),
        ("Hagiuda Koichi", "theirs", {"name_order": "family_first"}, "delegate"),
        ("Sam Reed", "ours", {}, "note-taker"),
        ("Gina Raimondo", "ours", {}, "delegate"),
        ("Mori Aiko", "theirs", {"name_order": "family_first"}, "interpreter"),
        ("Hayashi Yoshimasa", "theirs", {"name_order": "family_first"}, "delegate"),
    ]:
        person = people.create_person(name, **fields)
        ids[name] = people.add_participant(m.id, person.id, side, capacity=capacity).id
    return m, ids


def test_each_side_prints_in_its_order_of_precedence_delegates_first(services):
    m, ids = _meeting_with_delegations(services)
    services.people.move_participant(ids["Gina Raimondo"], 0)  # she leads this round
    services.people.move_participant(ids["Hayashi Yoshimasa"], 0)

    brief = services.briefs.load(m.id)
    assert [(p.side, p.person.name) for p in brief.participants] == [
        ("ours", "Gina Raimondo"), ("ours", "Katherine Tai"), ("ours", "Sam Reed"),
        ("theirs", "HAYASHI Yoshimasa"), ("theirs", "HAGIUDA Koichi"), ("theirs", "MORI Aiko"),
    ]
    data, _ = render(brief, sections=frozenset({"participants"}))
    text = " ".join(" ".join(page_texts(data)).split())
    order = [text.index(name) for name in ("Gina Raimondo", "Katherine Tai", "Sam Reed",
                                            "HAYASHI Yoshimasa", "HAGIUDA Koichi", "MORI Aiko")]
    assert order == sorted(order)
    assert "Note-taker" in text and "Interpreter" in text
    assert text.index("Interpreter") > text.index("HAGIUDA Koichi")
    assert "Hagiuda Koichi" not in text  # the family name is never printed as typed
