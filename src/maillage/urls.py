from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from maillage import home
from maillage.common import health

urlpatterns = [
    path("", home.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("comptes/", include("maillage.accounts.urls")),
    path("annuaire/", include("maillage.directory.urls")),
    path("programme/", include("maillage.programme.urls")),
    path("b2b/", include("maillage.matchmaking.urls")),
    path("missions/", include("maillage.missions.urls")),
    # People met on missions for the call's scouting: here, above missions and proposals (see home.py).
    path(
        "propositions/<slug:edition>/gestion/reperage/missions/",
        home.scouting_missions,
        name="scouting_missions",
    ),
    path(
        "propositions/<slug:edition>/gestion/reperage/missions/<int:pk>/",
        home.scouting_missions_add,
        name="scouting_missions_add",
    ),
    path("propositions/", include("maillage.proposals.urls")),
    path("confidentialite/", include("maillage.privacy.urls")),
    path("sante/", health.health, name="health"),
]

handler404 = "maillage.common.views.page_not_found"
handler403 = "maillage.common.views.permission_denied"
handler500 = "maillage.common.views.server_error"
