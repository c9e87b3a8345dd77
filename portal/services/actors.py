"""The acting user, as every service function receives it."""

from dataclasses import dataclass

from portal.models import Role


@dataclass(frozen=True)
class Actor:
    """The caller of a service: an account id, its role and its display name."""

    user_id: int
    role: Role
    display_name: str

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_consumer(self) -> bool:
        return self.role == Role.CONSUMER
