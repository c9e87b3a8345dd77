"""The consultation page: the chat shared by the consumer, the lawyer and admins."""

import reflex as rx

from portal.components.consultation import consultation_badge
from portal.components.forms import field, field_error, native_select
from portal.components.layout import page
from portal.components.text import tr, tr_var
from portal.models import Recommendation
from portal.state.consultation_chat import MESSAGE_BOX_ID, UPLOAD_ID, ChatState

INFO = ChatState.info
RECOMMENDATION_OPTIONS = [
    (r.value, f"consultation.recommendation.{r.value}") for r in Recommendation
]
LOG_SCROLL_TOP = rx.Var("document.getElementById('chat-log').scrollTop").to(int)
IS_PARTICIPANT = (ChatState.my_part == "consumer") | (ChatState.my_part == "lawyer")


def _header() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(tr_var(INFO["topic"]), size="5"),
                consultation_badge(ChatState.status, tr_var(INFO["status_label"])),
                align="center",
            ),
            rx.text(
                INFO["question"], white_space="pre-wrap", id="consultation-question"
            ),
            rx.hstack(
                rx.text(tr("consultation.consumer"), ": ", INFO["consumer"], size="2"),
                rx.cond(
                    INFO["lawyer"] != "",
                    rx.text(
                        tr("consultation.lawyer"),
                        ": ",
                        INFO["lawyer"],
                        size="2",
                        id="consultation-lawyer",
                    ),
                ),
                rx.cond(
                    INFO["case_href"] != "",
                    rx.link(
                        tr("consultation.case"),
                        ": ",
                        INFO["case_number"],
                        href=INFO["case_href"],
                        size="2",
                        id="consultation-case",
                    ),
                ),
                spacing="4",
                wrap="wrap",
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _waiting() -> rx.Component:
    return rx.cond(
        (ChatState.status == "waiting") & (ChatState.my_part == "consumer"),
        rx.callout(
            rx.hstack(
                rx.text(
                    tr("consultation.queue_position"),
                    " ",
                    rx.el.strong(ChatState.queue_position, id="queue-position"),
                    " · ",
                    tr("consultation.estimated_wait"),
                    " ",
                    rx.el.strong(ChatState.queue_minutes, id="queue-minutes"),
                    " ",
                    tr("consultation.minutes"),
                ),
                rx.spacer(),
                rx.button(
                    tr("consultation.cancel"),
                    on_click=ChatState.cancel,
                    color_scheme="red",
                    variant="soft",
                    size="1",
                    id="cancel-consultation",
                ),
                width="100%",
                align="center",
            ),
            icon="hourglass",
            width="100%",
            id="queue-panel",
        ),
    )


def _attachment(message: rx.Var) -> rx.Component:
    return rx.cond(
        message["file_href"] != "",
        rx.vstack(
            rx.cond(
                message["is_image"] != "",
                rx.image(src=message["file_href"], max_width="220px", alt=""),
            ),
            rx.link(
                rx.hstack(rx.icon("paperclip", size=14), rx.text(message["file_name"])),
                href=message["file_href"],
                is_external=True,
                size="2",
                class_name="message-file",
            ),
            spacing="1",
        ),
    )


def _message(message: rx.Var) -> rx.Component:
    mine = message["mine"] != ""
    return rx.box(
        rx.vstack(
            rx.text(
                message["sender"], " · ", message["at"], size="1", color_scheme="gray"
            ),
            rx.cond(
                message["body"] != "",
                rx.text(message["body"], white_space="pre-wrap", class_name="body"),
            ),
            _attachment(message),
            rx.cond(
                mine & (message["seq"].to(int) <= ChatState.peer_read_seq),
                rx.text(
                    tr("consultation.read"),
                    size="1",
                    color_scheme="gray",
                    class_name="read-mark",
                ),
            ),
            spacing="1",
            align=rx.cond(mine, "end", "start"),
        ),
        align_self=rx.cond(mine, "flex-end", "flex-start"),
        background=rx.cond(mine, "var(--teal-3)", "var(--gray-3)"),
        padding="8px 12px",
        border_radius="var(--radius-3)",
        max_width="75%",
        class_name=rx.cond(mine, "message mine", "message theirs"),
        custom_attrs={"data-seq": message["seq"]},
    )


def _log() -> rx.Component:
    return rx.auto_scroll(
        rx.vstack(
            rx.cond(
                ChatState.has_older,
                rx.button(
                    tr("consultation.load_older"),
                    on_click=ChatState.load_older,
                    variant="ghost",
                    size="1",
                    align_self="center",
                    id="load-older",
                ),
            ),
            rx.cond(
                ChatState.messages.length() == 0,
                rx.text(
                    rx.cond(
                        ChatState.status == "active",
                        tr("consultation.no_messages_active"),
                        tr("consultation.no_messages"),
                    ),
                    color_scheme="gray",
                    size="2",
                ),
            ),
            rx.foreach(ChatState.messages, _message),
            spacing="2",
            width="100%",
        ),
        id="chat-log",
        height="420px",
        overflow_y="auto",
        padding="12px",
        border="1px solid var(--gray-5)",
        border_radius="var(--radius-3)",
        width="100%",
        on_scroll=ChatState.scrolled(LOG_SCROLL_TOP).debounce(250),
    )


def _composer() -> rx.Component:
    return rx.cond(
        (ChatState.status == "active") & IS_PARTICIPANT,
        rx.vstack(
            rx.form(
                rx.hstack(
                    rx.el.input(
                        type="hidden", name="client_id", value=ChatState.draft_id
                    ),
                    rx.text_area(
                        name="body",
                        id=MESSAGE_BOX_ID,
                        placeholder=tr("consultation.message_placeholder"),
                        width="100%",
                        rows="2",
                        on_change=ChatState.typing.throttle(1000),
                    ),
                    rx.button(tr("consultation.send"), type="submit", id="send"),
                    width="100%",
                    align="end",
                ),
                on_submit=ChatState.send,
                reset_on_submit=True,
                width="100%",
            ),
            field_error(ChatState.errors, "body"),
            rx.upload.root(
                rx.button(
                    rx.icon("paperclip", size=14),
                    tr("consultation.attach"),
                    variant="soft",
                    size="1",
                    type="button",
                ),
                id=UPLOAD_ID,
                multiple=True,
                accept={
                    "image/jpeg": [".jpg", ".jpeg"],
                    "image/png": [".png"],
                    "application/pdf": [".pdf"],
                },
                on_drop=ChatState.send_files(rx.upload_files(upload_id=UPLOAD_ID)),
            ),
            field_error(ChatState.errors, "file"),
            width="100%",
        ),
    )


def _close_form() -> rx.Component:
    return rx.cond(
        (ChatState.status == "active") & (ChatState.my_part == "lawyer"),
        rx.card(
            rx.form(
                rx.vstack(
                    rx.heading(tr("consultation.close"), size="4"),
                    field(
                        "consultation.summary",
                        rx.text_area(name="summary", id="summary", width="100%"),
                        ChatState.errors,
                        "summary",
                        "consultation.summary_hint",
                    ),
                    field(
                        "consultation.recommendation",
                        native_select(
                            "recommendation",
                            RECOMMENDATION_OPTIONS,
                            "consultation.recommendation.choose",
                        ),
                        ChatState.errors,
                        "recommendation",
                    ),
                    rx.button(
                        tr("consultation.close_submit"),
                        type="submit",
                        color_scheme="orange",
                        id="close-consultation",
                    ),
                    width="100%",
                ),
                on_submit=ChatState.close,
                width="100%",
            ),
            width="100%",
        ),
    )


def _rating_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(tr("consultation.rate"), size="3"),
            field(
                "consultation.rating",
                native_select(
                    "rating",
                    [(str(n), f"consultation.stars.{n}") for n in range(5, 0, -1)],
                    "consultation.rating.choose",
                ),
                ChatState.errors,
                "rating",
            ),
            field(
                "consultation.rating_comment",
                rx.text_area(name="rating_comment", id="rating_comment", width="100%"),
                ChatState.errors,
                "rating_comment",
            ),
            rx.button(tr("consultation.rate_submit"), type="submit", id="rate"),
            width="100%",
        ),
        on_submit=ChatState.rate,
        width="100%",
    )


def _outcome() -> rx.Component:
    return rx.cond(
        ChatState.status == "closed",
        rx.card(
            rx.vstack(
                rx.heading(tr("consultation.summary"), size="4"),
                rx.badge(tr_var(INFO["recommendation"]), id="recommendation", size="2"),
                rx.text(INFO["summary"], white_space="pre-wrap", id="summary-text"),
                rx.cond(
                    INFO["rating"] != "",
                    rx.text(
                        tr("consultation.rating"),
                        ": ",
                        INFO["rating"],
                        " / 5 ",
                        INFO["rating_comment"],
                        id="rating-shown",
                    ),
                    rx.cond(ChatState.my_part == "consumer", _rating_form()),
                ),
                spacing="2",
                width="100%",
            ),
            width="100%",
        ),
    )


def consultation_page() -> rx.Component:
    return page(
        rx.cond(
            ChatState.found,
            rx.vstack(
                _header(),
                _waiting(),
                _outcome(),
                _log(),
                rx.cond(
                    ChatState.peer_typing,
                    rx.text(
                        tr("consultation.typing"),
                        size="1",
                        color_scheme="gray",
                        id="typing",
                    ),
                ),
                _composer(),
                _close_form(),
                spacing="3",
                width="100%",
            ),
            rx.text(tr("consultation.not_found"), id="consultation-not-found"),
        ),
        max_width="860px",
    )
