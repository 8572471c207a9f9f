"""Who may do what: one place to read the rules, used by views and templates alike."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def organiser_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_organiser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
