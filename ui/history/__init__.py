"""An issue note's history in the app: its saved versions, compared with the note now, restorable."""
