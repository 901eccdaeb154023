"""Property: any Unicode text in any Markdown field survives save → reload → dump → import."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.interchange import dump_store, import_document
from briefing.vocabulary import NOTE_FIELDS

# Every code point but NUL (refused with a message) and surrogates (not text).
any_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sections=st.fixed_dictionaries({name: any_text for name in NOTE_FIELDS}), objectives=any_text)
def test_markdown_fields_survive_every_step(new_store_url, sections, objectives):
    from briefing.services import Services

    urls = new_store_url(), new_store_url()
    first, second = Services.open(urls[0]), Services.open(urls[1])
    try:
        m = first.meetings.create(title="Round", starts_at="2022-02-07T09:00:00+09:00",
                                  objectives=objectives)
        note = first.notes.add_new_issue(m.id, "Digital trade")
        first.notes.update(note.id, note.version, **sections)
        reloaded = first.notes.get(note.id)
        assert {n: reloaded.section(n) for n in NOTE_FIELDS} == sections
        doc = dump_store(first.db)
        import_document(second.db, doc)
        again = dump_store(second.db)
        assert again == doc
        got = again["meetings"][0]["notes"][0]
        assert {n: got[n] for n in NOTE_FIELDS} == sections
        assert again["meetings"][0]["objectives"] == objectives
    finally:
        first.close()
        second.close()
        for url in urls:
            new_store_url.release(url)
