"""Filing complaints, evidence uploads and who may read which case."""

import pytest
from sqlmodel import func, select

from portal.models import Case, Complaint, Evidence, Merchant, Role
from portal.services import cases, complaints, evidence
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from tests.factories import SAMPLE_FORM, file_sample, make_user

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64


def _count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def test_filing_creates_number_case_and_event(db):
    consumer = make_user(db)
    filed = file_sample(db, consumer)
    assert filed.number.startswith("FX-20")
    assert filed.number.endswith(f"{filed.complaint_id:06d}")
    case = db.get(Case, filed.case_id)
    assert case.status == "submitted"


def test_filing_stores_decimal_amount(db):
    consumer = make_user(db)
    filed = file_sample(db, consumer, amount_paid="1,299.90")
    db.expire_all()
    complaint = db.get(Complaint, filed.complaint_id)
    assert str(complaint.amount_paid) == "1299.90"


def test_filing_reports_every_bad_field_and_saves_nothing(db):
    consumer = make_user(db)
    bad = {
        **SAMPLE_FORM,
        "merchant_name": "",
        "merchant_uscc": "91350100M000100Y40",
        "category": "weapons",
        "amount_paid": "-3",
        "purchase_date": "2999-01-01",
        "description": "坏",
        "demand": "",
    }
    with pytest.raises(ValidationFailed) as caught:
        complaints.file_complaint(db, consumer, bad, [], consent=False)
    db.rollback()
    assert set(caught.value.errors) == {
        "merchant_name",
        "merchant_uscc",
        "category",
        "amount_paid",
        "purchase_date",
        "description",
        "demand",
        "consent",
    }
    assert _count(db, Complaint) == 0
    assert _count(db, Merchant) == 0


def test_description_length_limits(db):
    consumer = make_user(db)
    with pytest.raises(ValidationFailed) as too_long:
        complaints.file_complaint(
            db, consumer, {**SAMPLE_FORM, "description": "长" * 5001}, [], consent=True
        )
    assert too_long.value.errors["description"].key == "error.text.too_long"
    filed = file_sample(db, consumer, description="长" * 5000)
    assert filed.complaint_id


def test_only_consumers_file(db):
    admin = make_user(db, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        complaints.file_complaint(db, admin, SAMPLE_FORM, [], consent=True)


def test_merchant_matched_by_normalised_name(db):
    consumer = make_user(db)
    file_sample(db, consumer, merchant_name="东风日产有限公司")
    file_sample(db, consumer, merchant_name="东风 日产")
    assert _count(db, Merchant) == 1


def test_merchant_matched_by_credit_code(db):
    consumer = make_user(db)
    file_sample(
        db, consumer, merchant_name="甲公司", merchant_uscc="91350100M000100Y43"
    )
    file_sample(
        db, consumer, merchant_name="乙品牌", merchant_uscc="91350100m000100y43"
    )
    assert _count(db, Merchant) == 1


@pytest.mark.parametrize(
    ("data", "mime"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")],
)
def test_upload_accepts_by_content(db, data, mime):
    consumer = make_user(db)
    view = evidence.stage_upload(db, consumer, "photo.bin", data)
    assert view.content_type == mime


def test_upload_rejects_executable_named_jpg(db):
    consumer = make_user(db)
    with pytest.raises(FieldError) as caught:
        evidence.stage_upload(db, consumer, "receipt.jpg", ELF)
    assert caught.value.key == "error.evidence.type"
    assert caught.value.params["name"] == "receipt.jpg"
    assert _count(db, Evidence) == 0


def test_upload_rejects_eleven_megabytes(db):
    consumer = make_user(db)
    data = PNG + b"\x00" * (11 * 1024 * 1024)
    with pytest.raises(FieldError) as caught:
        evidence.stage_upload(db, consumer, "big.png", data)
    assert caught.value.key == "error.evidence.too_large"
    assert _count(db, Evidence) == 0


def test_upload_accepts_exactly_ten_megabytes(db):
    consumer = make_user(db)
    data = PNG + b"\x00" * (evidence.MAX_FILE_BYTES - len(PNG))
    assert (
        evidence.stage_upload(db, consumer, "edge.png", data).size_bytes
        == evidence.MAX_FILE_BYTES
    )


def test_upload_rejects_tenth_file(db):
    consumer = make_user(db)
    for number in range(9):
        evidence.stage_upload(db, consumer, f"{number}.png", PNG)
    with pytest.raises(FieldError) as caught:
        evidence.stage_upload(db, consumer, "9.png", PNG)
    assert caught.value.key == "error.evidence.too_many"
    assert _count(db, Evidence) == 9


def test_upload_rejects_empty_file(db):
    consumer = make_user(db)
    with pytest.raises(FieldError) as caught:
        evidence.stage_upload(db, consumer, "empty.png", b"")
    assert caught.value.key == "error.evidence.empty"


def test_stored_under_random_name(db):
    consumer = make_user(db)
    view = evidence.stage_upload(db, consumer, "../../etc/passwd.png", PNG)
    row = db.get(Evidence, view.id)
    assert row.original_name == "passwd.png"
    assert "passwd" not in row.stored_name
    assert evidence.storage_path(row.stored_name).read_bytes() == PNG


def test_staged_files_attach_on_filing(db):
    consumer = make_user(db)
    first = evidence.stage_upload(db, consumer, "a.png", PNG)
    second = evidence.stage_upload(db, consumer, "b.pdf", PDF)
    filed = complaints.file_complaint(
        db, consumer, SAMPLE_FORM, [first.id, second.id], consent=True
    )
    db.commit()
    attached = db.exec(
        select(Evidence).where(Evidence.complaint_id == filed.complaint_id)
    ).all()
    assert {row.id for row in attached} == {first.id, second.id}


def test_cannot_attach_another_consumers_file(db):
    owner = make_user(db)
    thief = make_user(db, name="乙")
    view = evidence.stage_upload(db, owner, "a.png", PNG)
    db.commit()
    with pytest.raises(ValidationFailed) as caught:
        complaints.file_complaint(db, thief, SAMPLE_FORM, [view.id], consent=True)
    db.rollback()
    assert "evidence" in caught.value.errors
    assert db.get(Evidence, view.id).complaint_id is None
    assert _count(db, Complaint) == 0


def test_download_allowed_for_owner_and_admin(db):
    owner = make_user(db)
    admin = make_user(db, Role.ADMIN)
    view = evidence.stage_upload(db, owner, "a.png", PNG)
    file_id = view.id
    filed = complaints.file_complaint(db, owner, SAMPLE_FORM, [file_id], consent=True)
    db.commit()
    assert filed.case_id
    assert evidence.open_for_download(db, owner, file_id).content_type == "image/png"
    assert evidence.open_for_download(db, admin, file_id).name == "a.png"


def test_download_refused_for_other_consumer_and_signed_out(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    view = evidence.stage_upload(db, owner, "a.png", PNG)
    db.commit()
    with pytest.raises(NotFound):
        evidence.open_for_download(db, other, view.id)
    with pytest.raises(NotFound):
        evidence.open_for_download(db, None, view.id)


def test_other_consumer_gets_no_case_detail(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    filed = file_sample(db, owner)
    with pytest.raises(NotFound):
        cases.case_detail(db, other, filed.case_id)


def test_my_cases_lists_only_own(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    file_sample(db, owner)
    file_sample(db, other, merchant_name="吉利汽车")
    page = cases.list_my_cases(db, owner)
    assert page.total == 1
    assert page.rows[0].merchant_name == "东风日产"


def test_my_cases_search_and_filter(db):
    owner = make_user(db)
    first = file_sample(db, owner)
    file_sample(db, owner, merchant_name="吉利汽车")
    assert cases.list_my_cases(db, owner, search="吉利").total == 1
    assert (
        cases.list_my_cases(db, owner, search=first.number.lower()).rows[0].number
        == first.number
    )
    assert cases.list_my_cases(db, owner, status="withdrawn").total == 0
    assert cases.list_my_cases(db, owner, status="submitted").total == 2


def test_my_cases_search_is_literal(db):
    owner = make_user(db)
    file_sample(db, owner, merchant_name="百分%商店")
    file_sample(db, owner, merchant_name="吉利汽车")
    assert cases.list_my_cases(db, owner, search="%").total == 1
    assert cases.list_my_cases(db, owner, search="_").total == 0


def test_long_file_name_keeps_extension(db):
    consumer = make_user(db)
    view = evidence.stage_upload(db, consumer, "票" * 300 + ".png", PNG)
    assert len(view.name) == 255
    assert view.name.endswith(".png")


def test_queue_is_admin_only_and_oldest_first(db):
    owner = make_user(db)
    admin = make_user(db, Role.ADMIN)
    first = file_sample(db, owner)
    file_sample(db, owner, merchant_name="吉利汽车")
    with pytest.raises(PermissionDenied):
        cases.review_queue(db, owner)
    queue = cases.review_queue(db, admin)
    assert queue.rows[0].number == first.number


def test_internal_notes_hidden_from_consumer(db):
    from portal.services import workflow

    owner = make_user(db)
    admin = make_user(db, Role.ADMIN)
    filed = file_sample(db, owner)
    workflow.add_note(db, admin, filed.case_id, "内部：先核实")
    db.commit()
    consumer_view = cases.case_detail(db, owner, filed.case_id)
    admin_view = cases.case_detail(db, admin, filed.case_id)
    assert all(not entry.internal for entry in consumer_view.timeline)
    assert any(entry.internal for entry in admin_view.timeline)


def test_attach_evidence_to_open_case(db):
    owner = make_user(db)
    filed = file_sample(db, owner)
    complaints.attach_evidence(db, owner, filed.case_id, "later.pdf", PDF)
    db.commit()
    detail = cases.case_detail(db, owner, filed.case_id)
    assert [item.name for item in detail.evidence] == ["later.pdf"]
    assert detail.timeline[-1].kind == "evidence_added"


def test_attach_evidence_refused_for_other_consumer(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    filed = file_sample(db, owner)
    with pytest.raises(NotFound):
        complaints.attach_evidence(db, other, filed.case_id, "x.pdf", PDF)
    db.rollback()
    assert _count(db, Evidence) == 0


def test_purge_removes_only_stale_staged_files(db):
    from datetime import timedelta

    consumer = make_user(db)
    stale = evidence.stage_upload(db, consumer, "old.png", PNG)
    fresh = evidence.stage_upload(db, consumer, "new.png", PNG)
    attached = evidence.stage_upload(db, consumer, "kept.png", PNG)
    complaints.file_complaint(db, consumer, SAMPLE_FORM, [attached.id], consent=True)
    for row in db.exec(select(Evidence)).all():
        if row.id != fresh.id:
            row.uploaded_at -= timedelta(days=2)
    db.commit()
    stale_path = evidence.storage_path(db.get(Evidence, stale.id).stored_name)

    assert evidence.purge_stale_staged(db, timedelta(hours=24)) == 1
    db.commit()
    assert db.get(Evidence, stale.id) is None
    assert not stale_path.exists()
    assert db.get(Evidence, fresh.id) is not None
    assert db.get(Evidence, attached.id) is not None
