"""Claim status: what kind of claim a passage makes, with a page default and marked exceptions."""
