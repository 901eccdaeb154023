"""Item models: every list and table of the window is a Qt item model kept here."""
