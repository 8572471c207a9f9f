from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    return {
        "is_organiser": bool(user and user.is_authenticated and user.is_organiser),
        "demo_mode": settings.DEMO,
    }
