"""Public lawyer and law firm pages, and the approved lawyer's workspace."""

import reflex as rx

from portal import routes
from portal.services import lawyer_directory
from portal.services.errors import NotFound
from portal.services.lawyer_access import approved_profile
from portal.state.base import SessionState
from portal.state.lawyer_application import option_label


def _page_id(state: SessionState, name: str) -> int:
    try:
        return int(state.router.page.params.get(name, "0"))
    except ValueError:
        return 0


def _profile_card(
    state: SessionState, profile: lawyer_directory.PublicProfile
) -> dict[str, str]:
    return {
        "href": routes.lawyer_profile_path(profile.profile_id),
        "real_name": profile.real_name,
        "licence_no": profile.masked_licence_no,
        "firm_name": profile.firm_name,
        "firm_href": routes.law_firm_path(profile.firm_id) if profile.firm_id else "",
        "region": option_label(state, "region", profile.region),
        "years": state._msg("lawyer.years", years=profile.years_in_practice),
        "areas": state._msg("common.list_separator").join(
            option_label(state, "area", a) for a in profile.areas
        ),
    }


class PublicProfileState(SessionState):
    """The public profile of one approved lawyer; readable while signed out."""

    found: bool = False
    profile: dict[str, str] = {}

    @rx.event
    def open_profile(self):
        self._actor()
        profile_id = _page_id(self, "profile_id")
        try:
            public = self._run(
                lambda db: lawyer_directory.public_profile(db, None, profile_id)
            )
        except NotFound:
            self.found = False
            self.profile = {}
            return
        self.profile = _profile_card(self, public)
        self.found = True


class LawFirmState(SessionState):
    """A law firm's public page with its approved lawyers."""

    found: bool = False
    firm: dict[str, str] = {}
    lawyers: list[dict[str, str]] = []

    @rx.event
    def open_firm(self):
        self._actor()
        firm_id = _page_id(self, "firm_id")
        try:
            page = self._run(lambda db: lawyer_directory.firm_page(db, None, firm_id))
        except NotFound:
            self.found = False
            self.lawyers = []
            return
        self.firm = {"name": page.name, "uscc": page.uscc}
        self.lawyers = [_profile_card(self, item) for item in page.lawyers]
        self.found = True


class WorkspaceState(SessionState):
    """The approved lawyer's workspace; others are sent to their application."""

    real_name: str = ""
    profile_href: str = ""
    firm_href: str = ""

    @rx.event
    def open_workspace(self):
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        profile = self._run(lambda db: approved_profile(db, actor))
        if profile is None:
            return rx.redirect(routes.LAWYER_APPLICATION)
        self.real_name = profile.real_name
        self.profile_href = routes.lawyer_profile_path(profile.id)
        self.firm_href = (
            routes.law_firm_path(profile.firm_id) if profile.firm_id else ""
        )
        return None
