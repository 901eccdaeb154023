"""Undo: thin ``QUndoCommand``s that call a service in ``redo()``/``undo()``, and what they share.

- ``kinds``: which service writes which kind of row and which event announces it;
- ``writer``: the latest version of every row this window knows, and writes through it;
- ``command``: the base command that reports a refused write instead of raising;
- ``edit``: the generic field edit (``mergeWith`` folds a typing burst into one step).
"""
