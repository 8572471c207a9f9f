from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/export.<str:fmt>", views.my_data_export, name="my_data_export"),
    path("mes-donnees/effacement/", views.erasure_ask, name="erasure_ask"),
    path("mes-donnees/effacement/retirer/", views.erasure_withdraw, name="erasure_withdraw"),
    path("effacements/", views.erasure_list, name="erasure_list"),
    path("effacements/personne/<int:pk>/", views.person_erase, name="person_erase"),
    path("journal/", views.audit_log, name="audit_log"),
]
