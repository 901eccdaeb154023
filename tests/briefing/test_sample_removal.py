"""Removing the sample: its meetings and the people only it names go to the Trash, and come back."""

from __future__ import annotations

from briefing.interchange.sample import load_sample


def test_removing_the_sample_trashes_its_meetings_and_people_but_not_the_users_own(services):
    load_sample(services.db, services.config)
    own = services.meetings.create(title="Our round with Korea", starts_at="2031-10-06T09:00:00+09:00")
    tai = next(p for p in services.people.list_people() if p.name == "Katherine Tai")
    services.people.add_participant(own.id, tai.id)  # the user's meeting names her too
    everyone = {p.name for p in services.people.list_people()}

    removal = services.meetings.remove_sample()

    assert [m.title for m in services.meetings.list()] == ["Our round with Korea"]
    assert services.meetings.sample_ids() == ()
    assert {p.name for p in services.people.list_people()} == {"Katherine Tai"}
    trash = services.trash.list()
    assert sorted(e.kind for e in trash) == ["meeting"] * 3 + ["person"] * (len(everyone) - 1)
    assert services.issues.list()  # the issue library stays

    services.meetings.restore_sample(removal)
    assert len(services.meetings.list()) == 4 and len(services.meetings.sample_ids()) == 3
    assert {p.name for p in services.people.list_people()} == everyone
    assert services.trash.count() == 0


def test_a_store_without_the_sample_has_nothing_to_remove(services):
    services.meetings.create(title="Round 1", starts_at="2031-10-06T09:00:00+09:00")
    removal = services.meetings.remove_sample()
    assert removal.meeting_ids == () and removal.person_ids == ()
    assert services.meetings.count() == 1 and services.trash.count() == 0
