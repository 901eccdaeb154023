"""Who did what: the change log every service writes to, and what reads it."""
