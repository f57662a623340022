"""API collections of the conventions domain (conventions, amendments, deliberations)."""
