"""Evidence uploads after the file check moved into ``write_checked_file``."""

import hashlib

import pytest

from portal.models import Evidence, Role
from portal.services import evidence
from portal.services.errors import FieldError
from tests.unit.services.lawyer_fixtures import PNG, make_user


def test_store_file_records_columns(db):
    consumer = make_user(db, Role.CONSUMER, "Consumer")
    view = evidence.store_file(db, consumer, "收据.png", PNG)
    row = db.get(Evidence, view.id)
    assert (row.original_name, row.content_type) == ("收据.png", "image/png")
    assert row.size_bytes == len(PNG)
    assert row.sha256 == hashlib.sha256(PNG).hexdigest()
    assert evidence.storage_path(row.stored_name).read_bytes() == PNG


def test_store_file_tenth_file_rejected(db):
    consumer = make_user(db, Role.CONSUMER, "Consumer")
    with pytest.raises(FieldError) as caught:
        evidence.store_file(db, consumer, "a.png", PNG, already_attached=9)
    assert caught.value.key == "error.evidence.too_many"


def test_write_checked_file_names_field(db):
    consumer = make_user(db, Role.CONSUMER, "Consumer")
    with pytest.raises(FieldError) as caught:
        evidence.write_checked_file(consumer, "a.txt", b"hello", field="docs")
    assert caught.value.field == "docs"
