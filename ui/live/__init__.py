"""Live: what another member saved shows in this window; a lost connection is said and waited out."""
