"""The Q&A bank (issue 13): entries cleared once and reused by reference, their history, retiring,
filters; notes' tiers, meetings' page budgets, the agenda's scenario fields; carry forward."""

from __future__ import annotations

import pytest

from briefing.errors import ConflictError, ValidationError

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
LAUNCH = "US–Japan trade talks, Tokyo"


@pytest.fixture
def meeting(services):
    from datetime import UTC, datetime

    m = services.meetings.create(title="Round 7", starts_at=datetime(2022, 2, 7, 0, 0, tzinfo=UTC),
                                 timezone="Asia/Tokyo")
    steel = services.notes.add_new_issue(m.id, "Steel")
    return m, steel


def test_an_entry_added_from_a_note_is_used_by_it_and_tagged_with_its_issue(services, meeting):
    m, steel = meeting
    entry = services.qa.add("Why <not> lift the duties & tariffs? 日本", "Because 🙂",
                            issue_id=steel.issue_id, note_id=steel.id)
    assert entry.key.startswith("qa-why-not-lift") and entry.issue_title == "Steel"
    assert (entry.kind, entry.status, entry.retired) == ("defensive", "draft", False)
    assert services.qa.for_note(steel.id) == [entry]
    assert services.qa.used_in(entry.id) == 1


def test_an_empty_question_or_an_unknown_kind_is_refused_naming_the_field(services):
    with pytest.raises(ValidationError) as empty:
        services.qa.add("   ")
    assert empty.value.field == "question"
    with pytest.raises(ValidationError) as kind:
        services.qa.add("Q?", kind="rumour")
    assert kind.value.field == "kind" and "defensive, press" in kind.value.message
    services.qa.add("Q?", key="my-key")
    with pytest.raises(ValidationError) as taken:
        services.qa.add("Another?", key="my-key")
    assert taken.value.field == "key" and "my-key" in taken.value.message


def test_an_edit_keeps_the_entry_as_it_was_and_a_stale_edit_is_refused(services):
    entry = services.qa.add("Will you lift the duties?", "No comment.")
    edited = services.qa.edit(entry.id, entry.version, answer="Talks have begun.", status="cleared")
    assert (edited.answer, edited.status, edited.version) == ("Talks have begun.", "cleared", 2)
    [before] = services.qa.history(entry.id)
    assert (before.answer, before.status) == ("No comment.", "draft") and before.author
    services.qa.edit(entry.id, edited.version, answer="Talks have begun.")  # nothing changed
    assert len(services.qa.history(entry.id)) == 1
    with pytest.raises(ConflictError):
        services.qa.edit(entry.id, entry.version, answer="From a stale window")


def test_the_bank_filters_by_issue_status_kind_and_text_and_hides_retired_entries(services, meeting):
    m, steel = meeting
    a = services.qa.add("Is 100% of the steel covered?", "Yes", issue_id=steel.issue_id, status="cleared")
    b = services.qa.add("Press line on steel", "A good day", kind="press", issue_id=steel.issue_id)
    c = services.qa.add("What about 日本の鉄鋼?", "Later")
    assert services.qa.list(issue_id=steel.issue_id) == [a, b]
    assert services.qa.list(status="cleared") == [a]
    assert services.qa.list(kind="press") == [b]
    assert services.qa.list(text="100%") == [a]  # a LIKE wildcard is a plain character
    assert services.qa.list(text="鉄鋼") == [c]
    assert services.qa.list(text="GOOD day") == [b]
    retired = services.qa.retire(c.id, c.version)
    assert retired.retired and services.qa.list() == [a, b]
    assert services.qa.list(include_retired=True)[-1].id == c.id
    assert not services.qa.retire(c.id, retired=False).retired


def test_attach_detach_and_order_of_a_notes_entries(services, meeting):
    m, steel = meeting
    a, b, c = (services.qa.add(q) for q in ("A?", "B?", "C?"))
    for entry in (a, b):
        services.qa.attach(steel.id, entry.id)
    assert [e.question for e in services.qa.attach(steel.id, c.id, position=0)] == ["C?", "A?", "B?"]
    with pytest.raises(ValidationError) as twice:
        services.qa.attach(steel.id, a.id)
    assert "already uses" in twice.value.message
    assert [e.question for e in services.qa.detach(steel.id, a.id)] == ["C?", "B?"]
    assert services.qa.get(a.id).question == "A?"  # still in the bank


def test_a_carried_forward_note_keeps_its_references_and_its_tier(sample):
    round1 = sample.meetings.resolve(ROUND_1)
    notes = {n.issue_slug: n for n in sample.notes.list_full(round1.id)}
    old_keys = [e.key for e in sample.qa.for_note(notes["section-232-tariffs"].id)]
    assert old_keys == ["qa-232-when-lifted", "qa-232-eu-precedent", "press-round-1-summary"]
    from briefing.rounds.carry_forward import carry_forward

    round2 = carry_forward(sample.db, round1.id, title="Round 9")
    carried = {n.issue_slug: n for n in sample.notes.list_full(round2.id)}
    assert [e.key for e in sample.qa.for_note(carried["section-232-tariffs"].id)] == old_keys
    assert carried["environment"].tier == "defensive" and carried["labor"].tier == "short"


def test_tiers_budgets_and_the_scenario_are_validated_with_the_field_named(services, meeting):
    m, steel = meeting
    assert services.notes.update(steel.id, None, tier="short").tier == "short"
    with pytest.raises(ValidationError) as tier:
        services.notes.update(steel.id, None, tier="medium")
    assert tier.value.field == "tier"
    m2 = services.meetings.update(m.id, None, page_budget_full="2", page_budget_short=1)
    assert (m2.page_budget_full, m2.page_budget_short, m2.page_budget_defensive) == (2, 1, None)
    assert services.meetings.get(m.id).page_budget_full == 2
    assert services.meetings.update(m.id, None, page_budget_full="").page_budget_full is None
    for bad in ("two", 0, -1, True):
        with pytest.raises(ValidationError) as budget:
            services.meetings.update(m.id, None, page_budget_short=bad)
        assert budget.value.field == "page_budget_short"
    item = services.agenda.add(m.id, "Opening", speaker_ours="Tai", speaker_theirs="萩生田",
                               press="open", points="- <b>Welcome</b> & thanks")
    assert (item.speaker_ours, item.speaker_theirs, item.press) == ("Tai", "萩生田", "open")
    with pytest.raises(ValidationError) as press:
        services.agenda.update(item.id, None, press="half-open")
    assert press.value.field == "press"
    with pytest.raises(ValidationError) as speaker:
        services.agenda.update(item.id, None, speaker_ours="two\nlines")
    assert speaker.value.field == "speaker_ours"


def test_the_bank_is_found_by_search(sample):
    results = sample.search.search("overcapacity arrangement")
    hits = [h for g in results.groups for h in g.hits if h.entity == "qa"]
    assert hits and hits[0].context == "Q&A bank: qa-232-when-lifted" and hits[0].field == "answer"


def test_removing_the_sample_retires_the_bank_entries_only_it_uses_and_undo_brings_them_back(sample):
    from briefing.meetings.sample import remove_sample, restore_sample

    mine = sample.meetings.create(title="My round", starts_at="2022-03-01T09:00:00+00:00")
    note = sample.notes.add_new_issue(mine.id, "My issue")
    shared = sample.qa.by_key("qa-cptpp-rejoin")
    sample.qa.attach(note.id, shared.id)
    removal = remove_sample(sample.db)
    assert [e.key for e in sample.qa.list()] == ["qa-cptpp-rejoin"]  # my note still uses it
    assert len(removal.qa_ids) == 6
    restore_sample(sample.db, removal)
    assert len(sample.qa.list()) == 7
