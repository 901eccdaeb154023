"""The meetings list on the left of the window, and the commands that add, carry forward and delete."""
