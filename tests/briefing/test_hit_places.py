"""Where the app shows a search hit: a person or a library issue in the meeting open now when it can."""

from __future__ import annotations

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
ROUND_2 = "US–Japan Partnership on Trade — Round 2"
LAUNCH = "US–Japan trade talks, Tokyo"


def hit(sample, query: str, entity: str):
    return next(h for h in sample.search.search(query).hits if h.entity == entity)


def test_a_person_is_shown_in_the_meeting_open_now_else_in_the_latest_they_attend(sample):
    round1, launch = sample.meetings.resolve(ROUND_1), sample.meetings.resolve(LAUNCH)
    hagiuda = hit(sample, "萩生田", "person")  # at the launch and in Rounds 1 and 2
    assert sample.search.place(hagiuda, launch.id).meeting_id == launch.id
    assert sample.search.place(hagiuda, None).meeting_id == sample.meetings.resolve(ROUND_2).id
    nobody = sample.people.create_person("Jane Roe", bio="Kagoshima desk")
    alone = hit(sample, "kagoshima", "person")
    assert alone.entity_id == nobody.id
    assert sample.search.place(alone, round1.id).meeting_id is None


def test_a_library_issue_is_shown_as_its_note(sample):
    launch = sample.meetings.resolve(LAUNCH)
    issue = hit(sample, "overcapacity", "issue")
    place = sample.search.place(issue, launch.id)
    launch_note = next(n for n in sample.notes.list(launch.id) if n.issue_id == issue.entity_id)
    assert (place.meeting_id, place.note_id) == (launch.id, launch_note.id)
    latest = sample.search.place(issue, None)
    round2 = sample.meetings.resolve(ROUND_2)  # the latest round with a note on it
    assert latest.meeting_id == round2.id
    assert latest.note_id in {n.id for n in sample.notes.list(round2.id)}


def test_other_hits_are_shown_where_they_are(sample):
    source = hit(sample, "bloomberg", "source")
    place = sample.search.place(source, None)
    assert (place.meeting_id, place.note_id, place.entity, place.entity_id, place.field) == \
        (source.meeting_id, source.note_id, "source", source.entity_id, "publisher")
