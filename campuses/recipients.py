"""Who is told, for every e-mail of every domain: the one definition of the audiences.

Read once per run (each audience in one query, when first asked for): regional staff; the
directors in office on the day with an active portal account, per campus; rectorate staff with
their academies (the région académique's staff follow every campus).
"""

from functools import cached_property

from django.contrib.auth import get_user_model

from core.roles import Role

from .models import CampusDirector


class Recipients:
    def __init__(self, day):
        self.day = day

    @cached_property
    def regional(self):
        """Every active regional staff member, by address (administrators are not on the
        mailing lists: their accounts are for running the portal)."""
        users = get_user_model().objects.filter(role=Role.REGIONAL, is_active=True)
        return sorted(set(users.exclude(email="").values_list("email", flat=True)))

    @cached_property
    def _directors(self):
        rows = (
            CampusDirector.objects.in_office(self.day)
            .with_portal_account()
            .exclude(user__email="")
            .values_list("campus_id", "user__email")
        )
        by_campus = {}
        for campus_id, email in rows:
            by_campus.setdefault(campus_id, set()).add(email)
        return by_campus

    @cached_property
    def _rectorate(self):
        """(address, région académique?, {academy ids}) of every active rectorate staff member."""
        users = (
            get_user_model()
            .objects.filter(is_active=True, role=Role.RECTORATE)
            .exclude(email="")
            .prefetch_related("academies")
        )
        return [
            (user.email, user.region_academique, {academy.pk for academy in user.academies.all()})
            for user in users
        ]

    def directors(self, campus):
        """The campus's directors in office (`campus`: a campus or its id)."""
        return sorted(self._directors.get(getattr(campus, "pk", campus), ()))

    def rectorate(self, campus):
        """Rectorate staff of the campus's academies (read `campus.academies`: prefetch it) and
        of the région académique."""
        academies = {academy.pk for academy in campus.academies.all()}
        return sorted(
            email
            for email, region_academique, theirs in self._rectorate
            if region_academique or theirs & academies
        )

    def campus_and_region(self, campus):
        """Regional staff, then the campus's directors."""
        return list(dict.fromkeys([*self.regional, *self.directors(campus)]))

    def reviewers(self, campus):
        """The campus's rectorate staff, then regional staff."""
        return list(dict.fromkeys([*self.rectorate(campus), *self.regional]))
