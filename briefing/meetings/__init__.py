"""Meetings: the records of a meeting and the service that creates, reads and edits them."""
