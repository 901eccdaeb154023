"""Issue notes with sources, the issue library, people and participants, action items."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.errors import ConflictError, ValidationError
from briefing.vocabulary import NOTE_FIELDS


@pytest.fixture
def meeting(services):
    return services.meetings.create(title="Round 1", starts_at="2022-02-07T09:00:00+09:00")


def test_a_note_keeps_every_section_exactly(services, meeting):
    issue = services.issues.create("Digital trade")
    note = services.notes.add(meeting.id, issue.id)
    texts = {name: f"{name}: <para> & <b>unclosed 日米 🎌\r\n  trailing  " for name in NOTE_FIELDS}
    note = services.notes.update(note.id, note.version, **texts)
    again = services.notes.get(note.id)
    assert {name: again.section(name) for name in NOTE_FIELDS} == texts
    assert again.status == "draft" and again.priority == "medium"


def test_one_note_per_issue_per_meeting(services, meeting):
    issue = services.issues.create("WTO reform")
    services.notes.add(meeting.id, issue.id)
    with pytest.raises(ValidationError, match="already has a note"):
        services.notes.add(meeting.id, issue.id)


def test_a_new_issue_can_be_added_with_its_note(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "Steel and aluminum excess capacity")
    assert note.issue_slug == "steel-and-aluminum-excess-capacity"
    second = services.issues.create("Steel and aluminum excess capacity")
    assert second.slug == "steel-and-aluminum-excess-capacity-2"
    assert [n.issue_title for n in services.notes.list(meeting.id)] == [note.issue_title]


def test_stale_note_edits_are_refused(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "Labor")
    services.notes.update(note.id, note.version, background="mine")
    with pytest.raises(ConflictError) as caught:
        services.notes.update(note.id, note.version, background="theirs")
    assert caught.value.current.background == "mine"


def test_sources_are_numbered_in_order(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "CPTPP")
    first = services.notes.add_source(note.id, "Bloomberg", publisher="Bloomberg L.P.", date="2021-11-17")
    services.notes.add_source(note.id, "USTR statement")
    services.notes.delete_source(first.id)
    sources = services.notes.get(note.id).sources
    assert [(s.title, s.position) for s in sources] == [("USTR statement", 0)]


def test_people_and_participants(services, meeting):
    tai = services.people.create_person("Katherine Tai", title="USTR")
    hagiuda = services.people.create_person("Koichi Hagiuda", native_name="萩生田光一")
    assert hagiuda.key == "koichi-hagiuda"
    services.people.add_participant(meeting.id, tai.id, "ours", "Head of delegation")
    services.people.add_participant(meeting.id, hagiuda.id, "theirs", "Minister")
    with pytest.raises(ValidationError):
        services.people.add_participant(meeting.id, tai.id)
    with pytest.raises(ValidationError) as caught:
        hayashi = services.people.create_person("Yoshimasa Hayashi", native_name="林芳正")
        services.people.add_participant(meeting.id, hayashi.id, "neutral")
    assert caught.value.field == "side"
    parts = services.people.participants(meeting.id)
    assert [(p.person.name, p.side) for p in parts] == [
        ("Katherine Tai", "ours"), ("Koichi Hagiuda", "theirs")]
    assert parts[1].person.native_name == "萩生田光一"
    services.people.delete_person(tai.id)
    assert [p.person.name for p in services.people.participants(meeting.id)] == ["Koichi Hagiuda"]


def test_action_items_know_when_they_are_overdue(services, meeting):
    a = services.actions.add(meeting.id, "Circulate terms of reference", owner="Office of Japan",
                             due="2022-01-21")
    assert a.due == date(2022, 1, 21) and a.status == "open"
    assert a.is_overdue(date(2022, 2, 1)) and not a.is_overdue(date(2022, 1, 1))
    done = services.actions.update(a.id, a.version, status="done")
    assert not done.is_overdue(date(2022, 2, 1))
    with pytest.raises(ValidationError) as caught:
        services.actions.update(a.id, done.version, due="next week")
    assert caught.value.field == "due"


# -- protocol: order of precedence, family name first, capacity ---------------------------


def test_a_japanese_name_written_family_name_first_shows_the_family_name_in_capitals():
    from briefing.people.names import display_name

    assert display_name("Hagiuda Koichi", "family_first") == "HAGIUDA Koichi"
    assert display_name("  Hayashi  Yoshimasa ", "family_first") == "HAYASHI Yoshimasa"
    assert display_name("Katherine Tai", "given_first") == "Katherine Tai"
    assert display_name("Katherine Tai") == "Katherine Tai"
    assert display_name("Madonna", "family_first") == "MADONNA"


def test_a_person_keeps_their_name_order_and_a_participant_their_capacity(services):
    m = services.meetings.create(title="Round 2", starts_at="2031-10-06T09:00:00+09:00")
    hagiuda = services.people.create_person("Hagiuda Koichi", name_order="family_first")
    p = services.people.add_participant(m.id, hagiuda.id, "theirs", capacity="interpreter")
    assert services.people.get_person(hagiuda.id).name_order == "family_first"
    assert services.people.get_participant(p.id).capacity == "interpreter"
    services.people.update_participant(p.id, None, capacity="note-taker")
    assert services.people.get_participant(p.id).capacity == "note-taker"
    with pytest.raises(ValidationError) as caught:
        services.people.update_participant(p.id, None, capacity="minder")
    assert caught.value.field == "capacity"
    with pytest.raises(ValidationError):
        services.people.update_person(hagiuda.id, None, name_order="surname_first")


def test_moving_a_participant_changes_the_order_of_its_own_side_only(services):
    m = services.meetings.create(title="Round 2", starts_at="2031-10-06T09:00:00+09:00")
    names = [("Tai", "ours"), ("Hagiuda", "theirs"), ("Raimondo", "ours"), ("Hayashi", "theirs"),
             ("Note taker", "ours")]
    ids = {}
    for name, side in names:
        ids[name] = services.people.add_participant(
            m.id, services.people.create_person(name).id, side).id

    def side(which: str) -> list[str]:
        return [p.person.name for p in services.people.participants(m.id) if p.side == which]

    after = services.people.move_participant(ids["Raimondo"], 0)
    assert [p.person.name for p in after if p.side == "ours"] == ["Raimondo", "Tai", "Note taker"]
    assert side("ours") == ["Raimondo", "Tai", "Note taker"]
    assert side("theirs") == ["Hagiuda", "Hayashi"]
    services.people.move_participant(ids["Hagiuda"], 5)  # clamped: the end of their side
    assert side("theirs") == ["Hayashi", "Hagiuda"]
    assert side("ours") == ["Raimondo", "Tai", "Note taker"]
    assert [p.position for p in services.people.participants(m.id)] == [0, 1, 2, 3, 4]
