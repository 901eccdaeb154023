"""Rounds in the app: an issue across the rounds of a negotiation, and what changed since the last one."""
