"""Edit → Settings…: what lives in ``briefbook.json`` (``briefing.config``), edited in a window."""
