"""Briefbook's desktop GUI (Qt only): windows, panels, item models, undo commands, workers, dialogs.

Widgets call ``briefing`` services; nothing here imports SQLAlchemy, ``db`` or ReportLab.
"""
