"""Work off the GUI thread — the one way: a function run in the one pool, reporting by signal.

``BackgroundTask(work, lane)`` runs ``work(progress)`` in a worker thread and
returns its result through ``signals.sig_finished(result)``, or the exception
through ``signals.sig_failed(error)``; ``progress(value)`` reports
``signals.sig_progress(value)`` and ``progress.cancelled()`` says whether to
stop. The signals arrive on the GUI thread; the work never touches a widget.
Connect before ``start()``::

    task = BackgroundTask(lambda progress: services.backups.daily_if_due(), WRITES)
    task.signals.sig_finished.connect(show_backup); task.start()   # or .start_after_first_paint(window)

A *lane* says how a task runs beside others (all in the same pool):

- none: at once, in parallel with everything else (an export);
- ``WRITES``, the app's one ``SerialLane``: one at a time, in the order started
  (the editors' autosave — ``ui.undo.background_write`` — backups, restores: whatever
  writes or copies the store);
- a ``LatestLane`` of the feature's own: one at a time, and a newer request
  supersedes (the running task is asked to cancel, a waiting one is dropped):
  search as you type, the book preview.

``failure_message(error, doing)`` turns a reported exception into words for the user.
"""

from ui.background.lanes import WRITES, LatestLane, SerialLane
from ui.background.task import BackgroundTask, Progress, TaskSignals, failure_message

__all__ = ["WRITES", "BackgroundTask", "LatestLane", "Progress", "SerialLane", "TaskSignals",
           "failure_message"]
