"""Tiered papers and page budgets (issue 13): how deep each paper prints, and how long it may be."""
