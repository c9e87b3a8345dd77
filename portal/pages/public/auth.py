"""Sign-in, registration and account (password change) pages."""

import reflex as rx

from portal import routes
from portal.components.forms import field, form_error, text_input
from portal.components.layout import page
from portal.components.text import tr
from portal.state.auth import AuthFormState

E = AuthFormState.errors


def sign_in() -> rx.Component:
    return page(
        rx.heading(tr("auth.sign_in.title"), size="6"),
        rx.form(
            rx.vstack(
                form_error(AuthFormState.form_error),
                field(
                    "auth.identifier",
                    text_input("identifier", auto_complete="username"),
                    E,
                    "identifier",
                    "auth.identifier.hint",
                ),
                field(
                    "auth.password",
                    text_input(
                        "password", type="password", auto_complete="current-password"
                    ),
                    E,
                    "password",
                ),
                rx.button(
                    tr("auth.sign_in.submit"),
                    type="submit",
                    id="sign-in-submit",
                    width="100%",
                ),
                rx.link(tr("auth.no_account"), href=routes.REGISTER, size="2"),
                spacing="4",
            ),
            on_submit=AuthFormState.sign_in,
        ),
        max_width="420px",
    )


def register() -> rx.Component:
    return page(
        rx.heading(tr("auth.register.title"), size="6"),
        rx.form(
            rx.vstack(
                field(
                    "auth.display_name",
                    text_input("display_name", auto_complete="nickname"),
                    E,
                    "display_name",
                ),
                field(
                    "auth.identifier",
                    text_input("identifier", auto_complete="username"),
                    E,
                    "identifier",
                    "auth.identifier.hint",
                ),
                field(
                    "auth.password",
                    text_input(
                        "password", type="password", auto_complete="new-password"
                    ),
                    E,
                    "password",
                    "auth.password.hint",
                ),
                rx.vstack(
                    rx.text(tr("auth.role"), size="2", weight="medium"),
                    rx.el.label(
                        rx.el.input(
                            type="radio",
                            name="role",
                            value="consumer",
                            default_checked=True,
                            id="role-consumer",
                        ),
                        " ",
                        tr("auth.role.consumer"),
                    ),
                    rx.el.label(
                        rx.el.input(
                            type="radio", name="role", value="lawyer", id="role-lawyer"
                        ),
                        " ",
                        tr("auth.role.lawyer"),
                    ),
                    spacing="1",
                ),
                rx.button(
                    tr("auth.register.submit"),
                    type="submit",
                    id="register-submit",
                    width="100%",
                ),
                rx.link(tr("auth.have_account"), href=routes.SIGN_IN, size="2"),
                spacing="4",
            ),
            on_submit=AuthFormState.register,
        ),
        max_width="420px",
    )


def account() -> rx.Component:
    return page(
        rx.heading(tr("auth.change_password.title"), size="6"),
        rx.cond(
            AuthFormState.notice != "",
            rx.callout(
                AuthFormState.notice, color_scheme="green", icon="check", id="notice"
            ),
        ),
        rx.form(
            rx.vstack(
                field(
                    "auth.current_password",
                    text_input(
                        "current_password",
                        type="password",
                        auto_complete="current-password",
                    ),
                    E,
                    "current_password",
                ),
                field(
                    "auth.new_password",
                    text_input(
                        "new_password", type="password", auto_complete="new-password"
                    ),
                    E,
                    "new_password",
                    "auth.password.hint",
                ),
                rx.button(
                    tr("auth.change_password.submit"),
                    type="submit",
                    id="change-password-submit",
                ),
                spacing="4",
            ),
            on_submit=AuthFormState.change_password,
        ),
        max_width="420px",
    )
