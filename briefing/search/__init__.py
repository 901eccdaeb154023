"""Search everything a user wrote: the service, its records, excerpts and where a hit is shown."""
