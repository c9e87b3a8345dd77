"""The Reflex app: pages, their load events and the HTTP routes."""

import logging

import reflex as rx

from portal import routes
from portal.http import UploadSizeLimit, build_routes
from portal.pages.admin.queue import review_queue
from portal.pages.case import case_page
from portal.pages.consumer.my_complaints import my_complaints
from portal.pages.consumer.new_complaint import new_complaint
from portal.pages.lawyer.home import lawyer_home
from portal.pages.public.auth import account, register, sign_in
from portal.pages.public.home import home
from portal.state.auth import AuthFormState
from portal.state.base import SessionState
from portal.state.cases import CaseListState, CaseState
from portal.state.complaint_form import ComplaintFormState

logging.basicConfig(
    level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
)

app = rx.App(
    theme=None,
    html_lang="zh-CN",
    api_transformer=[build_routes(), UploadSizeLimit],
)

app.add_page(
    home, route=routes.HOME, title="放心 Fangxin", on_load=SessionState.refresh_session
)
app.add_page(
    sign_in, route=routes.SIGN_IN, title="登录 · 放心", on_load=AuthFormState.open_form
)
app.add_page(
    register,
    route=routes.REGISTER,
    title="注册 · 放心",
    on_load=AuthFormState.open_form,
)
app.add_page(
    account,
    route=routes.ACCOUNT,
    title="账户 · 放心",
    on_load=AuthFormState.open_account,
)
app.add_page(
    new_complaint,
    route=routes.NEW_COMPLAINT,
    title="我要投诉 · 放心",
    on_load=ComplaintFormState.open_form,
)
app.add_page(
    my_complaints,
    route=routes.MY_COMPLAINTS,
    title="我的投诉 · 放心",
    on_load=CaseListState.open_mine,
)
app.add_page(
    case_page, route=routes.CASE, title="投诉详情 · 放心", on_load=CaseState.open_case
)
app.add_page(
    review_queue,
    route=routes.ADMIN_QUEUE,
    title="审核队列 · 放心",
    on_load=CaseListState.open_queue,
)
app.add_page(
    lawyer_home,
    route=routes.LAWYER_HOME,
    title="律师 · 放心",
    on_load=AuthFormState.open_account,
)

from portal.pages.consultation import consultation_page  # noqa: E402
from portal.pages.consumer.consultations import consultations_page  # noqa: E402
from portal.pages.lawyer.consultations import lawyer_consultations  # noqa: E402
from portal.state.consultation_chat import ChatState  # noqa: E402
from portal.state.consultations import (  # noqa: E402
    ConsultationListState,
    LawyerDeskState,
)

app.add_page(
    consultations_page,
    route=routes.CONSULTATIONS,
    title="法律咨询 · 放心",
    on_load=ConsultationListState.open,
)
app.add_page(
    consultation_page,
    route=routes.CONSULTATION,
    title="咨询 · 放心",
    on_load=ChatState.open,
)
app.add_page(
    lawyer_consultations,
    route=routes.LAWYER_CONSULTATIONS,
    title="咨询台 · 放心",
    on_load=LawyerDeskState.open,
)
