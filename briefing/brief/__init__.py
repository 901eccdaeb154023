"""The brief: everything a briefing book shows of one meeting, gathered from the store."""
