"""The right side of the window: the open meeting's header and its tabs."""
