"""Search everything (Ctrl+K): the popup, its worker, and going to a hit where it is.

Nothing here is imported at start-up: the window builds the popup when the
user first asks for it.
"""
