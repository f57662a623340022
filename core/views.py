"""What every page does the same way around a service call: turn a domain refusal into a form
error or a message (a forbidden action into a 403), and send a stored file."""

import posixpath

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .errors import ConflictError, PermissionDeniedError
from .rules import FORBIDDEN
from .uploads import content_type_of


def save_form(request, form, save):
    """Run the service write `save()`; its refusals become errors on the form's fields (or the
    form's own). True when saved. A forbidden write is a 403: the page should not have offered
    it."""
    try:
        save()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    except ConflictError as error:
        form.add_error(None, str(error))
        return False
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    return True


def run_action(request, action, success):
    """Run a one-click service action: its refusal becomes an error message, a forbidden one a
    403. `success` is the message, or a callable giving it once the action has run. True when
    it ran."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    except ConflictError as error:
        messages.error(request, str(error))
        return False
    except PermissionDeniedError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, success() if callable(success) else success)
    return True


def file_response(field, *, content_type=None, filename=None):
    """The stored file as a download (never shown inline, its type never guessed by the
    browser); 404 when there is none (or it vanished from the disk). Its content type is read
    from its content unless `content_type` is given."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename or posixpath.basename(field.name),
        content_type=content_type or content_type_of(handle),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def refused(request, decision, back):
    """What a page does with a rule's refusal (core.rules.Decision) before showing a form: a
    role or scope refusal is a 403; a refusal by the object's state is said in a message, and
    the user goes back to `back`. None when the action is allowed."""
    if decision.allowed:
        return None
    if decision.outcome == FORBIDDEN:
        raise PermissionDenied(decision.reason)
    messages.error(request, decision.reason)
    return redirect(back)


def one_click(get_object, act, success):
    """A one-click POST action on one object: `get_object(request, pk)` (a 404 outside the
    user's scope), then the service `act(actor, obj, request)` (its refusal a message, a
    forbidden one a 403: the service checks the rule), then back to the object's page."""

    @require_POST
    def view(request, pk):
        obj = get_object(request, pk)
        run_action(request, lambda: act(request.user, obj, request), success)
        return redirect(obj)

    return view


def form_page(request, form, save, *, success, done, template, context=None):
    """A page whose form a service saves: on a valid POST, `save(cleaned_data)` runs through
    `save_form` (refusals on the form's fields), then `success` is said (a message, or
    `success(result)` with what `save` returned) and the user goes to `done` (a URL, or
    `done(result)`: the object just created…); otherwise the page again, with what was typed
    and the errors next to the fields."""
    if request.method == "POST" and form.is_valid():
        result = {}

        def run():
            result["saved"] = save(form.cleaned_data)

        if save_form(request, form, run):
            saved = result["saved"]
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(done(saved) if callable(done) else done)
    return render(request, template, {"form": form, **(context or {})})
