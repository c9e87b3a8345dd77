"""The applicant's side: saving, uploading credential files and submitting."""

import pytest
from sqlmodel import select

from portal.models import (
    CredentialAuditEntry,
    CredentialFile,
    LawFirm,
    LawyerProfile,
    Role,
)
from portal.services import credential_files, lawyer_application
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from tests.unit.services.lawyer_fixtures import (
    PDF,
    PNG,
    application_form,
    complete_application,
    make_user,
)


@pytest.fixture
def lawyer(db):
    return make_user(db, Role.LAWYER, "Lawyer")


def _profile(db, actor) -> LawyerProfile:
    return db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == actor.user_id)
    ).one()


def test_save_stores_fields_as_draft(db, lawyer):
    lawyer_application.save_application(db, lawyer, application_form())
    profile = _profile(db, lawyer)
    assert profile.status == "draft"
    assert profile.licence_no == "13101201510123456"
    assert profile.areas == "consumer_disputes,contracts"
    assert profile.years_in_practice == 8


def test_save_records_law_firm(db, lawyer):
    lawyer_application.save_application(db, lawyer, application_form())
    firm = db.get(LawFirm, _profile(db, lawyer).firm_id)
    assert firm.name == "上海放心律师事务所"


def test_save_reuses_firm_of_same_name_and_code(db, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    lawyer_application.save_application(db, lawyer, application_form())
    lawyer_application.save_application(
        db, other, application_form(firm_name=" 上海放心律师事务所 ")
    )
    assert _profile(db, lawyer).firm_id == _profile(db, other).firm_id


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("real_name", ""),
        ("licence_no", "12345"),
        ("firm_name", ""),
        ("firm_uscc", "913100004000012340"),
        ("region", "atlantis"),
        ("region", ""),
        ("years_in_practice", "-1"),
        ("years_in_practice", "71"),
        ("years_in_practice", "eight"),
        ("statement", "太短"),
    ],
)
def test_save_rejects_invalid_field(db, lawyer, field, value):
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.save_application(
            db, lawyer, application_form(**{field: value})
        )
    assert list(caught.value.errors) == [field]


@pytest.mark.parametrize("areas", [(), ("consumer_disputes", "astrology")])
def test_save_rejects_invalid_areas(db, lawyer, areas):
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.save_application(db, lawyer, application_form(areas=areas))
    assert list(caught.value.errors) == ["areas"]


def test_save_invalid_keeps_nothing(db, lawyer):
    lawyer_application.save_application(db, lawyer, application_form())
    with pytest.raises(ValidationFailed):
        lawyer_application.save_application(
            db, lawyer, application_form(real_name="李", licence_no="1")
        )
    assert _profile(db, lawyer).real_name == "王律师"


def test_save_refused_to_consumer(db):
    consumer = make_user(db, Role.CONSUMER, "Consumer")
    with pytest.raises(PermissionDenied):
        lawyer_application.save_application(db, consumer, application_form())
    assert db.exec(select(LawyerProfile)).all() == []


def test_submit_moves_draft_to_submitted(db, lawyer):
    complete_application(db, lawyer)
    assert lawyer_application.submit_application(db, lawyer) == "submit"
    assert _profile(db, lawyer).status == "submitted"


def test_submit_writes_log_entry(db, lawyer):
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    entry = db.exec(select(CredentialAuditEntry)).one()
    assert (entry.action, entry.from_status, entry.to_status) == (
        "submit",
        "draft",
        "submitted",
    )


def test_submit_sets_submitted_at(db, lawyer):
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    assert _profile(db, lawyer).submitted_at is not None


def test_submit_without_files_rejected(db, lawyer):
    lawyer_application.save_application(db, lawyer, application_form())
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.submit_application(db, lawyer)
    assert set(caught.value.errors) == {"licence_files", "id_document_files"}
    assert _profile(db, lawyer).status == "draft"


def test_submit_without_details_rejected(db, lawyer):
    credential_files.add_credential_file(db, lawyer, "licence", "l.png", PNG)
    credential_files.add_credential_file(db, lawyer, "id_document", "i.pdf", PDF)
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.submit_application(db, lawyer)
    assert set(caught.value.errors) == {"form"}


def test_submit_without_application_says_save_first(db, lawyer):
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.submit_application(db, lawyer)
    assert caught.value.errors["form"].key == "error.lawyer.save_first"


def test_submit_twice_rejected(db, lawyer):
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    with pytest.raises(ServiceError) as caught:
        lawyer_application.submit_application(db, lawyer)
    assert caught.value.key == "error.lawyer.locked"


def test_save_after_submit_rejected(db, lawyer):
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    with pytest.raises(ServiceError) as caught:
        lawyer_application.save_application(
            db, lawyer, application_form(real_name="李律师")
        )
    assert caught.value.key == "error.lawyer.locked"
    assert _profile(db, lawyer).real_name == "王律师"


def test_my_application_empty_before_saving(db, lawyer):
    view = lawyer_application.my_application(db, lawyer)
    assert (view.profile_id, view.status) == (None, "draft")


def test_my_application_shows_firm_and_files(db, lawyer):
    complete_application(db, lawyer)
    view = lawyer_application.my_application(db, lawyer)
    assert view.firm_name == "上海放心律师事务所"
    assert [item.kind for item in view.files] == ["licence", "id_document"]


def test_upload_rejects_other_content(db, lawyer):
    with pytest.raises(FieldError) as caught:
        credential_files.add_credential_file(
            db, lawyer, "licence", "licence.png", b"GIF89a" + b"\x00" * 20
        )
    assert caught.value.key == "error.evidence.type"
    assert caught.value.field == "licence_files"


def test_upload_rejects_over_ten_megabytes(db, lawyer):
    data = PNG + b"\x00" * (10 * 1024 * 1024)
    with pytest.raises(FieldError) as caught:
        credential_files.add_credential_file(db, lawyer, "licence", "big.png", data)
    assert caught.value.key == "error.evidence.too_large"


def test_upload_rejects_unknown_kind(db, lawyer):
    with pytest.raises(FieldError):
        credential_files.add_credential_file(db, lawyer, "selfie", "a.png", PNG)
    assert db.exec(select(CredentialFile)).all() == []


def test_upload_limited_per_kind(db, lawyer):
    for number in range(credential_files.MAX_FILES_PER_KIND):
        credential_files.add_credential_file(
            db, lawyer, "licence", f"{number}.png", PNG
        )
    with pytest.raises(FieldError) as caught:
        credential_files.add_credential_file(db, lawyer, "licence", "6.png", PNG)
    assert caught.value.key == "error.lawyer.too_many_files"


def test_upload_refused_to_consumer(db):
    consumer = make_user(db, Role.CONSUMER, "Consumer")
    with pytest.raises(PermissionDenied):
        credential_files.add_credential_file(db, consumer, "licence", "a.png", PNG)
    assert db.exec(select(CredentialFile)).all() == []


def test_remove_file_of_draft(db, lawyer):
    view = credential_files.add_credential_file(db, lawyer, "licence", "a.png", PNG)
    credential_files.remove_credential_file(db, lawyer, view.id)
    assert db.exec(select(CredentialFile)).all() == []


def test_remove_file_of_other_lawyer_not_found(db, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    credential_files.own_profile(db, other, create=True)
    view = credential_files.add_credential_file(db, lawyer, "licence", "a.png", PNG)
    with pytest.raises(NotFound):
        credential_files.remove_credential_file(db, other, view.id)
    assert db.get(CredentialFile, view.id) is not None


def test_remove_file_after_submit_rejected(db, lawyer):
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    file_id = db.exec(select(CredentialFile.id)).first()
    with pytest.raises(ServiceError):
        credential_files.remove_credential_file(db, lawyer, file_id)
    assert db.get(CredentialFile, file_id) is not None
