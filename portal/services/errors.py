"""Errors the services raise. Each carries a catalogue key, never UI text.

The state layer turns a key and its parameters into a sentence in the user's
language, so services stay free of presentation.
"""

from typing import Any


class ServiceError(Exception):
    """Base of every error a service raises on purpose."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class FieldError(ServiceError):
    """One invalid input field."""

    def __init__(self, field: str, key: str, **params: Any) -> None:
        super().__init__(key, **params)
        self.field = field


class ValidationFailed(ServiceError):
    """One or more invalid fields; ``errors`` maps each field to its error."""

    def __init__(self, errors: dict[str, FieldError]) -> None:
        super().__init__("error.validation_failed", count=len(errors))
        self.errors = errors


class PermissionDenied(ServiceError):
    """The acting user may not do this, or may not see this record."""

    def __init__(self, key: str = "error.permission_denied", **params: Any) -> None:
        super().__init__(key, **params)


class NotFound(ServiceError):
    """No record with that id, or none the acting user may see."""

    def __init__(self, key: str = "error.not_found", **params: Any) -> None:
        super().__init__(key, **params)


class InvalidTransition(ServiceError):
    """A case cannot move from its current status to the requested one."""

    def __init__(self, from_status: str, to_status: str) -> None:
        super().__init__(
            "error.invalid_transition", from_status=from_status, to_status=to_status
        )
        self.from_status = from_status
        self.to_status = to_status
