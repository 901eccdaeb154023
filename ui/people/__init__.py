"""The Participants tab: both delegations as cards, and the selected person in a detail pane."""
