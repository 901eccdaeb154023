"""The settings file: defaults, checking what the Settings window saves, and writing it safely."""

from __future__ import annotations

import getpass
import json

import pytest

from briefing.config import Config, check_ladder, check_settings, save_settings
from briefing.errors import StoreError, ValidationError
from briefing.markings.ladder import DEFAULT_LADDER, Ladder, Marking


def test_with_no_file_the_user_name_is_the_login_name_and_the_paper_the_locales(tmp_path, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "kaito")
    config = Config.load(tmp_path / "briefbook.json")
    assert (config.user_name, config.paper, config.backups_keep) == ("kaito", "locale", 10)


def test_a_machine_without_a_login_name_is_unknown(tmp_path, monkeypatch):
    def no_name():
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_name)
    assert Config.load(tmp_path / "briefbook.json").user_name == "unknown"


def test_saving_keeps_keys_it_does_not_know_and_reads_back_the_same(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFBOOK_HOME_TZ", raising=False)
    path = tmp_path / "briefbook.json"
    path.write_text(json.dumps({"future_option": {"x": 1}, "author": "old name"}), encoding="utf-8")
    ladder = Ladder((Marking("OFFICIAL", "OFFICIAL", "#2e7d32"), Marking("SECRET", "SECRET", "#555555")))
    save_settings(Config(home_timezone="Asia/Tokyo", ladder=ladder, backups_keep=3,
                         user_name="Aiko Tanaka", paper="letter"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["future_option"] == {"x": 1}
    again = Config.load(path)
    assert (again.user_name, again.home_timezone, again.paper, again.backups_keep) == (
        "Aiko Tanaka", "Asia/Tokyo", "letter", 3)
    assert again.author == "Aiko Tanaka"  # note revisions are signed with it
    assert "sensitivity_ladder" not in data  # the ladder is the store's now (issue 11)
    assert again.ladder.codes == ("U", "SBU", "C")
    assert [p.name for p in tmp_path.iterdir()] == ["briefbook.json"]  # no temp file left behind


def test_a_folder_that_cannot_hold_the_file_is_one_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(StoreError, match="Cannot save the settings"):
        save_settings(Config(), blocker / "briefbook.json")


@pytest.mark.parametrize(("codes", "says"), [
    (["U", ""], "row 2: the code must not be empty"),
    (["U", "   "], "row 2: the code must not be empty"),
    (["U", "U"], "row 2: the code “U” is on the ladder twice"),
    (["TOP SECRET"], "must not contain spaces or parentheses"),
    (["C(NF)"], "must not contain spaces or parentheses"),
])
def test_the_ladder_refuses_codes_that_cannot_be_told_apart_or_printed(codes, says):
    with pytest.raises(ValidationError) as refused:
        check_ladder([Marking(code, "name", "#555555") for code in codes])
    assert refused.value.field == "ladder" and says in refused.value.message


def test_a_ladder_keeps_its_colours_and_names_a_code_without_one():
    assert check_ladder([Marking(" R ", "", "")]) == (Marking("R", "R", "#555555"),)


@pytest.mark.parametrize(("change", "field"), [
    ({"home_timezone": "Mars/Olympus"}, "home_timezone"),
    ({"home_timezone": "localtime"}, "home_timezone"),
    ({"backups_keep": 0}, "backups_keep"),
    ({"user_name": "  "}, "user_name"),
    ({"paper": "a3"}, "paper"),
])
def test_settings_that_cannot_be_saved_are_refused_by_field(change, field):
    from dataclasses import replace

    with pytest.raises(ValidationError) as refused:
        check_settings(replace(Config(), **change))
    assert refused.value.field == field


def test_a_code_meetings_carry_cannot_leave_the_ladder_even_from_the_trash(sample):
    assert sample.meetings.count_marked("SBU") == 2  # the sample's Rounds 1 and 2
    assert sample.meetings.count_marked("C") == 0
    other = next(m for m in sample.meetings.list() if sample.meetings.get(m.id).sensitivity != "SBU")
    sample.meetings.update(other.id, None, sensitivity="SBU")
    sample.meetings.delete(other.id)  # in the Trash it may come back, marked SBU
    assert sample.meetings.count_marked("SBU") == 3
    smaller = Config(ladder=Ladder(DEFAULT_LADDER[:1] + DEFAULT_LADDER[2:]))
    with pytest.raises(ValidationError) as refused:
        check_settings(smaller, in_use=sample.meetings.count_marked, previous=Ladder())
    assert refused.value.message == "“SBU” cannot be removed: 3 meetings are marked with it. " \
                                    "Change their marking first."
    without_c = Config(ladder=Ladder(DEFAULT_LADDER[:2]))
    assert check_settings(without_c, in_use=sample.meetings.count_marked,
                          previous=Ladder()).ladder.codes == ("U", "SBU")
