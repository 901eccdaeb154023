"""The issue library: negotiating topics reused from meeting to meeting."""
