"""Render legal documents to PDF with an embedded CJK font.

The font is AR PL UMing (Debian package ``fonts-arphic-uming``, installed by
``make fonts``), a Ming (Song-style) face, which is the style Chinese courts
and letters use for body text. Its outlines are TrueType, which reportlab can
subset and embed, so the PDF shows the same glyphs on a machine without any
Chinese font and its text can be copied or extracted. ``FANGXIN_PDF_FONT``
points at another TrueType font (``.ttf``, or ``.ttc`` with its first face).
"""

import io
import os
from datetime import date
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from portal.models import DocumentKind
from portal.services.document_forms import parse_claims

DEFAULT_FONT = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
FONT_NAME = "FangxinMing"
K = DocumentKind

TITLES = {
    K.COMPLAINT_LETTER: "投诉书",
    K.LAWYER_LETTER: "律师函",
    K.CIVIL_COMPLAINT: "民事起诉状",
}


class FontMissing(RuntimeError):
    """The CJK font file is not installed where the settings point."""


def font_path() -> Path:
    """Return the TrueType font the PDFs embed (``FANGXIN_PDF_FONT`` or UMing)."""
    return Path(os.environ.get("FANGXIN_PDF_FONT") or DEFAULT_FONT)


@cache
def _register_font(path: Path) -> str:
    if not path.is_file():
        raise FontMissing(
            f"CJK font {path} is missing: run `make fonts` (installs "
            "fonts-arphic-uming) or set FANGXIN_PDF_FONT to a TrueType font"
        )
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    return FONT_NAME


def _styles(font: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=font, fontSize=12, leading=21, wordWrap="CJK"
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", parent=body, spaceBefore=8),
        "body": body,
        "indent": ParagraphStyle("indent", parent=body, firstLineIndent=24),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    }


def chinese_date(iso: str) -> str:
    """Write ``2026-12-04`` as ``2026年12月4日``, the form documents are dated in."""
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


class _Builder:
    """Collects paragraphs in the document's styles."""

    def __init__(self, styles: dict[str, ParagraphStyle]) -> None:
        self.styles = styles
        self.story: list = []

    def add(self, text: str, style: str = "body") -> None:
        markup = escape(text).replace("\n", "<br/>")
        self.story.append(Paragraph(markup, self.styles[style]))

    def paragraphs(self, text: str) -> None:
        for line in text.splitlines():
            if line.strip():
                self.add(line.strip(), "indent")

    def gap(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))


def _complaint_letter(out: _Builder, f: dict[str, str]) -> None:
    out.add(TITLES[K.COMPLAINT_LETTER], "title")
    out.gap()
    out.add(f"致：{f['recipient_name']}")
    out.add(f"投诉人：{f['complainant_name']}，联系方式：{f['complainant_contact']}")
    out.add(f"被投诉人：{f['respondent_name']}")
    if f.get("order_info"):
        out.add("一、购买信息", "heading")
        out.paragraphs(f["order_info"])
    out.add("二、事实经过", "heading")
    out.paragraphs(f["facts"])
    out.add("三、投诉请求", "heading")
    out.paragraphs(f["requests"])
    out.add("请贵方依法处理并予以答复。特此投诉。", "indent")
    out.gap(10)
    out.add(f"投诉人：{f['complainant_name']}", "right")
    out.add(chinese_date(f["signed_on"]), "right")


def _lawyer_letter(out: _Builder, f: dict[str, str]) -> None:
    out.add(f["law_firm"], "subtitle")
    out.add(TITLES[K.LAWYER_LETTER], "title")
    out.gap()
    out.add(f"致：{f['recipient_name']}")
    out.add(
        f"{f['law_firm']}接受{f['client_name']}（以下称“委托人”）的委托，指派"
        f"{f['lawyer_name']}律师就委托人与贵方之间的消费纠纷，向贵方致函如下：",
        "indent",
    )
    out.add("一、基本事实", "heading")
    out.paragraphs(f["facts"])
    out.add("二、律师意见", "heading")
    out.paragraphs(f["legal_opinion"])
    out.add("三、委托人要求", "heading")
    out.paragraphs(f["requests"])
    out.add(
        f"请贵方于收到本函之日起 {f['reply_days']} 日内与委托人或本律师联系并妥善"
        "解决。逾期未处理的，委托人将依法通过投诉、诉讼等途径维护自身权益。",
        "indent",
    )
    out.gap(10)
    out.add(f["law_firm"], "right")
    out.add(f"律师：{f['lawyer_name']}", "right")
    out.add(f"执业证号：{f['licence_no']}", "right")
    out.add(chinese_date(f["signed_on"]), "right")


_NUMERALS = "一二三四五六七八九十"


def _numeral(number: int) -> str:
    if number <= 10:
        return _NUMERALS[number - 1]
    return str(number)


def _party(label: str, parts: list[tuple[str, str]]) -> str:
    return (
        f"{label}："
        + "，".join(
            f"{name}{value}" if name else value for name, value in parts if value
        )
        + "。"
    )


def _civil_complaint(out: _Builder, f: dict[str, str]) -> None:
    out.add(TITLES[K.CIVIL_COMPLAINT], "title")
    out.gap()

    out.add(
        _party(
            "原告",
            [
                ("", f["plaintiff_name"]),
                ("公民身份号码：", f.get("plaintiff_id_no", "")),
                ("住址：", f["plaintiff_address"]),
                ("联系电话：", f["plaintiff_phone"]),
            ],
        )
    )
    out.add(
        _party(
            "被告",
            [
                ("", f["defendant_name"]),
                ("统一社会信用代码：", f["defendant_uscc"]),
                ("住所地：", f["defendant_address"]),
                ("法定代表人：", f.get("defendant_representative", "")),
            ],
        )
    )

    out.add("诉讼请求：", "heading")
    claims = parse_claims(f["claims"])
    for number, claim in enumerate(claims, start=1):
        amount = f"{claim.amount:.2f} 元" if claim.amount is not None else ""
        out.add(
            f"{_numeral(number)}、{claim.text}"
            + (f"，计 {amount}" if amount else "")
            + "；",
            "indent",
        )
    total = sum((c.amount for c in claims if c.amount is not None), start=0)
    if total:
        out.add(f"以上金额合计 {total:.2f} 元。", "indent")

    out.add("事实与理由：", "heading")
    out.paragraphs(f["facts_and_reasons"])
    out.add("证据和证据来源：", "heading")
    out.paragraphs(f.get("evidence_list") or "原告将在举证期限内提交证据。")

    out.gap(6)
    out.add("此致", "indent")
    out.add(f["court"])

    out.gap(10)
    out.add(f"具状人（签名）：{' ' * 16}", "right")
    out.add(f"（{f['plaintiff_name']}）", "right")
    out.add(chinese_date(f["signed_on"]), "right")
    out.gap(6)
    out.add("附：本起诉状副本 1 份", "body")


_LAYOUTS = {
    K.COMPLAINT_LETTER: _complaint_letter,
    K.LAWYER_LETTER: _lawyer_letter,
    K.CIVIL_COMPLAINT: _civil_complaint,
}


def render_pdf(kind: DocumentKind, fields: dict[str, str], reference: str) -> bytes:
    """Lay out a complete document on A4 and return the PDF bytes.

    ``fields`` must have passed ``document_forms.require_complete``.
    ``reference`` (the case number and version) goes into the PDF metadata.

    Raises:
        FontMissing: the CJK font is not installed.
    """
    font = _register_font(font_path())
    out = _Builder(_styles(font))
    _LAYOUTS[kind](out, fields)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        initialFontName=font,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        title=f"{TITLES[kind]} {reference}",
        author="放心 Fangxin",
        subject=reference,
    )
    template.build(out.story)
    return buffer.getvalue()
