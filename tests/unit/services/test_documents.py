"""Legal documents: drafting from the case, numbered versions and the PDF."""

import subprocess
from pathlib import Path

import pytest
from sqlmodel import select

from portal.models import CaseEvent, DocumentVersion, Evidence
from portal.services import document_views, documents
from portal.services.errors import NotFound, ValidationFailed
from portal.services.evidence import storage_path
from tests.unit.services import documents_setup as setup

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def owner(db):
    return setup.consumer(db)


@pytest.fixture
def case_id(db, owner):
    return setup.file_case(db, owner)


def _complete_civil_fields(db, owner, case_id) -> dict[str, str]:
    fields = documents.draft_document(db, owner, case_id, "civil_complaint", "fraud")
    fields["plaintiff_address"] = "北京市朝阳区建国路 1 号"
    fields["defendant_address"] = "上海市浦东新区世纪大道 100 号"
    fields["court"] = "北京市朝阳区人民法院"
    return fields


def _pdf_path(db, version_id: int) -> Path:
    row = db.get(DocumentVersion, version_id)
    return storage_path(row.pdf_stored_name)


def test_draft_complaint_letter_uses_case(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    assert fields["respondent_name"] == "某某电器有限公司"
    assert fields["complainant_name"] == "张三"
    assert "翻新机" in fields["facts"]
    assert "299.00" in fields["requests"]


def test_draft_fraud_rule_adds_treble_with_article(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter", "fraud")
    assert "897.00" in fields["requests"]
    assert "第五十五条" in fields["requests"]


def test_draft_civil_complaint_lists_evidence(db, owner):
    case_id = setup.file_case(db, owner)
    db.add(
        Evidence(
            owner_id=owner.user_id,
            complaint_id=1,
            original_name="订单截图.png",
            stored_name="ab" * 16 + ".png",
            content_type="image/png",
            size_bytes=len(PNG),
            sha256="0" * 64,
        )
    )
    db.flush()
    fields = documents.draft_document(db, owner, case_id, "civil_complaint")
    assert "订单截图.png" in fields["evidence_list"]
    assert fields["defendant_uscc"] == setup.VALID_USCC
    assert fields["court"] == ""


def test_draft_rejects_unknown_rule(db, owner, case_id):
    with pytest.raises(Exception) as caught:
        documents.draft_document(db, owner, case_id, "complaint_letter", "triple")
    assert caught.value.key == "error.choice.invalid"


def test_save_numbers_versions(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    first = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    fields["facts"] += "\n补充：客服拒绝提供发票。"
    second = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    assert (first.number, second.number) == (1, 2)


def test_save_keeps_earlier_version_text(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    documents.save_version(db, owner, case_id, "complaint_letter", fields)
    edited = {**fields, "facts": "改写后的事实经过。"}
    documents.save_version(db, owner, case_id, "complaint_letter", edited)
    views = document_views.case_documents(db, owner, case_id)
    letter = next(v for v in views if v.kind == "complaint_letter")
    first = db.exec(select(DocumentVersion).where(DocumentVersion.number == 1)).one()
    assert letter.fields["facts"] == "改写后的事实经过。"
    assert "翻新机" in first.fields


def test_save_rejects_bad_email(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    fields["recipient_email"] = "not-an-address"
    with pytest.raises(ValidationFailed) as caught:
        documents.save_version(db, owner, case_id, "complaint_letter", fields)
    assert caught.value.errors["recipient_email"].key == "documents.error.email"


def test_save_rejects_bad_claim_amount(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    fields["claims"] = "判令被告退还货款 | 二百元"
    with pytest.raises(ValidationFailed) as caught:
        documents.save_version(db, owner, case_id, "civil_complaint", fields)
    assert caught.value.errors["claims"].params["line"] == 1


def test_save_rejects_too_long_field_and_saves_nothing(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    fields["recipient_name"] = "长" * 101
    with pytest.raises(ValidationFailed):
        documents.save_version(db, owner, case_id, "complaint_letter", fields)
    assert db.exec(select(DocumentVersion)).all() == []


def test_render_names_every_empty_field(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "civil_complaint")
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    with pytest.raises(ValidationFailed) as caught:
        documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    assert set(caught.value.errors) == {
        "plaintiff_address",
        "defendant_address",
        "court",
    }


def test_render_refuses_blank_claims(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    fields["claims"] = "  "
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    with pytest.raises(ValidationFailed) as caught:
        documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    assert "claims" in caught.value.errors


def test_render_refuses_blank_party_and_stores_no_pdf(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    fields["defendant_name"] = ""
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    with pytest.raises(ValidationFailed):
        documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    assert db.get(DocumentVersion, version.id).pdf_stored_name is None


def test_render_civil_complaint_pdf_embeds_cjk_font(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    fonts = subprocess.run(
        ["pdffonts", str(_pdf_path(db, version.id))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    font_rows = fonts.splitlines()[2:]
    assert font_rows
    assert all(row.split()[-5] == "yes" for row in font_rows), fonts


def test_render_civil_complaint_text_extracts(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    text = subprocess.run(
        ["pdftotext", "-layout", str(_pdf_path(db, version.id)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "民事起诉状",
        "原告",
        "被告",
        setup.VALID_USCC,
        "诉讼请求",
        "897.00",
        "事实与理由",
        "证据和证据来源",
        "此致",
        "北京市朝阳区人民法院",
        "具状人",
    ):
        assert expected in text, expected


def test_render_twice_keeps_one_file(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    first = db.get(DocumentVersion, version.id).pdf_stored_name
    documents.render_version(db, owner, case_id, "civil_complaint", version.number)
    assert db.get(DocumentVersion, version.id).pdf_stored_name == first


def test_render_records_timeline_event(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    version = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    documents.render_version(db, owner, case_id, "complaint_letter", version.number)
    event = db.exec(
        select(CaseEvent).where(CaseEvent.kind == "document_rendered")
    ).one()
    assert event.note == "投诉书 第 1 版"


def test_lawyer_letter_carries_identity(db, owner, case_id):
    handler = setup.lawyer(db)
    setup.link(db, case_id, handler)
    fields = documents.draft_document(db, handler, case_id, "lawyer_letter", "fraud")
    fields["lawyer_name"] = "冒名律师"
    version = documents.save_version(db, handler, case_id, "lawyer_letter", fields)
    documents.render_version(db, handler, case_id, "lawyer_letter", version.number)
    text = subprocess.run(
        ["pdftotext", str(_pdf_path(db, version.id)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "李律师" in text
    assert "冒名律师" not in text
    assert "北京明理律师事务所" in text
    assert "11101201810012345" in text


def test_open_pdf_for_consumer(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    version = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    documents.render_version(db, owner, case_id, "complaint_letter", version.number)
    download = documents.open_document_pdf(db, owner, version.id)
    assert download.path.read_bytes().startswith(b"%PDF-")
    assert download.name.startswith("投诉书-FX-")


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("defendant_uscc", "91110000100000000X", "error.uscc.check"),
        ("plaintiff_id_no", "11010519491231002", "documents.error.id_number"),
        ("signed_on", "2026-02-30", "error.date.format"),
    ],
)
def test_save_checks_civil_formats(db, owner, case_id, field, value, key):
    fields = _complete_civil_fields(db, owner, case_id)
    fields[field] = value
    with pytest.raises(ValidationFailed) as caught:
        documents.save_version(db, owner, case_id, "civil_complaint", fields)
    assert caught.value.errors[field].key == key


def test_save_accepts_id_number_ending_x(db, owner, case_id):
    fields = _complete_civil_fields(db, owner, case_id)
    fields["plaintiff_id_no"] = "11010519491231002x"
    version = documents.save_version(db, owner, case_id, "civil_complaint", fields)
    assert version.number == 1


def test_version_fields_returns_older_version(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    documents.save_version(db, owner, case_id, "complaint_letter", fields)
    edited = {**fields, "facts": "第二版的事实经过。"}
    documents.save_version(db, owner, case_id, "complaint_letter", edited)
    first = document_views.version_fields(db, owner, case_id, "complaint_letter", 1)
    assert "翻新机" in first["facts"]


def test_version_fields_hidden_from_stranger(db, owner, case_id):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    documents.save_version(db, owner, case_id, "complaint_letter", fields)
    stranger = setup.consumer(db, phone="13600136000", name="赵六")
    with pytest.raises(NotFound):
        document_views.version_fields(db, stranger, case_id, "complaint_letter", 1)
