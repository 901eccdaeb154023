"""Sensitivity markings: the store's ladder of codes, lowest first."""
