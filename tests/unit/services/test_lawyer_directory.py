"""Public lawyer profiles, law firm pages and credential file access."""

import pytest
from sqlmodel import select

from portal.models import CredentialFile, LawyerProfile, Role
from portal.services import credential_review, lawyer_application, lawyer_directory
from portal.services.credential_files import open_credential_file
from portal.services.errors import NotFound
from tests.unit.services.lawyer_fixtures import PNG, complete_application, make_user


@pytest.fixture
def admin(db):
    return make_user(db, Role.ADMIN, "Admin")


@pytest.fixture
def lawyer(db):
    return make_user(db, Role.LAWYER, "Lawyer")


def _approved(db, admin, lawyer) -> LawyerProfile:
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == lawyer.user_id)
    ).one()
    credential_review.decide(db, admin, profile.id, "approve")
    return profile


def test_mask_keeps_four_and_two_digits():
    assert lawyer_directory.mask_licence_number("13101201510123456") == (
        "1310***********56"
    )


def test_mask_twelve_digits():
    assert lawyer_directory.mask_licence_number("110120051234") == "1101******34"


def test_mask_short_number_fully_hidden():
    assert lawyer_directory.mask_licence_number("12345") == "*****"


def test_public_profile_masks_licence(db, admin, lawyer):
    profile = _approved(db, admin, lawyer)
    public = lawyer_directory.public_profile(db, None, profile.id)
    assert "13101201510123456" not in repr(public)
    assert public.masked_licence_no == "1310***********56"


def test_public_profile_shows_firm_and_areas(db, admin, lawyer):
    profile = _approved(db, admin, lawyer)
    public = lawyer_directory.public_profile(db, None, profile.id)
    assert public.firm_name == "上海放心律师事务所"
    assert public.areas == ("consumer_disputes", "contracts")
    assert public.years_in_practice == 8


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected", "suspended"])
def test_public_profile_hidden_unless_approved(db, admin, lawyer, status):
    profile = _approved(db, admin, lawyer)
    profile.status = status
    db.add(profile)
    db.flush()
    with pytest.raises(NotFound):
        lawyer_directory.public_profile(db, None, profile.id)


def test_firm_lists_only_approved_lawyers(db, admin, lawyer):
    profile = _approved(db, admin, lawyer)
    pending = make_user(db, Role.LAWYER, "Pending")
    complete_application(db, pending, real_name="李律师")
    page = lawyer_directory.firm_page(db, None, profile.firm_id)
    assert [item.real_name for item in page.lawyers] == ["王律师"]


def test_firm_unknown_not_found(db):
    with pytest.raises(NotFound):
        lawyer_directory.firm_page(db, None, 999)


def _file_id(db) -> int:
    return db.exec(select(CredentialFile.id).order_by(CredentialFile.id)).first()


def test_file_served_to_applicant(db, lawyer):
    complete_application(db, lawyer)
    download = open_credential_file(db, lawyer, _file_id(db))
    assert download.path.read_bytes() == PNG


def test_file_served_to_admin(db, admin, lawyer):
    complete_application(db, lawyer)
    assert open_credential_file(db, admin, _file_id(db)).content_type == "image/png"


@pytest.mark.parametrize("role", [Role.LAWYER, Role.CONSUMER])
def test_file_hidden_from_other_user(db, lawyer, role):
    complete_application(db, lawyer)
    with pytest.raises(NotFound):
        open_credential_file(db, make_user(db, role, "Other"), _file_id(db))


def test_file_hidden_from_signed_out(db, lawyer):
    complete_application(db, lawyer)
    with pytest.raises(NotFound):
        open_credential_file(db, None, _file_id(db))


def test_file_unknown_not_found(db, admin):
    with pytest.raises(NotFound):
        open_credential_file(db, admin, 999)
