"""Credential file lists and the in-page viewer for images and PDFs."""

import reflex as rx

from portal.components.text import tr


def file_viewer(item: rx.Var) -> rx.Component:
    """Show one credential file in the page: a PDF in a frame, an image as is."""
    return rx.vstack(
        rx.hstack(
            rx.badge(item["kind_label"], variant="soft"),
            rx.link(
                item["name"],
                href=item["href"],
                is_external=True,
                size="2",
                class_name="credential-link",
            ),
            rx.text(item["size"], size="1", color_scheme="gray"),
            align="center",
        ),
        rx.cond(
            item["is_pdf"] != "",
            rx.el.iframe(
                src=item["href"],
                title=item["name"],
                width="100%",
                height="520px",
                class_name="credential-pdf",
                style={"border": "1px solid var(--gray-6)"},
            ),
            rx.image(
                src=item["href"],
                alt=item["name"],
                max_width="100%",
                max_height="520px",
                class_name="credential-image",
            ),
        ),
        spacing="2",
        width="100%",
        class_name="credential-file",
    )


def file_list(files: rx.Var, empty_key: str) -> rx.Component:
    """Show every credential file in ``files`` in the page, or the empty message."""
    return rx.cond(
        files.length() > 0,
        rx.vstack(rx.foreach(files, file_viewer), spacing="4", width="100%"),
        rx.text(tr(empty_key), color_scheme="gray", size="2"),
    )
