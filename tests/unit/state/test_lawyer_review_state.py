"""The review states offer browsers no event that could write the review log."""

from portal.state.base import SessionState
from portal.state.lawyer_review import LawyerReviewState, ReviewLogState


def _own_events(state: type[SessionState]) -> set[str]:
    return set(state.event_handlers) - set(SessionState.event_handlers)


def test_log_page_has_only_read_event():
    assert _own_events(ReviewLogState) == {"open_log"}


def test_review_page_events():
    assert _own_events(LawyerReviewState) == {"open_review", "decide"}
