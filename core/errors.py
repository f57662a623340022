"""Domain errors raised by services; views show them, the API maps them to HTTP statuses."""


class DomainError(Exception):
    """A business rule refused the action (message in French, for the user)."""


class PermissionDeniedError(DomainError):
    """The actor's role does not allow the action (HTTP 403)."""


class ConflictError(DomainError):
    """The action conflicts with the object's current state or version (HTTP 409)."""
