"""Who may open the portal's own pages that belong to no domain: the API documentation and
the background jobs page. The views check these predicates and the header and the help ask
the same ones (core.context_processors), so that no role is shown a link it would be refused.
"""

from . import roles


def can_read_api_docs(user):
    """The API's documentation is for staff who script the portal: regional staff,
    administrators, rectorate staff. Directors and experts work in the pages."""
    return roles.is_regional_staff(user) or roles.is_rectorate(user)


def can_have_jobs(user):
    """The roles that start background jobs (exports, generated documents, reports): every
    role with a scope of campuses. Experts start none."""
    return roles.is_campus_side(user)
