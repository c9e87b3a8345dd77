"""Messages travel in notes between workers and come back unchanged."""

import json
from datetime import UTC, datetime

from portal.services.consultation_messages import MessageView
from portal.state.consultation_chat import _message_note, _noted_message

VIEW = MessageView(
    seq=7,
    sender_id=3,
    sender_name="王消费者",
    client_id="c-7",
    body="<b>收到</b>，谢谢",
    file_id=12,
    file_name="发票.pdf",
    file_type="application/pdf",
    created_at=datetime(2026, 12, 4, 11, 30, 5, tzinfo=UTC),
)


def test_message_survives_a_trip_through_json():
    note = json.loads(json.dumps(_message_note(VIEW)))
    assert _noted_message(note) == VIEW


def test_malformed_message_is_ignored():
    note = _message_note(VIEW)
    assert _noted_message({**note, "created_at": "yesterday"}) is None
    assert _noted_message({**note, "unexpected": 1}) is None
    assert _noted_message({"seq": 7}) is None
    assert _noted_message("7") is None
    assert _noted_message(None) is None
