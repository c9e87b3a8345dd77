"""The Reflex app: pages, their load events and the HTTP routes."""

import gc
import logging

import reflex as rx

from portal import routes
from portal.components.text import page_title
from portal.http import UploadSizeLimit, build_routes
from portal.pages.admin.collective import collective_candidates
from portal.pages.admin.consultations import consultation_oversight
from portal.pages.admin.lawyer_queue import lawyer_queue
from portal.pages.admin.lawyer_review import lawyer_review
from portal.pages.admin.queue import review_queue
from portal.pages.admin.review_log import review_log
from portal.pages.admin.trends import trends_page
from portal.pages.case import case_page
from portal.pages.collective_action import collective_action
from portal.pages.collective_list import collective_list
from portal.pages.consultation import consultation_page
from portal.pages.consumer.agency_request import agency_request
from portal.pages.consumer.consultations import consultations_page
from portal.pages.consumer.my_complaints import my_complaints
from portal.pages.consumer.new_complaint import new_complaint
from portal.pages.documents import case_documents
from portal.pages.lawyer.application import lawyer_application_page
from portal.pages.lawyer.cases import lawyer_cases
from portal.pages.lawyer.consultations import lawyer_consultations
from portal.pages.lawyer.home import lawyer_home
from portal.pages.lawyer.litigation import lawyer_litigation
from portal.pages.litigation_request import litigation_request
from portal.pages.public.auth import account, register, sign_in
from portal.pages.public.calculator import calculator_page
from portal.pages.public.home import home
from portal.pages.public.law_firm import law_firm
from portal.pages.public.lawyer_profile import lawyer_profile
from portal.pages.public.merchant import merchant_page
from portal.state.auth import AuthFormState
from portal.state.base import SessionState
from portal.state.calculator import CalculatorState
from portal.state.cases import CaseListState, CaseState
from portal.state.collective import (
    CollectiveAdminState,
    CollectiveListState,
    CollectiveState,
    MerchantState,
)
from portal.state.complaint_form import ComplaintFormState
from portal.state.consultation_chat import ChatState
from portal.state.consultation_oversight import ConsultationOversightState
from portal.state.consultations import (
    ConsultationListState,
    LawyerDeskState,
)
from portal.state.documents import DocumentsState
from portal.state.lawyer_application import ApplicationState
from portal.state.lawyer_cases import LawyerCasesState
from portal.state.lawyer_directory import (
    LawFirmState,
    PublicProfileState,
    WorkspaceState,
)
from portal.state.lawyer_review import (
    LawyerQueueState,
    LawyerReviewState,
    ReviewLogState,
)
from portal.state.litigation import (
    AgencyRequestFormState,
    LawyerLitigationState,
    LitigationState,
)
from portal.state.trends import TrendsState

logging.basicConfig(
    level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
)

app = rx.App(
    theme=None,
    html_lang="zh-CN",
    api_transformer=[build_routes(), UploadSizeLimit],
)

app.add_page(
    home,
    route=routes.HOME,
    title=page_title("title.home"),
    on_load=SessionState.refresh_session,
)
app.add_page(
    sign_in,
    route=routes.SIGN_IN,
    title=page_title("title.sign_in"),
    on_load=AuthFormState.open_form,
)
app.add_page(
    register,
    route=routes.REGISTER,
    title=page_title("title.register"),
    on_load=AuthFormState.open_form,
)
app.add_page(
    account,
    route=routes.ACCOUNT,
    title=page_title("title.account"),
    on_load=AuthFormState.open_account,
)
app.add_page(
    new_complaint,
    route=routes.NEW_COMPLAINT,
    title=page_title("title.new_complaint"),
    on_load=ComplaintFormState.open_form,
)
app.add_page(
    my_complaints,
    route=routes.MY_COMPLAINTS,
    title=page_title("title.my_complaints"),
    on_load=CaseListState.open_mine,
)
app.add_page(
    case_page,
    route=routes.CASE,
    title=page_title("title.case"),
    on_load=CaseState.open_case,
)
app.add_page(
    review_queue,
    route=routes.ADMIN_QUEUE,
    title=page_title("title.review_queue"),
    on_load=CaseListState.open_queue,
)
app.add_page(
    lawyer_home,
    route=routes.LAWYER_HOME,
    title=page_title("title.lawyer_home"),
    on_load=WorkspaceState.open_workspace,
)

app.add_page(
    lawyer_application_page,
    route=routes.LAWYER_APPLICATION,
    title=page_title("title.lawyer_application"),
    on_load=ApplicationState.open_application,
)
app.add_page(
    lawyer_profile,
    route=routes.LAWYER_PROFILE,
    title=page_title("title.lawyer"),
    on_load=PublicProfileState.open_profile,
)
app.add_page(
    law_firm,
    route=routes.LAW_FIRM,
    title=page_title("title.law_firm"),
    on_load=LawFirmState.open_firm,
)
app.add_page(
    lawyer_queue,
    route=routes.ADMIN_LAWYERS,
    title=page_title("title.lawyer_queue"),
    on_load=LawyerQueueState.open_queue,
)
app.add_page(
    lawyer_review,
    route=routes.ADMIN_LAWYER_REVIEW,
    title=page_title("title.lawyer_review"),
    on_load=LawyerReviewState.open_review,
)
app.add_page(
    review_log,
    route=routes.ADMIN_REVIEW_LOG,
    title=page_title("title.review_log"),
    on_load=ReviewLogState.open_log,
)
app.add_page(
    trends_page,
    route=routes.ADMIN_TRENDS,
    title=page_title("title.trends"),
    on_load=TrendsState.open_page,
)


app.add_page(
    agency_request,
    route=routes.AGENCY_REQUEST,
    title=page_title("title.litigation_request"),
    on_load=AgencyRequestFormState.open_form,
)
app.add_page(
    litigation_request,
    route=routes.LITIGATION_REQUEST,
    title=page_title("title.litigation"),
    on_load=LitigationState.open_request,
)
app.add_page(
    lawyer_litigation,
    route=routes.LAWYER_LITIGATION,
    title=page_title("title.litigation"),
    on_load=LawyerLitigationState.open_list,
)
app.add_page(
    collective_candidates,
    route=routes.ADMIN_COLLECTIVE,
    title=page_title("title.collective"),
    on_load=CollectiveAdminState.open_page,
)
app.add_page(
    collective_list,
    route=routes.COLLECTIVE_LIST,
    title=page_title("title.collective"),
    on_load=CollectiveListState.open_list,
)
app.add_page(
    collective_action,
    route=routes.COLLECTIVE_ACTION,
    title=page_title("title.collective"),
    on_load=CollectiveState.open_action,
)
app.add_page(
    merchant_page,
    route=routes.MERCHANT,
    title=page_title("title.merchant"),
    on_load=MerchantState.open_merchant,
)


app.add_page(
    calculator_page,
    route=routes.CALCULATOR,
    title=page_title("title.calculator"),
    on_load=CalculatorState.open_public,
)
app.add_page(
    case_documents,
    route=routes.CASE_DOCUMENTS,
    title=page_title("title.documents"),
    on_load=DocumentsState.open_page,
)
app.add_page(
    lawyer_cases,
    route=routes.LAWYER_CASES,
    title=page_title("title.lawyer_cases"),
    on_load=LawyerCasesState.open_list,
)


app.add_page(
    consultations_page,
    route=routes.CONSULTATIONS,
    title=page_title("title.consultations"),
    on_load=ConsultationListState.open,
)
app.add_page(
    consultation_page,
    route=routes.CONSULTATION,
    title=page_title("title.consultation"),
    on_load=ChatState.open,
)
app.add_page(
    lawyer_consultations,
    route=routes.LAWYER_CONSULTATIONS,
    title=page_title("title.lawyer_desk"),
    on_load=LawyerDeskState.open,
)
app.add_page(
    consultation_oversight,
    route=routes.ADMIN_CONSULTATIONS,
    title=page_title("title.admin_consultations"),
    on_load=ConsultationOversightState.open,
)


@app.register_lifespan_task
def _freeze_startup_objects() -> None:
    """Exclude the objects built at start-up from later garbage collections.

    The compiled app leaves about 440,000 long-lived objects, and every full
    collection would traverse all of them while events wait.
    """
    gc.collect()
    gc.freeze()
