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
    path("propositions/", include("maillage.proposals.urls")),
    path("confidentialite/", include("maillage.privacy.urls")),
    path("sante/", health.health, name="health"),
]

handler404 = "maillage.common.views.page_not_found"
handler403 = "maillage.common.views.permission_denied"
handler500 = "maillage.common.views.server_error"
