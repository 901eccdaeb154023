"""The briefing book inside the app: the export dialog and the Book preview pane.

Both build the book off the GUI thread (``job.BookJob``, a ``ui.background`` task)
with the headless builder ``briefing.pdf``; nothing here lays out a page.
``main_window`` imports these modules only when the user first asks for them,
so that start-up never loads ReportLab or QtPdf.
"""
