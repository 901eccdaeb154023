"""Search finds what users wrote (typed, imported, undone, carried forward), nothing in the Trash."""

from __future__ import annotations

import pytest

from briefing.errors import ValidationError
from briefing.search.service import FtsBackend, PgBackend

ROUND1 = "US–Japan Partnership on Trade — Round 1"
ROUND2 = "US–Japan Partnership on Trade — Round 2"
LAUNCH = "US–Japan trade talks, Tokyo"


def where(results) -> list[tuple[str, int, str]]:
    return [(h.entity, h.entity_id, h.field) for h in results.hits]


def first_note(s, title=ROUND1):
    return s.notes.list_full(s.meetings.resolve(title).id)[0]


def test_each_store_is_searched_through_its_own_full_text_index(sample, store_backend):
    expected = {"sqlite": FtsBackend, "postgresql": PgBackend}[store_backend]
    assert isinstance(sample.search.backend, expected)


def test_a_word_is_found_however_it_is_typed(services):
    s = services
    m = s.meetings.create(title="Talks on Côte d'Ivoire with México, ＷＴＯ and the Straße team",
                          starts_at="2022-02-07T09:00:00+09:00")
    for typed in ("côte", "Cote", "CÔTE", "México", "mexico", "WTO", "ＷＴＯ", "wto", "straße",
                  "strasse", "d'ivoire", "D’Ivoire", "ivoire"):
        assert where(s.search.search(typed)) == [("meeting", m.id, "title")], typed


def test_what_was_just_typed_is_found_and_the_old_words_are_not(sample):
    s = sample
    note = first_note(s)
    s.notes.update(note.id, note.version, their_position="They now float a quinquennial review.")
    hits = s.search.search("quinquennial").hits
    assert [(h.entity, h.entity_id, h.field) for h in hits] == [("note", note.id, "their_position")]
    assert hits[0].meeting_title == ROUND1 and hits[0].context == note.issue_title
    assert hits[0].field_label == "Their position" and hits[0].note_id == note.id
    old_word = note.their_position.split()[-1].strip(".")
    assert ("note", note.id, "their_position") not in where(s.search.search(f'"{old_word}"'))


def test_undo_is_a_write_back_and_search_follows_it(sample):
    s = sample
    note = first_note(s)
    changed = s.notes.update(note.id, note.version, red_lines="Never accept the zirconium clause.")
    assert s.search.search("zirconium").hits
    s.notes.update(note.id, changed.version, red_lines=note.red_lines)  # what undo does
    assert not s.search.search("zirconium").hits
    word = note.red_lines.split()[1]
    assert ("note", note.id, "red_lines") in where(s.search.search(word, section="red_lines"))


def test_an_imported_meeting_is_found(services):
    from briefing.interchange import import_document

    import_document(services.db, {
        "format": "briefbook", "version": 1,
        "issues": [{"slug": "fish", "title": "Fisheries subsidies"}],
        "meetings": [{"title": "Geneva consultations", "starts_at": "2022-03-01T09:00:00+01:00",
                      "agenda": [{"title": "Fish", "outcome": "Agreed a moratorium text"}],
                      "notes": [{"issue": "fish", "background": "Illegal, unreported fishing."}]}],
    })
    hits = services.search.search("moratorium").hits
    assert [(h.meeting_title, h.entity, h.field) for h in hits] == [
        ("Geneva consultations", "agenda_item", "outcome")]
    assert services.search.search("unreported").hits[0].context == "Fisheries subsidies"


def test_a_carried_forward_round_is_found_and_listed_first(sample):
    s = sample
    round2 = s.meetings.resolve(ROUND2)
    round3 = s.rounds.carry_forward(round2.id)
    groups = s.search.search("excess capacity").groups
    titles = [g.title for g in groups if g.meeting_id is not None]
    assert titles[:4] == [round3.title, ROUND2, ROUND1, LAUNCH]
    assert [g.starts_at for g in groups[:3]] == sorted((g.starts_at for g in groups[:3]), reverse=True)


def test_rows_in_the_trash_drop_out_and_come_back(sample):
    s = sample
    round1 = s.meetings.resolve(ROUND1)
    note = first_note(s)
    s.notes.update(note.id, note.version, background="The xylophone argument.")
    s.notes.add_source(note.id, "Xylophone report")
    assert {h.entity for h in s.search.search("xylophone").hits} == {"note", "source"}
    s.notes.delete(note.id)
    assert s.search.search("xylophone").hits == ()
    person = s.people.create_person("Quentin Example", bio="Expert on xylophones")
    assert s.search.search("quentin").hits
    s.people.delete_person(person.id)
    assert not s.search.search("quentin").hits
    action = s.actions.add(round1.id, "Circulate the yodel memo")
    assert s.search.search("yodel").hits
    s.meetings.delete(round1.id)
    assert not s.search.search("yodel").hits
    assert action.id not in [h.entity_id for h in s.search.search("memo").hits if h.entity == "action"]


@pytest.mark.sqlite_only(reason="ranking is the full-text index's (BM25); PostgreSQL's scan is unranked")
def test_the_best_match_ranks_first_and_the_words_are_marked(sample):
    s = sample
    round1 = s.meetings.resolve(ROUND1)
    notes = s.notes.list_full(round1.id)
    filler = " ".join(["Other matters were discussed at length."] * 30)
    s.notes.update(notes[0].id, notes[0].version, defensives=f"{filler} Widget quotas came up once.")
    s.notes.update(notes[1].id, notes[1].version, defensives="Widget quotas, widget quotas: the widget ask.")
    hits = s.search.search("widget").hits
    assert [h.entity_id for h in hits] == [notes[1].id, notes[0].id]
    assert hits[0].rank < hits[1].rank
    assert hits[0].snippet_with_marks() == "[Widget] quotas, [widget] quotas: the [widget] ask."
    far = hits[1]
    assert far.snippet.startswith("…") and "[Widget] quotas came up once." in far.snippet_with_marks()
    text = s.notes.get(notes[0].id).defensives
    assert [text[a:b] for a, b in far.matches] == ["Widget"]


@pytest.mark.sqlite_only(reason="whole words are the full-text index's; PostgreSQL's scan finds substrings")
def test_the_last_word_matches_as_a_prefix_while_typing(sample):
    s = sample
    notes = s.notes.list_full(s.meetings.resolve(ROUND1).id)
    s.notes.update(notes[0].id, notes[0].version, objectives="Secure semiconductor supply.")
    s.notes.update(notes[1].id, notes[1].version, objectives="Semiconductors: see annex.")
    typed = [h.snippet_with_marks() for h in s.search.search("semicond").hits]
    assert sorted(typed) == ["Secure [semiconductor] supply.", "[Semiconductors]: see annex."]
    assert not s.search.search("semicond ").hits  # a finished word is a whole word
    assert len(s.search.search("semiconductor ").hits) == 1


def test_phrases_and_exclusions(sample):
    both = where(sample.search.search("steel aluminum"))
    phrase = where(sample.search.search('"aluminum excess"'))
    assert phrase and set(phrase) <= set(both)
    without = where(sample.search.search("steel -aluminum"))
    assert without and not set(without) & set(both)


def test_filters_for_meeting_issue_and_section(sample):
    s = sample
    launch, round1 = s.meetings.resolve(LAUNCH), s.meetings.resolve(ROUND1)
    issue = s.issues.by_slug(first_note(s).issue_slug)
    everywhere = s.search.search("steel", limit=100).hits
    in_launch = s.search.search("steel", meeting_id=launch.id, limit=100).hits
    assert in_launch and {h.meeting_id for h in in_launch} == {launch.id}
    assert {h.meeting_id for h in everywhere} >= {launch.id, round1.id}
    on_issue = s.search.search("steel", issue_id=issue.id, limit=100).hits
    assert on_issue and {h.issue_id for h in on_issue} == {issue.id}
    positions = s.search.search("japan", section="their_position", limit=100).hits
    assert positions and {h.field for h in positions} == {"their_position"}
    with pytest.raises(ValidationError) as caught:
        s.search.search("japan", section="nonsense")
    assert caught.value.field == "section"


def test_a_page_is_twenty_hits_and_says_when_there_are_more(sample):
    s = sample
    round1 = s.meetings.resolve(ROUND1)
    for n in range(25):
        s.actions.add(round1.id, f"Follow up on the kumquat file, part {n}")
    results = s.search.search("kumquat")
    assert len(results.hits) == 20 and results.more
    assert not s.search.search("kumquat", limit=25).more


def test_people_and_the_issue_library_come_after_the_meetings(sample):
    groups = sample.search.search("japan", limit=100).groups
    titles = [g.title for g in groups]
    assert titles[-2:] == ["People", "Issue library"]
    assert all(g.meeting_id is not None for g in groups[:-2])
