"""Models of the subsidies domain: built by its own issue."""
