"""The Action items tab: follow-ups with owners, due dates and status; overdue ones stand out."""
