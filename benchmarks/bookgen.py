"""A generated meeting for the export benchmark: as many issue papers as asked, about 3 pages each.

Deterministic (seeded) text in the shape real notes have: paragraphs with
bold and italics, bullet and numbered lists, a small table, Q&A, red lines,
sources with in-text references; participants with Japanese names, action items.
"""

from __future__ import annotations

import random

WORDS = (
    "tariff quota steel aluminum capacity market access reciprocal schedule safeguard ministry "
    "partnership framework digital supply chain resilience labor environment standards review "
    "transparency subsidy state enterprise coordination commitment implementation dispute panel "
    "consultation annex provision measure duty exclusion volume threshold monitoring alliance"
).split()
NAMES = (("Koichi Hagiuda", "萩生田光一"), ("Yoshimasa Hayashi", "林芳正"), ("Kenji Tanaka", "田中健二"),
         ("Akiko Suzuki", "鈴木明子"), ("Hiroshi Sato", "佐藤博"))


def sentence(rng: random.Random, words: int = 18) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 5, ref: str = "") -> str:
    """Sentences with some bold and italics, and a source reference (``[1]``) when given."""
    parts = [sentence(rng, rng.randint(12, 24)) for _ in range(sentences)]
    parts[1] = parts[1][:-1] + f" **{rng.choice(WORDS)} {rng.choice(WORDS)}**{ref}."
    parts[2] = parts[2][:-1] + f" *{rng.choice(WORDS)}*."
    return " ".join(parts)


def note_sections(rng: random.Random) -> dict[str, str]:
    """The six Markdown sections of one generated issue note."""
    table = "| Line | Rate | Volume |\n|---|--:|--:|\n" + "\n".join(
        f"| {rng.choice(WORDS)} {n} | {rng.randint(1, 25)}% | {rng.randint(100, 9000)} t |" for n in range(6))
    return {
        # a source reference or two per section, as a sourced brief has them
        "background": "\n\n".join(paragraph(rng, ref=" [1]" if n == 0 else "") for n in range(4))
        + "\n\n" + table,
        "objectives": "\n".join(f"- {sentence(rng)}" for _ in range(5)),
        "their_position": "\n\n".join(paragraph(rng, 4, ref=" [2]" if n == 0 else "") for n in range(2)),
        "talking_points": "\n".join(f"{n}. {sentence(rng, 20)}" for n in range(1, 7)),
        "defensives": "\n\n".join(f"**Q: {sentence(rng, 10)[:-1]}?**\nA: {sentence(rng, 22)}"
                                  + (" [3]" if n == 0 else "") for n in range(4)),
        "red_lines": "\n".join(f"- {sentence(rng, 14)}" for _ in range(3)),
    }


def populate(services, papers: int, seed: int = 7) -> int:
    """Create the benchmark meeting in ``services``' store; returns its id."""
    rng = random.Random(seed)
    m = services.meetings.create(
        title="Benchmark round — steel, aluminum and digital trade", timezone="Asia/Tokyo",
        starts_at="2022-02-07T09:00:00+09:00", ends_at="2022-02-09T18:00:00+09:00",
        location="Tokyo", counterpart="Government of Japan", principal="The Trade Representative",
        prepared_by="Office of Japan", sensitivity="SBU", objectives=paragraph(rng))
    for n in range(papers):
        title = f"Issue {n + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
        note = services.notes.add_new_issue(m.id, title)
        services.notes.update(note.id, note.version, priority=("high", "medium", "low")[n % 3],
                              **note_sections(rng))
        for s in range(3):
            services.notes.add_source(note.id, sentence(rng, 8)[:-1], publisher="Ministry of Trade",
                                      date="2022-01-1" + str(s), url=f"https://example.invalid/{n}/{s}")
        services.agenda.add(m.id, sentence(rng, 6)[:-1], minutes=30, lead=rng.choice(NAMES)[0],
                            issue_id=note.issue_id)
    for n, (name, native) in enumerate(NAMES * 4):
        person = services.people.create_person(f"{name} {n}", key=f"bench-{n}", native_name=native,
                                               title="Director", organization="Ministry",
                                               bio=paragraph(rng, 3))
        services.people.add_participant(m.id, person.id, "ours" if n % 2 else "theirs")
    for _ in range(papers // 2):
        services.actions.add(m.id, sentence(rng, 16), owner=rng.choice(NAMES)[0], due="2022-03-01")
    return m.id
