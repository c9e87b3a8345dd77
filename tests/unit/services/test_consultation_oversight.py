"""The admin list of consultations: who may see it, counts, filter, paging."""

from decimal import Decimal

import pytest

from portal.services import consultation_oversight, consultations
from portal.services.errors import FieldError, PermissionDenied
from tests.unit.services.consultation_fixtures import (
    active,
    consumer,
    on_duty_lawyer,
    waiting,
)
from tests.unit.services.documents_setup import admin


def _closed_and_rated(db, asker, answerer, stars: int) -> int:
    consultation_id = active(db, asker, answerer)
    consultations.close(db, answerer, consultation_id, "已解答。", "resolved_by_advice")
    consultations.rate(db, asker, consultation_id, stars)
    db.commit()
    return consultation_id


def test_only_admins_see_the_list(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    waiting(db, asker)
    for actor in (asker, answerer):
        with pytest.raises(PermissionDenied):
            consultation_oversight.overview(db, actor)


def test_counts_rating_and_names(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    waiting(db, asker)
    _closed_and_rated(db, asker, answerer, 5)
    _closed_and_rated(db, asker, answerer, 4)

    result = consultation_oversight.overview(db, admin(db))

    assert result.counts == {"waiting": 1, "active": 0, "closed": 2, "cancelled": 0}
    assert result.total == 3
    assert result.rated == 2
    assert result.average_rating == Decimal("4.5")
    newest = result.rows[0]
    assert newest.status == "closed"
    assert newest.consumer_name == "张三"
    assert newest.lawyer_name == "王律师"
    assert result.rows[-1].lawyer_name == ""


def test_status_filter_and_unknown_status(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    waiting(db, asker)
    active(db, asker, answerer)
    reader = admin(db)

    result = consultation_oversight.overview(db, reader, status="active")
    assert [row.status for row in result.rows] == ["active"]
    assert result.total == 1
    with pytest.raises(FieldError) as caught:
        consultation_oversight.overview(db, reader, status="deleted")
    assert caught.value.field == "status"


def test_pages_hold_thirty_and_clamp(db):
    asker = consumer(db)
    for number in range(consultation_oversight.PAGE_SIZE + 2):
        waiting(db, asker, f"第 {number} 个问题")
    reader = admin(db)

    first = consultation_oversight.overview(db, reader)
    last = consultation_oversight.overview(db, reader, page=99)

    assert (first.pages, len(first.rows)) == (2, consultation_oversight.PAGE_SIZE)
    assert (last.page, len(last.rows)) == (2, 2)
    assert last.rows[-1].question == "第 0 个问题"
