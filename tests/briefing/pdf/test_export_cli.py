"""``main.py export``, run as a user runs it: a real process, its file, stdout, stderr, exit code."""

from __future__ import annotations

import io
import os

import pikepdf
import pypdf
import pytest

from tests.briefing.pdf.reading import fonts, outline, page_texts, watermarks
from tests.test_cli import cli

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    assert cli("sample", db=path).returncode == 0
    return path


def test_export_by_title_writes_the_chosen_sections_on_letter_paper(db, tmp_path):
    out = tmp_path / "brief.pdf"
    run = cli("export", ROUND_1, "-o", str(out), "--sections", "cover,papers",
              "--paper", "letter", "--watermark", "EYES ONLY", db=db)
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    pages = page_texts(data)
    assert run.stdout.strip() == f"Wrote {len(pages)} page(s) to {out}."
    assert ROUND_1 in pages[0] and not any("EYES" in p for p in pages)  # the watermark is shapes
    assert [shapes for shapes, _, _ in watermarks(data)] == [8] * len(pages)
    assert "Steel and aluminum excess capacity DRAFT" in pages[1]  # the paper: no contents, no agenda
    assert "RED LINES" not in " ".join(pages)  # red_lines was not listed
    assert "Their delegation" not in " ".join(pages)
    assert [t for _, t, _ in outline(data)][0] == "Issue papers"
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_the_password_comes_from_standard_input_and_is_then_required(db, tmp_path):
    out = tmp_path / "secret.pdf"
    run = cli("export", "2", "-o", str(out), "--password-stdin", db=db, stdin="s3cret pass\nignored\n")
    assert run.returncode == 0, run.stderr
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="s3cret pass") as pdf:
        assert pdf.encryption.R == 6 and len(pdf.pages) > 10


def test_an_empty_password_line_is_refused_and_nothing_is_written(db, tmp_path):
    out = tmp_path / "secret.pdf"
    run = cli("export", "2", "-o", str(out), "--password-stdin", db=db, stdin="\n")
    assert run.returncode == 1 and "password" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()


def test_a_password_longer_than_pdf_readers_read_is_refused_and_nothing_is_written(db, tmp_path):
    out = tmp_path / "secret.pdf"
    run = cli("export", "2", "-o", str(out), "--password-stdin", db=db, stdin="日" * 50 + "\n")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "password" in run.stderr and "150 bytes" in run.stderr and "at most 127 bytes" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_path_fails_with_a_message_naming_it(db, tmp_path):
    out = tmp_path / "missing" / "brief.pdf"
    run = cli("export", "2", "-o", str(out), db=db)
    assert run.returncode == 1
    assert f"cannot write {out}" in run.stderr and "Traceback" not in run.stderr
    assert not out.parent.exists()


def test_unknown_sections_and_meetings_are_refused_with_the_choices(db, tmp_path):
    run = cli("export", "2", "-o", str(tmp_path / "b.pdf"), "--sections", "cover,annex", db=db)
    assert run.returncode == 1
    assert "unknown section 'annex'; choose from cover, summary, contents" in run.stderr
    run = cli("export", "Round 9", "-o", str(tmp_path / "b.pdf"), db=db)
    assert run.returncode == 1 and "Meeting 'Round 9' was not found" in run.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_notes_choose_the_papers_and_an_unknown_one_is_named(db, tmp_path):
    out = tmp_path / "two.pdf"
    run = cli("export", "2", "-o", str(out), "--sections", "summary,papers",
              "--notes", "wto-reform, labor", db=db)
    assert run.returncode == 0, run.stderr
    assert [t for level, t, _ in outline(out.read_bytes()) if level == 1] == ["WTO reform", "Labor"]
    summary = page_texts(out.read_bytes())[0]
    assert "WTO reform" in summary and "Steel and aluminum" not in summary
    run = cli("export", "2", "-o", str(tmp_path / "b.pdf"), "--notes", "wto-reform,steel", db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "no issue 'steel' in this meeting" in run.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_help_names_every_section(db):
    run = cli("export", "--help", db=db)
    assert run.returncode == 0
    for section in ("cover", "summary", "contents", "agenda", "papers", "red_lines", "participants",
                    "actions"):
        assert f"\n  {section} " in run.stdout
    assert "--notes SLUGS" in run.stdout


def test_characters_without_a_glyph_are_warned_about_on_stderr(db, tmp_path):
    from briefing.config import Config
    from briefing.services import Services

    services = Services.open(f"sqlite:///{db}", Config())
    try:
        meeting = services.meetings.resolve("2")
        services.meetings.update(meeting.id, None, objectives="Close the deal 🤝")
    finally:
        services.close()
    out = tmp_path / "b.pdf"
    run = cli("export", "2", "-o", str(out), "--sections", "agenda", db=db)
    assert run.returncode == 0
    assert run.stderr == ("briefbook: warning: Agenda › Objectives: U+1F91D HANDSHAKE (🤝) is in no "
                          "font the book ships; printed as \ufffd\n")


def test_jobs_must_be_a_number_of_processes(db, tmp_path):
    for bad in ("0", "-2", "many"):
        run = cli("export", "2", "-o", str(tmp_path / "b.pdf"), "--jobs", bad, db=db)
        assert run.returncode == 2 and "--jobs: not a number of processes" in run.stderr
    assert not (tmp_path / "b.pdf").exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="laying out in parallel needs fork")
def test_a_long_book_laid_out_by_two_processes_is_the_book_one_process_writes(tmp_path):
    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.pdf import BookOptions
    from briefing.pdf.parallel import MIN_WEIGHT, book_parts
    from briefing.services import Services

    path = tmp_path / "long.db"
    services = Services.open(f"sqlite:///{path}", Config())
    try:
        meeting = populate(services, 12)
        assert sum(w for w, _ in book_parts(services.briefs.load(meeting), BookOptions())) >= MIN_WEIGHT
    finally:
        services.close()
    books = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"book-{jobs}.pdf"
        run = cli("export", str(meeting), "-o", str(out), "--paper", "a4", "--jobs", jobs, db=path)
        assert run.returncode == 0, run.stderr
        assert run.stdout.count("Wrote") == 1  # the layout process wrote nothing of its own
        books[jobs] = out.read_bytes()
    assert len(page_texts(books["2"])) > 30
    assert page_texts(books["2"]) == page_texts(books["1"])
    assert outline(books["2"]) == outline(books["1"])
    tags = [name.split("+")[0] for name in fonts(books["2"])]
    assert {tag[0] for tag in tags} == {"A", "B"} and len(set(tags)) == len(tags)  # two runs, apart
