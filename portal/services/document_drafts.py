"""First drafts of each legal document, written from the case and the calculator.

Documents are addressed to merchants, regulators and courts in mainland China,
so their text is Simplified Chinese whatever language the UI shows. The
phrases here are document content, not UI messages.
"""

from dataclasses import dataclass
from datetime import date

from portal.i18n import translate
from portal.models import (
    Complaint,
    DocumentKind,
    LawFirm,
    LawyerProfile,
    Merchant,
    User,
)
from portal.services import calculator
from portal.services.document_forms import ClaimLine, format_claims

K = DocumentKind

# The request for each calculator figure, worded for a letter and for a court.
_LETTER_REQUEST = {
    "documents.calc.refund": "退还货款",
    "documents.calc.loss": "赔偿损失",
    "documents.calc.fraud_compensation": "支付价款三倍的赔偿金",
    "documents.calc.food_damages": "支付价款十倍或损失三倍的赔偿金",
}
_COURT_REQUEST = {key: f"判令被告{text}" for key, text in _LETTER_REQUEST.items()}
COURT_COSTS = "判令被告承担本案全部诉讼费用"
DEFAULT_REPLY_DAYS = "7"


@dataclass(frozen=True)
class CaseFacts:
    """The case facts a draft is written from."""

    complaint: Complaint
    merchant: Merchant
    consumer: User
    evidence_names: list[str]
    claim: calculator.Claim | None
    today: date


def _article(key: str) -> str:
    return translate("zh", key)


def _money(amount) -> str:
    return f"{amount:.2f}"


def _order_info(complaint: Complaint) -> str:
    parts = [
        ("订单号", complaint.order_no),
        ("商品或服务", complaint.product),
        (
            "支付金额",
            f"{_money(complaint.amount_paid)} 元" if complaint.amount_paid else "",
        ),
        (
            "购买日期",
            complaint.purchase_date.isoformat() if complaint.purchase_date else "",
        ),
        ("购买渠道", complaint.purchase_channel),
    ]
    return "；".join(f"{label}：{value}" for label, value in parts if value)


def _claim_lines(facts: CaseFacts, phrases: dict[str, str]) -> list[ClaimLine]:
    if facts.claim is not None and facts.claim.applicable:
        return [
            ClaimLine(
                f"{phrases[figure.label]}（依据{_article(figure.article)}）",
                figure.amount,
            )
            for figure in facts.claim.figures
        ]
    amount = facts.complaint.demand_amount or facts.complaint.amount_paid
    return [ClaimLine(phrases["documents.calc.refund"], amount)]


def _letter_requests(facts: CaseFacts) -> str:
    lines = _claim_lines(facts, _LETTER_REQUEST)
    return "\n".join(
        f"{number}. {line.text}"
        + (f"，金额 {_money(line.amount)} 元" if line.amount else "")
        for number, line in enumerate(lines, start=1)
    )


def _contact(user: User) -> str:
    return user.phone or user.email or ""


def draft_complaint_letter(facts: CaseFacts) -> dict[str, str]:
    """Draft a complaint letter to the merchant from the consumer's case."""
    merchant = facts.merchant
    return {
        "recipient_name": merchant.name,
        "recipient_email": merchant.email or "",
        "complainant_name": facts.consumer.display_name,
        "complainant_contact": _contact(facts.consumer),
        "respondent_name": merchant.name,
        "order_info": _order_info(facts.complaint),
        "facts": facts.complaint.description,
        "requests": _letter_requests(facts),
        "signed_on": facts.today.isoformat(),
    }


def draft_lawyer_letter(
    facts: CaseFacts, profile: LawyerProfile, firm: LawFirm | None
) -> dict[str, str]:
    """Draft a lawyer's letter; the lawyer's name, firm and licence come from
    the approved profile."""
    articles = sorted(
        {_article(f.article) for f in facts.claim.figures}
        if facts.claim and facts.claim.applicable
        else {_article(calculator.ARTICLE_FRAUD)}
    )
    opinion = (
        "本律师认为，贵方的上述行为侵害了委托人作为消费者的合法权益。根据"
        + "、".join(articles)
        + "的规定，贵方应当承担相应的法律责任。"
    )
    return {
        "recipient_name": facts.merchant.name,
        "recipient_email": facts.merchant.email or "",
        "client_name": facts.consumer.display_name,
        "facts": "\n".join(
            part
            for part in (_order_info(facts.complaint), facts.complaint.description)
            if part
        ),
        "legal_opinion": opinion,
        "requests": _letter_requests(facts),
        "reply_days": DEFAULT_REPLY_DAYS,
        "signed_on": facts.today.isoformat(),
        **lawyer_identity(profile, firm),
    }


def lawyer_identity(profile: LawyerProfile, firm: LawFirm | None) -> dict[str, str]:
    """Return the signature fields of a lawyer's letter from the approved profile."""
    return {
        "lawyer_name": profile.real_name,
        "law_firm": firm.name if firm else "",
        "licence_no": profile.licence_no,
    }


def draft_civil_complaint(facts: CaseFacts) -> dict[str, str]:
    """Draft a civil complaint, leaving the court and the plaintiff's address
    blank for the user to fill in."""
    merchant = facts.merchant
    claims = [*_claim_lines(facts, _COURT_REQUEST), ClaimLine(COURT_COSTS, None)]
    reasons = (
        facts.complaint.description
        + "\n为维护原告的合法权益，根据《中华人民共和国民事诉讼法》的有关规定，"
        "特向贵院提起诉讼，请求依法判决。"
    )
    evidence = "\n".join(
        f"{number}. {name}" for number, name in enumerate(facts.evidence_names, 1)
    )
    return {
        "plaintiff_name": facts.consumer.display_name,
        "plaintiff_id_no": "",
        "plaintiff_address": "",
        "plaintiff_phone": facts.consumer.phone or "",
        "defendant_name": merchant.name,
        "defendant_uscc": merchant.uscc or "",
        "defendant_address": merchant.address or "",
        "defendant_representative": "",
        "claims": format_claims(claims),
        "facts_and_reasons": reasons,
        "evidence_list": evidence,
        "court": "",
        "signed_on": facts.today.isoformat(),
    }
