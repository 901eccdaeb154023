"""Backups of the store: when they are taken, where they go, how many are kept; restore."""
