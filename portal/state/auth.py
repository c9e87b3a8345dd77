"""Sign-in, registration and password change forms."""

import reflex as rx

from portal import routes
from portal.models import Role
from portal.services import auth
from portal.services.errors import ServiceError, ValidationFailed
from portal.state.base import SessionState


def _safe_next(path: str, fallback: str) -> str:
    """Follow only local paths after sign-in, never another site."""
    local = path.startswith("/") and not path.startswith("//") and "\\" not in path
    return path if local else fallback


class AuthFormState(SessionState):
    """Errors of the sign-in, registration and password forms."""

    errors: dict[str, str] = {}
    form_error: str = ""
    notice: str = ""

    def _reset_messages(self) -> None:
        self.errors = {}
        self.form_error = ""
        self.notice = ""

    @rx.event
    def open_form(self):
        self._reset_messages()
        self._actor()

    @rx.event
    def sign_in(self, form: dict):
        self._reset_messages()
        try:
            actor, token = self._run(
                lambda db: auth.sign_in(
                    db, str(form.get("identifier", "")), str(form.get("password", ""))
                )
            )
        except ServiceError as error:
            self.form_error = self._error_text(error)
            return None
        except Exception as error:  # noqa: BLE001  (logged; the user sees a plain message)
            return self._unexpected(error)
        self.session_token = token
        self.user_name = actor.display_name
        self.user_role = actor.role.value
        target = self.router.url.query_parameters.get("next", "")
        return rx.redirect(_safe_next(target, routes.home_for(actor.role.value)))

    @rx.event
    def register(self, form: dict):
        self._reset_messages()
        role = Role.LAWYER if form.get("role") == "lawyer" else Role.CONSUMER

        def create(db):
            actor = auth.register(
                db,
                str(form.get("identifier", "")),
                str(form.get("password", "")),
                str(form.get("display_name", "")),
                role,
            )
            return actor, auth.open_session(db, actor)

        try:
            actor, token = self._run(create)
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self.session_token = token
        self.user_name = actor.display_name
        self.user_role = actor.role.value
        return rx.redirect(routes.home_for(actor.role.value))

    @rx.event
    def change_password(self, form: dict):
        self._reset_messages()
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            token = self._run(
                lambda db: auth.change_password(
                    db,
                    actor,
                    str(form.get("current_password", "")),
                    str(form.get("new_password", "")),
                )
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self.session_token = token
        self.notice = self._msg("auth.change_password.done")
        return [rx.set_value("current_password", ""), rx.set_value("new_password", "")]

    @rx.event
    def open_account(self):
        self._reset_messages()
        _actor, redirect = self._require()
        return redirect
