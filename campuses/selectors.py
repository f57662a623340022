"""Reads of the campus registry, scoped by the permission layer."""

from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Campus, CampusDirector, LabelStatus, Organisation, SupportInstitutionTenure
from .permissions import campuses_visible_to


def _current_people_prefetches(today):
    """The support history (newest first) and the directors in office on `today`."""
    return [
        Prefetch(
            "support_history",
            queryset=SupportInstitutionTenure.objects.select_related("organisation").order_by(
                F("start").desc(nulls_last=True)
            ),
            to_attr="support_rows",
        ),
        Prefetch(
            "directors",
            queryset=CampusDirector.objects.in_office(today).order_by("role", "full_name"),
            to_attr="current_directors",
        ),
    ]


def campus_list(user, on=None):
    """Campuses visible to `user` with their label state on `on`; a fixed number of queries."""
    on = on or timezone.localdate()
    return (
        campuses_visible_to(user, Campus.objects.with_label_state(on))
        .select_related("sector_family")
        .prefetch_related("academies", *_current_people_prefetches(on))
        .order_by("short_name")
    )


def support_institution_on(campus, day):
    """The support institution on `day`, from the rows prefetched by campus_list."""
    rows = getattr(campus, "support_rows", None)
    if rows is None:
        rows = campus.support_history.select_related("organisation").order_by("-start")
    for row in rows:
        if row.covers(day):
            return row.organisation
    return None


def with_support_institution(campuses, day):
    """Evaluate `campuses`, giving each its support institution on `day` (no extra query)."""
    campuses = list(campuses)
    for campus in campuses:
        campus.support_institution = support_institution_on(campus, day)
    return campuses


def campus_detail(user, pk, on=None):
    """One visible campus with everything its page shows; DoesNotExist when out of scope."""
    on = on or timezone.localdate()
    return (
        campus_list(user, on)
        .prefetch_related(
            "label_periods",
            "former_names",
            "places",
            "predecessors",
            "successors",
            "stakeholders__organisation",
            "governance_bodies",
            Prefetch(
                "directors",
                queryset=CampusDirector.objects.select_related("user").order_by(
                    F("start").desc(nulls_last=True)
                ),
                to_attr="all_directors",
            ),
            Prefetch(
                "support_history",
                queryset=SupportInstitutionTenure.objects.select_related("organisation")
                .prefetch_related("organisation__representatives")
                .order_by(F("start").asc(nulls_first=True)),
                to_attr="support_timeline",
            ),
        )
        .get(pk=pk)
    )


def campuses_needing_attention(user, on=None, months=12, campuses=None):
    """Visible campuses whose label ends within `months`, has expired, or that have no director.

    Returns (campus, reason) pairs for the regional home page. `campuses` is campus_list(user, on)
    already evaluated (the home page has it): the registry query then runs once per page.
    """
    on = on or timezone.localdate()
    items = []
    for campus in campus_list(user, on) if campuses is None else campuses:
        if campus.label_status == LabelStatus.REPLACED:
            continue  # its successor is the one to follow
        days = campus.label_days_left
        if days is not None and days <= months * 30.5:
            items.append((campus, _("Label se terminant dans %(days)s jours") % {"days": days}))
        elif campus.label_status == LabelStatus.EXPIRED:
            items.append((campus, _("Label expiré : renouvellement à suivre")))
        if not campus.current_directors:
            items.append((campus, _("Aucun·e directeur·rice opérationnel·le en fonction")))
        if support_institution_on(campus, on) is None:
            items.append((campus, _("Aucun établissement support en cours")))
    return items


def next_label_ends(campuses, count=10):
    """The `count` campuses of an evaluated campus_list whose label ends first (then by name)."""
    dated = [campus for campus in campuses if campus.current_end is not None]
    return sorted(dated, key=lambda campus: (campus.current_end, campus.short_name))[:count]


def organisation_list():
    return Organisation.objects.prefetch_related("representatives").order_by("legal_name")
