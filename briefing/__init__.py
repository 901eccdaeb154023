"""Briefbook's domain: services, validation, carry forward, interchange and the PDF builder.

No Qt here: everything runs headless, from ``main.py`` sub-commands and tests.
Services own their transactions and return frozen records (``briefing.records``),
never live ORM objects.
"""
