"""The store's full-text search: the FTS5 index, its tokenizer and ranking, and the portable LIKE path."""
