"""The marking ladder is the store's: read, replaced, refused when it would orphan marks, moved from
the old settings file once; a meeting's classification authority fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from briefing.config import Config
from briefing.errors import ValidationError
from briefing.markings.ladder import DEFAULT_LADDER, Marking
from briefing.services import Services

UK = (Marking("OFFICIAL", "OFFICIAL", "#2e7d32"), Marking("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE",
                                                          "#6a5a8c"), Marking("SECRET", "SECRET", "#8b0000"))


def test_a_new_store_has_the_default_ladder_and_the_session_uses_it(services):
    assert services.markings.ladder().codes == ("U", "SBU", "C")
    assert services.config.ladder.codes == ("U", "SBU", "C")


def test_a_ladder_set_is_kept_by_the_store_and_read_back_when_it_is_opened_again(db_url):
    with Services.open(db_url, Config()) as services:
        services.markings.set_ladder(UK)
    with Services.open(db_url, Config()) as again:
        assert again.config.ladder.codes == ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")
        assert again.config.ladder.get("SECRET").colour == "#8b0000"


def test_a_change_that_would_orphan_marks_says_how_many_portions_use_them(services):
    m = services.meetings.create(title="Round 2", starts_at=datetime(2022, 3, 1, 9, tzinfo=UTC),
                                 objectives="(C) Hold at 5%.\n\n(C) Walk away at 7%.\n\nText (C) here.")
    services.meetings.create(title="Round 3", starts_at=datetime(2022, 4, 1, 9, tzinfo=UTC),
                             objectives="- (C) one more\n- (SBU) not this")
    services.meetings.delete(m.id)  # the Trash's count too: it may come back
    with pytest.raises(ValidationError) as refused:
        services.markings.set_ladder(DEFAULT_LADDER[:2])
    assert refused.value.field == "ladder"
    assert refused.value.message == ("“C” cannot be removed: 3 portions are marked with it. "
                                     "Change their marking first.")
    assert services.markings.ladder().codes == ("U", "SBU", "C")


def test_a_code_no_portion_or_meeting_uses_can_go_and_order_can_change(services):
    services.meetings.create(title="R", starts_at=datetime(2022, 3, 1, 9, tzinfo=UTC),
                             objectives="(SBU) kept", sensitivity="SBU")
    ladder = services.markings.set_ladder((DEFAULT_LADDER[1], DEFAULT_LADDER[0]))
    assert ladder.codes == ("SBU", "U")
    with pytest.raises(ValidationError) as refused:
        services.markings.set_ladder((DEFAULT_LADDER[0],))
    assert refused.value.message == ("“SBU” cannot be removed: 1 portion and 1 meeting are marked "
                                     "with it. Change their marking first.")


def test_a_ladder_in_the_old_settings_file_moves_into_the_store_once(db_url, tmp_path):
    path = tmp_path / "briefbook.json"
    path.write_text(json.dumps({"user_name": "Aiko", "sensitivity_ladder": [
        {"code": m.code, "label": m.label, "colour": m.colour} for m in UK]}), encoding="utf-8")
    config = Config.load(path)
    with Services.open(db_url, config) as services:
        assert services.config.ladder.codes == ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")
        assert services.markings.ladder().codes == ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "sensitivity_ladder" not in data and data["user_name"] == "Aiko"
    assert Config.load(path).ladder_file is None


def test_a_store_with_its_own_ladder_keeps_it_over_the_settings_files(db_url, tmp_path):
    with Services.open(db_url, Config()) as services:
        services.markings.set_ladder(DEFAULT_LADDER + (Marking("S", "SECRET", "#8b0000"),))
    path = tmp_path / "briefbook.json"
    path.write_text(json.dumps({"sensitivity_ladder": [{"code": "X", "label": "X"}]}), encoding="utf-8")
    with Services.open(db_url, Config.load(path)) as services:
        assert services.config.ladder.codes == ("U", "SBU", "C", "S")


def test_a_meetings_classification_authority_is_kept_as_single_lines(services):
    m = services.meetings.create(title="R", starts_at=datetime(2022, 3, 1, 9, tzinfo=UTC),
                                 classified_by=" J. Smith, Director ", classification_reason="1.4(b)",
                                 declassify_on="2047-02-07")
    again = services.meetings.get(m.id)
    assert (again.classified_by, again.classification_reason, again.declassify_on) == (
        "J. Smith, Director", "1.4(b)", "2047-02-07")
    with pytest.raises(ValidationError) as refused:
        services.meetings.update(m.id, None, declassify_on="2047\n2048")
    assert refused.value.field == "declassify_on"


def test_a_meetings_overall_marking_is_its_highest_portion_or_its_sensitivity(sample):
    meeting = sample.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    assert sample.markings.meeting_highest(meeting.id) == "SBU"
    note = next(n for n in sample.notes.list_full(meeting.id) if n.red_lines)
    sample.notes.update(note.id, None, red_lines=note.red_lines + "\n- (C) Fallback: 2015–2017 volumes.")
    assert sample.markings.meeting_highest(meeting.id) == "C"
    sample.notes.update(note.id, None, red_lines="Plain, with (C) in the middle.")
    assert sample.markings.meeting_highest(meeting.id) == "SBU"
    assert sample.markings.meeting_highest(10**6) is None
