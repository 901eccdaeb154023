"""Briefbook's domain: one package per idea, each with its records beside its service.

No Qt here: everything runs headless, from the command line (``cli``) and tests.
Services own their transactions and return frozen records (``briefing.<idea>.records``),
never live ORM objects. ``briefing.services.Services`` hands out the services of one
open store; ``briefing.pdf`` builds the book from a ``briefing.brief.records.Brief``.
"""
