"""Nothing typed is lost: the crash-recovery journal behind the forms, and the unclean-exit bar."""
