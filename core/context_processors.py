"""The links of the header and the footer that belong to no domain, each shown when the
predicate its view checks (core.permissions) lets the user follow it. (The Region's name and
the main menu come from accounts.context_processors.navigation.)"""

from . import permissions


def portal(request):
    user = getattr(request, "user", None)
    return {
        "show_jobs_link": permissions.can_have_jobs(user),
        "show_api_docs_link": permissions.can_read_api_docs(user),
    }
