"""Undo: thin ``QUndoCommand``s that call a service in ``redo()``/``undo()``, and what they share.

- ``kinds``: which service writes which kind of row and which event announces it;
- ``writer``: the latest version of every row this window knows, and writes through it;
- ``command``: the base command that reports a refused write instead of raising;
- ``lane_write``: one command's store call run in the ``WRITES`` lane, its outcome handled
  on the GUI thread (``wait_for_writes``: only the close and readers of the whole store wait);
- ``background_write``: a field edit's write in the lane; ``background_command``: the base of
  row commands (add, delete, move) whose store calls run in the lane;
- ``lane_job``: a write in the lane that is no undo step (deleting for good, a Q&A bank entry);
- ``waiting_writes``: row commands and cells given while the server is away, kept in the crash
  journal and written in order once it is back (``waiting_list``: the window's list of them);
- ``edit``: the generic field edit (``mergeWith`` folds a typing burst into one step);
- ``rows``: add, delete and move for a meeting's ordered lists; ``window_undo``: Edit → Undo/Redo.
"""
