"""Admin trends: counts per category and per merchant within a window."""

from datetime import timedelta

import pytest

from portal.models import Complaint, Role
from portal.services import trends, workflow
from portal.services.errors import PermissionDenied
from tests.factories import file_sample, make_user


def test_counts_by_category_and_merchant(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    file_sample(db, consumer)
    file_sample(db, consumer)
    withdrawn = file_sample(db, consumer, merchant_name="吉利汽车")
    file_sample(db, consumer, merchant_name="某外卖平台", category="food")
    workflow.move_case(db, consumer, withdrawn.case_id, "withdrawn")
    db.commit()

    result = trends.complaint_trends(db, admin, days=30)

    assert result.total == 4
    assert result.by_category[0].label == "automobile"
    assert result.by_category[0].total == 3
    assert result.by_category[0].still_open == 2
    assert result.top_merchants[0].label == "东风日产"
    assert result.top_merchants[0].total == 2


def test_window_excludes_older_complaints(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    old = file_sample(db, consumer)
    file_sample(db, consumer)
    row = db.get(Complaint, old.complaint_id)
    row.created_at -= timedelta(days=31)
    db.commit()
    assert trends.complaint_trends(db, admin, days=30).total == 1
    assert trends.complaint_trends(db, admin, days=90).total == 2


def test_trends_admin_only(db):
    consumer = make_user(db)
    with pytest.raises(PermissionDenied):
        trends.complaint_trends(db, consumer)
