"""Who may read, draft, render and send documents, and the case-lawyer link."""

import pytest
from sqlmodel import select

from portal.models import (
    CaseLawyer,
    DocumentSend,
    DocumentVersion,
    Evidence,
    LawyerProfile,
    LegalDocument,
)
from portal.services import (
    case_lawyers,
    document_sending,
    document_views,
    documents,
    evidence,
)
from portal.services.errors import FieldError, NotFound, PermissionDenied
from tests.unit.services import documents_setup as setup


@pytest.fixture
def owner(db):
    return setup.consumer(db)


@pytest.fixture
def case_id(db, owner):
    return setup.file_case(db, owner)


@pytest.fixture
def handler(db, case_id):
    actor = setup.lawyer(db)
    setup.link(db, case_id, actor)
    return actor


def _letter_fields(db, handler, case_id) -> dict[str, str]:
    return documents.draft_document(db, handler, case_id, "lawyer_letter", "fraud")


def _saved_letter(db, handler, case_id) -> int:
    fields = _letter_fields(db, handler, case_id)
    fields["recipient_email"] = "shop@merchant.test"
    version = documents.save_version(db, handler, case_id, "lawyer_letter", fields)
    documents.render_version(db, handler, case_id, "lawyer_letter", version.number)
    return version.id


def _nothing_saved(db) -> bool:
    return (
        db.exec(select(LegalDocument)).all() == []
        and db.exec(select(DocumentVersion)).all() == []
    )


def test_consumer_cannot_save_lawyer_letter(db, owner, case_id, handler):
    fields = _letter_fields(db, handler, case_id)
    with pytest.raises(PermissionDenied):
        documents.save_version(db, owner, case_id, "lawyer_letter", fields)
    assert _nothing_saved(db)


def test_consumer_cannot_draft_lawyer_letter(db, owner, case_id):
    with pytest.raises(PermissionDenied):
        documents.draft_document(db, owner, case_id, "lawyer_letter")


def test_consumer_cannot_render_lawyer_letter(db, owner, case_id, handler):
    version_id = _saved_letter(db, handler, case_id)
    number = db.get(DocumentVersion, version_id).number
    with pytest.raises(PermissionDenied):
        documents.render_version(db, owner, case_id, "lawyer_letter", number)


def test_consumer_cannot_send_lawyer_letter(db, owner, case_id, handler):
    version_id = _saved_letter(db, handler, case_id)
    number = db.get(DocumentVersion, version_id).number
    with pytest.raises(PermissionDenied):
        document_sending.send_version(db, owner, case_id, "lawyer_letter", number)
    assert db.exec(select(DocumentSend)).all() == []


def test_consumer_reads_lawyer_letter(db, owner, case_id, handler):
    _saved_letter(db, handler, case_id)
    views = document_views.case_documents(db, owner, case_id)
    letter = next(v for v in views if v.kind == "lawyer_letter")
    assert letter.fields["lawyer_name"] == "李律师"
    assert not letter.may_edit


def test_lawyer_not_on_case_cannot_read(db, case_id):
    outsider = setup.lawyer(db, phone="13700137000", name="王律师")
    with pytest.raises(NotFound):
        document_views.case_documents(db, outsider, case_id)


def test_lawyer_not_on_case_cannot_sign(db, case_id, handler):
    outsider = setup.lawyer(db, phone="13700137000", name="王律师")
    fields = _letter_fields(db, handler, case_id)
    with pytest.raises(NotFound):
        documents.save_version(db, outsider, case_id, "lawyer_letter", fields)
    assert _nothing_saved(db)


def test_lawyer_not_on_case_cannot_open_pdf(db, case_id, handler):
    version_id = _saved_letter(db, handler, case_id)
    outsider = setup.lawyer(db, phone="13700137000", name="王律师")
    with pytest.raises(NotFound):
        documents.open_document_pdf(db, outsider, version_id)


@pytest.mark.parametrize("status", ["submitted", "rejected", "suspended"])
def test_unapproved_linked_lawyer_refused(db, case_id, handler, status):
    fields = _letter_fields(db, handler, case_id)
    other = setup.lawyer(db, phone="13700137000", name="王律师", status=status)
    setup.link(db, case_id, other)
    with pytest.raises(NotFound):
        documents.save_version(db, other, case_id, "lawyer_letter", fields)
    assert _nothing_saved(db)


def test_another_consumer_cannot_read(db, case_id):
    stranger = setup.consumer(db, phone="13600136000", name="赵六")
    with pytest.raises(NotFound):
        document_views.case_documents(db, stranger, case_id)


def test_another_consumer_cannot_save(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    stranger = setup.consumer(db, phone="13600136000", name="赵六")
    with pytest.raises(NotFound):
        documents.save_version(db, stranger, case_id, "complaint_letter", fields)
    assert _nothing_saved(db)


def test_lawyer_cannot_save_complaint_letter(db, owner, case_id, handler):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    with pytest.raises(PermissionDenied):
        documents.save_version(db, handler, case_id, "complaint_letter", fields)
    assert _nothing_saved(db)


def test_lawyer_on_case_drafts_civil_complaint(db, case_id, handler):
    fields = documents.draft_document(db, handler, case_id, "civil_complaint")
    version = documents.save_version(db, handler, case_id, "civil_complaint", fields)
    assert version.number == 1


def test_admin_reads_but_cannot_save(db, owner, case_id):
    admin = setup.admin(db)
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    assert len(document_views.case_documents(db, admin, case_id)) == 3
    with pytest.raises(PermissionDenied):
        documents.save_version(db, admin, case_id, "complaint_letter", fields)
    assert _nothing_saved(db)


def test_civil_complaint_is_not_emailed(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "civil_complaint")
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    with pytest.raises(PermissionDenied):
        document_sending.send_version(
            db, owner, case_id, "civil_complaint", version.number
        )


def test_unknown_kind_not_found(db, owner, case_id):
    with pytest.raises(NotFound):
        documents.draft_document(db, owner, case_id, "summons")


def test_assign_by_admin_links_lawyer(db, case_id):
    admin = setup.admin(db)
    lawyer = setup.lawyer(db)
    case_lawyers.assign_case_lawyer(db, admin, case_id, lawyer.user_id)
    assert case_lawyers.handles_case(db, lawyer, case_id)


def test_assign_twice_keeps_one_link(db, case_id):
    admin = setup.admin(db)
    lawyer = setup.lawyer(db)
    case_lawyers.assign_case_lawyer(db, admin, case_id, lawyer.user_id)
    case_lawyers.assign_case_lawyer(db, admin, case_id, lawyer.user_id)
    assert len(db.exec(select(CaseLawyer)).all()) == 1


def test_assign_refused_to_consumer(db, owner, case_id):
    lawyer = setup.lawyer(db)
    with pytest.raises(PermissionDenied):
        case_lawyers.assign_case_lawyer(db, owner, case_id, lawyer.user_id)
    assert db.exec(select(CaseLawyer)).all() == []


def test_assign_refused_to_lawyer(db, case_id):
    lawyer = setup.lawyer(db)
    with pytest.raises(PermissionDenied):
        case_lawyers.assign_case_lawyer(db, lawyer, case_id, lawyer.user_id)
    assert db.exec(select(CaseLawyer)).all() == []


def test_assign_rejects_unapproved_lawyer(db, case_id):
    admin = setup.admin(db)
    pending = setup.lawyer(db, status="submitted")
    with pytest.raises(FieldError):
        case_lawyers.assign_case_lawyer(db, admin, case_id, pending.user_id)
    assert db.exec(select(CaseLawyer)).all() == []


def test_assign_rejects_consumer_account(db, owner, case_id):
    admin = setup.admin(db)
    with pytest.raises(FieldError):
        case_lawyers.assign_case_lawyer(db, admin, case_id, owner.user_id)


def _evidence(db, owner) -> Evidence:
    row = Evidence(
        owner_id=owner.user_id,
        complaint_id=1,
        original_name="发票.pdf",
        stored_name="cd" * 16 + ".pdf",
        content_type="application/pdf",
        size_bytes=10,
        sha256="0" * 64,
    )
    db.add(row)
    db.flush()
    return row


def test_handling_lawyer_reads_evidence(db, owner, case_id, handler):
    row = _evidence(db, owner)
    assert evidence.open_for_download(db, handler, row.id).name == "发票.pdf"


def test_suspended_lawyer_loses_evidence(db, owner, case_id):
    suspended = setup.lawyer(db, status="suspended")
    setup.link(db, case_id, suspended)
    row = _evidence(db, owner)
    with pytest.raises(NotFound):
        evidence.open_for_download(db, suspended, row.id)


def test_case_handlers_lists_approved_only(db, owner, case_id, handler):
    suspended = setup.lawyer(db, phone="13700137000", name="王律师", status="suspended")
    setup.link(db, case_id, suspended)
    assert case_lawyers.case_handlers(db, owner, case_id) == ["李律师"]


def test_case_handlers_hidden_from_stranger(db, case_id, handler):
    stranger = setup.consumer(db, phone="13600136000", name="赵六")
    with pytest.raises(NotFound):
        case_lawyers.case_handlers(db, stranger, case_id)


def test_handled_cases_listed_for_lawyer(db, case_id, handler):
    rows = case_lawyers.list_handled_cases(db, handler)
    assert [row.case_id for row in rows] == [case_id]


def test_handled_cases_refused_to_unapproved(db, case_id):
    pending = setup.lawyer(db, status="submitted")
    setup.link(db, case_id, pending)
    with pytest.raises(PermissionDenied):
        case_lawyers.list_handled_cases(db, pending)


def test_approved_lawyers_refused_to_consumer(db, owner):
    with pytest.raises(PermissionDenied):
        case_lawyers.approved_lawyers(db, owner)


def test_outsider_lawyer_cannot_render(db, case_id, handler):
    fields = _letter_fields(db, handler, case_id)
    documents.save_version(db, handler, case_id, "lawyer_letter", fields)
    outsider = setup.lawyer(db, phone="13700137000", name="王律师")
    with pytest.raises(NotFound):
        documents.render_version(db, outsider, case_id, "lawyer_letter", 1)
    assert db.exec(select(DocumentVersion)).one().pdf_stored_name is None


def test_outsider_lawyer_cannot_send(db, case_id, handler):
    _saved_letter(db, handler, case_id)
    outsider = setup.lawyer(db, phone="13700137000", name="王律师")
    with pytest.raises(NotFound):
        document_sending.send_version(db, outsider, case_id, "lawyer_letter", 1)
    assert db.exec(select(DocumentSend)).all() == []


def test_suspended_handler_cannot_send(db, case_id, handler):
    _saved_letter(db, handler, case_id)
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == handler.user_id)
    ).one()
    profile.status = "suspended"
    db.add(profile)
    db.flush()
    with pytest.raises(NotFound):
        document_sending.send_version(db, handler, case_id, "lawyer_letter", 1)
    assert db.exec(select(DocumentSend)).all() == []


def test_admin_cannot_send_complaint_letter(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    fields["recipient_email"] = "shop@merchant.test"
    documents.save_version(db, owner, case_id, "complaint_letter", fields)
    documents.render_version(db, owner, case_id, "complaint_letter", 1)
    admin = setup.admin(db)
    with pytest.raises(PermissionDenied):
        document_sending.send_version(db, admin, case_id, "complaint_letter", 1)
    assert db.exec(select(DocumentSend)).all() == []
