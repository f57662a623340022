"""Reads of the campus registry, scoped by the permission layer."""

import functools
import math
from datetime import timedelta

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import french_order
from core.prefetching import as_rows

from .models import Campus, CampusDirector, LabelStatus, Organisation, SupportInstitutionTenure
from .permissions import campuses_visible_to


def _current_people_prefetches(today, *, directors=True):
    """The support history (newest first) and, with `directors`, the directors in office on
    `today`."""
    support = Prefetch(
        "support_history",
        queryset=SupportInstitutionTenure.objects.select_related("organisation").order_by(
            F("start").desc(nulls_last=True)
        ),
        to_attr="support_rows",
    )
    if not directors:
        return [support]
    in_office = Prefetch(
        "directors",
        queryset=CampusDirector.objects.in_office(today).order_by("role", "full_name"),
        to_attr="current_directors",
    )
    return [support, in_office]


@functools.lru_cache(maxsize=4)
def _campuses_with_label_state(on):
    """Campus.objects.with_label_state(on), built once per day asked and cloned by each use.

    Building its eight subqueries costs about twice the query's SQL compilation, on every
    request. A queryset is cloned before it is narrowed, so one serves every request (as a
    form field's class-level queryset does); callers take `.all()` and never evaluate it.
    """
    return Campus.objects.with_label_state(on)


def _with_label_state(on):
    return _campuses_with_label_state(on).all()


def _visible_campuses(user, on):
    return (
        campuses_visible_to(user, _with_label_state(on))
        .select_related("sector_family")
        .order_by(french_order("short_name"))
    )


def campus_choices(request):
    """The campuses a list's filter offers (and accepts): the ones the user sees, in French
    order, read with only what their label needs. None (django-filter's schema generation):
    none."""
    if request is None:
        return Campus.objects.none()
    return (
        campuses_visible_to(request.user)
        .only("pk", "name", "short_name")
        .order_by(french_order("short_name"))
    )


def campus_list(user, on=None, *, directors=True):
    """Campuses visible to `user` with their label state on `on`; a fixed number of queries.

    directors=False leaves out the directors in office (`current_directors`, one query): the
    API and the export list them, the pages' campus tables and cards do not.
    """
    on = on or timezone.localdate()
    return _visible_campuses(user, on).prefetch_related(
        "academies", *_current_people_prefetches(on, directors=directors)
    )


def campus_api_list(user, on=None):
    """campus_list for the API's rows (campuses.serializers.CampusSerializer), with the label
    periods too. The academies and the periods come as plain lists (to_attr): Django then
    fills each campus without cloning and filtering a queryset per campus and relation, the
    largest part of a page's cost."""
    on = on or timezone.localdate()
    return _visible_campuses(user, on).prefetch_related(
        as_rows("academies"),
        as_rows("label_periods"),
        *_current_people_prefetches(on),
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


def _covering(day):
    """Rows whose dates cover `day` (no start: since always; no end: still running)."""
    return (Q(start__isnull=True) | Q(start__lte=day)) & (Q(end__isnull=True) | Q(end__gte=day))


def campuses_needing_attention(user, on=None, months=12):
    """Visible campuses whose label ends within `months`, has expired, or that have no director
    or no support institution on `on`.

    Returns (campus, reason) pairs for the regional home page. The database states the facts
    (the label state, and three booleans annotated on each campus) and picks the campuses that
    may meet a condition: the page reads the few campuses to flag rather than every campus of
    the region, and words what was found.

    The list only names and links the campuses: none of campus_list's related rows, nor their
    long texts, is read. The status (expired, or replaced: its successor is the one to follow)
    is read on the rows, not asked of the database: each mention of label_status in the query
    would repeat its whole CASE and subqueries, the largest part of this query's cost. The
    query keeps the campuses that may have expired (no label in force, one ended before).
    """
    on = on or timezone.localdate()
    horizon = on + timedelta(days=math.floor(months * 30.5))
    director = CampusDirector.objects.in_office(on).filter(campus=OuterRef("pk"))
    support = SupportInstitutionTenure.objects.filter(_covering(on), campus=OuterRef("pk"))
    candidates = (
        campuses_visible_to(user, _with_label_state(on))
        .only("name", "short_name", "is_prefiguration")  # what str() and label_status read
        .annotate(
            label_ending=ExpressionWrapper(Q(current_end__lte=horizon), BooleanField()),
            has_director=Exists(director),
            has_support=Exists(support),
        )
        .filter(
            Q(label_ending=True)
            | Q(current_end__isnull=True, last_label_end__isnull=False)
            | Q(has_director=False)
            | Q(has_support=False)
        )
        .order_by(french_order("short_name"))
    )
    ending = _("Label se terminant dans %(days)s jours")
    expired = _("Label expiré : renouvellement à suivre")
    no_director = _("Aucun·e directeur·rice opérationnel·le en fonction")
    no_support = _("Aucun établissement support en cours")
    items = []
    for campus in candidates:
        status = campus.label_status
        if status == LabelStatus.REPLACED:
            continue
        if campus.label_ending:
            items.append((campus, ending % {"days": campus.label_days_left}))
        elif status == LabelStatus.EXPIRED:
            items.append((campus, expired))
        if not campus.has_director:
            items.append((campus, no_director))
        if not campus.has_support:
            items.append((campus, no_support))
    return items


def next_label_ends(user, on=None, count=10):
    """The `count` visible campuses whose label ends first (then by name), with their support
    institution on `on`."""
    on = on or timezone.localdate()
    first = (
        campus_list(user, on, directors=False)
        .filter(current_end__isnull=False)
        .order_by("current_end", "short_name")[:count]
    )
    return with_support_institution(first, on)


def organisation_list():
    return Organisation.objects.prefetch_related("representatives").order_by(
        french_order("legal_name")
    )
