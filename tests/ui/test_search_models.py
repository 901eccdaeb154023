"""The item models of search, history and rounds pass Qt's model tester, filled from the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.search.records import SearchResults
from ui.models.revisions_list import RevisionsListModel
from ui.models.search_results import HIT_ROLE, SUBTITLE_ROLE, SearchResultsModel
from ui.models.timeline_table import CHANGED, OBJECTIVES, ROUND, RUNS_ROLE, TimelineTableModel

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def test_search_results_model(qtmodeltester, sample):
    model = SearchResultsModel(lambda group: f"when {group.title}")
    results = sample.search.search("steel")
    model.set_results(results)
    qtmodeltester.check(model)
    assert model.hit_count() == len(results.hits)
    assert model.rowCount() == len(results.hits) + len(results.groups)
    first = model.index(0)
    round_2 = "US–Japan Partnership on Trade — Round 2"  # newest round first
    assert first.data() == round_2 and first.data(SUBTITLE_ROLE) == f"when {round_2}"
    selectable = Qt.ItemFlag.ItemIsSelectable
    assert first.data(HIT_ROLE) is None and not model.flags(first) & selectable  # a heading
    assert model.flags(model.index(1)) & selectable
    assert model.index(1).data(HIT_ROLE) is results.hits[0]
    assert model.index(1).data() == f"{results.hits[0].context} › {results.hits[0].field_label}"
    assert model.hit_row_after(0, 1) == 1 and model.hit_row_after(1, -1) == 1
    model.set_results(SearchResults("nothing", ()))
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.hit_row_after(-1, 1) == -1
    model.set_results(None)
    qtmodeltester.check(model)


def test_revisions_list_model(qtmodeltester, sample):
    note = sample.notes.list_full(sample.meetings.resolve(ROUND_1).id)[0]
    note = sample.notes.update(note.id, note.version, red_lines="- Nothing on rice", priority="low")
    model = RevisionsListModel()
    model.set_revisions(sample.history.revisions(note.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0).data().endswith("Changed: Red lines, Priority")
    assert model.index(1).data().endswith("Before its first recorded change")
    model.set_revisions([])
    qtmodeltester.check(model)


def test_timeline_table_model(qtmodeltester, sample):
    round1 = sample.meetings.resolve(ROUND_1)
    note = sample.notes.list_full(round1.id)[0]
    model = TimelineTableModel()
    model.set_timeline(sample.rounds.timeline(note.issue_id, round1.id), round1.id)
    qtmodeltester.check(model)
    assert [model.index(r, ROUND).data().splitlines()[0] for r in range(model.rowCount())] == \
        ["Launch", "Round 1 (this meeting)", "Round 2"]
    assert model.index(1, OBJECTIVES).data().startswith(CHANGED)
    runs = model.index(1, OBJECTIVES).data(RUNS_ROLE)  # the changed words, for the delegate to mark
    assert runs and any(run.kind != "equal" for run in runs)
    assert model.index(0, OBJECTIVES).data(RUNS_ROLE) is None
    model.set_timeline(None)
    qtmodeltester.check(model)
