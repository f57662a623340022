"""Models of the followup domain: built by its own issue."""
