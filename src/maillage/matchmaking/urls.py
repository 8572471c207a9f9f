from django.urls import path

from . import views

app_name = "matchmaking"

urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("nouvelle/", views.session_create, name="session_create"),
    path("<slug:slug>/", views.session_detail, name="session_detail"),
    path("<slug:slug>/inscription/", views.register, name="register"),
    path("<slug:slug>/a-rencontrer/", views.recommendations, name="recommendations"),
    path("<slug:slug>/participants/", views.participant_list, name="participants"),
    path("<slug:slug>/participants/<int:pk>/demander/", views.request_send, name="request_send"),
    path("<slug:slug>/demandes/", views.requests_page, name="requests"),
    path("<slug:slug>/demandes/<int:pk>/repondre/", views.request_answer, name="request_answer"),
    path("<slug:slug>/mon-agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/agenda/<str:token>.ics", views.agenda_ical, name="agenda_ical"),
    path("<slug:slug>/rencontres/<int:pk>/resultat/", views.outcome_record, name="outcome_record"),
    # Organisers
    path("<slug:slug>/gestion/", views.manage, name="manage"),
    path("<slug:slug>/gestion/statut/", views.session_status, name="session_status"),
    path("<slug:slug>/gestion/participants/", views.organiser_register, name="organiser_register"),
    path("<slug:slug>/gestion/demandes/", views.organiser_request_add, name="organiser_request_add"),
    path(
        "<slug:slug>/gestion/demandes/<int:pk>/annuler/",
        views.organiser_request_remove,
        name="organiser_request_remove",
    ),
    path("<slug:slug>/planification/", views.run_start, name="run_start"),
    path("<slug:slug>/planification/<int:pk>/", views.run_detail, name="run_detail"),
    path("<slug:slug>/planification/<int:pk>/publier/", views.run_publish, name="run_publish"),
    path("<slug:slug>/gestion/historique/", views.history_import, name="history_import"),
    path("<slug:slug>/plan-des-tables/", views.table_plan, name="table_plan"),
    path("<slug:slug>/accueil/", views.check_in, name="check_in"),
    path("<slug:slug>/accueil/compteurs/", views.check_in_counts, name="check_in_counts"),
    path("<slug:slug>/accueil/<int:pk>/", views.check_in_mark, name="check_in_mark"),
    path("<slug:slug>/accueil/creneaux-liberes/", views.freed_slots, name="freed_slots"),
    path("<slug:slug>/accueil/placer/", views.meeting_place, name="meeting_place"),
    path("<slug:slug>/bilan/", views.report, name="report"),
    path("<slug:slug>/bilan.csv", views.report_csv, name="report_csv"),
]
