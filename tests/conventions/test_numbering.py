"""Amendments are numbered per convention: one above the highest, never twice the same."""

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from conventions import services
from conventions.models import Amendment
from core.errors import ConflictError
from tests.conventions.helpers import signed_convention
from tests.services import needs_postgres

pytestmark = pytest.mark.django_db


def test_numbers_follow_the_highest_including_historical(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("securite"))
    services.record_historical_amendment(region, convention, number=1, signed_on=date(2022, 1, 5))
    second = services.create_amendment(region, convention, title="Avenant n°2")
    assert second.number == 2


def test_the_database_refuses_a_duplicate_number(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("ia"))
    services.create_amendment(region, convention, title="Avenant")
    with pytest.raises(IntegrityError), transaction.atomic():
        Amendment.objects.create(convention=convention, number=1, title="Doublon")


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_gives_distinct_numbers(user_of, campus_of):
    region = user_of("region")
    convention = signed_convention(region, campus_of("icm"))
    barrier = threading.Barrier(4)
    numbers, errors = [], []

    def create():
        try:
            barrier.wait()
            amendment = services.create_amendment(region, convention, title="Concurrent")
            numbers.append(amendment.number)
        except ConflictError as error:  # acceptable: the user is asked to try again
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = sorted(
        Amendment.objects.filter(convention=convention).values_list("number", flat=True)
    )
    assert stored == sorted(numbers)
    assert len(set(stored)) == len(stored) == 4 - len(errors)
    assert stored == list(range(1, len(stored) + 1))
