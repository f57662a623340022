"""The journal is a hash chain: an edited or deleted entry is found, by the command and on the
journal page."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from audit import chain
from audit.models import AuditAction, AuditEntry
from audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(user_of, campus_of):
    """Three fresh entries at the end of the demo's journal."""
    campus = campus_of("energie")
    actor = user_of("region")
    written = [
        record(actor, AuditAction.UPDATE, campus, changes={"description": [str(n), str(n + 1)]})
        for n in range(3)
    ]
    cache.clear()
    return written


def test_each_entry_chains_onto_the_one_before(entries):
    first, second, third = entries
    assert second.previous_hash == first.entry_hash and third.previous_hash == second.entry_hash
    assert len({entry.entry_hash for entry in entries}) == 3
    assert chain.verify(AuditEntry).intact


def test_the_command_says_the_journal_is_intact(entries, capsys):
    call_command("verify_audit")
    count = AuditEntry.objects.count()
    assert f"Journal d’audit intègre : {count} entrées vérifiées." in capsys.readouterr().out


def test_an_entry_edited_in_the_database_is_named(entries):
    _first, second, _third = entries
    AuditEntry.objects.filter(pk=second.pk).update(changes={"description": ["1", "falsifié"]})
    report = chain.verify(AuditEntry)
    assert report.broken_id == second.pk and "modifiée" in report.reason
    with pytest.raises(CommandError, match=f"entrée n° {second.pk} "):
        call_command("verify_audit")


def test_a_deleted_entry_breaks_the_link_of_the_next(entries):
    _first, second, third = entries
    AuditEntry.objects.filter(pk=second.pk).delete()
    report = chain.verify(AuditEntry)
    assert report.broken_id == third.pk and "précédente" in report.reason


def test_an_entry_moved_back_in_time_is_found(entries):
    first = entries[0]
    AuditEntry.objects.filter(pk=first.pk).update(created_at=first.created_at.replace(year=2020))
    assert chain.verify(AuditEntry).broken_id == first.pk


def test_the_command_exits_non_zero_when_broken(entries):
    AuditEntry.objects.filter(pk=entries[1].pk).update(object_repr="autre chose")
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit")
    assert raised.value.returncode == 1  # manage.py exits with it


def test_the_journal_page_shows_the_chain_status(entries, client_of):
    page = client_of("region").get(reverse("audit:list")).content.decode()
    assert 'data-chain="intact"' in page
    AuditEntry.objects.filter(pk=entries[2].pk).update(action=AuditAction.DELETE)
    cache.clear()
    page = client_of("region").get(reverse("audit:list")).content.decode()
    assert 'data-chain="broken"' in page and f"n° {entries[2].pk}" in page


@pytest.mark.parametrize("role", ["dir-ia", "rectorat-paris", "expert"])
def test_other_roles_still_cannot_see_the_journal(role, client_of):
    assert client_of(role).get(reverse("audit:list")).status_code == 403
