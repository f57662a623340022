"""Models of the conventions domain: built by its own issue."""
