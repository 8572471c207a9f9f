from django.urls import path

from . import views
from . import views_organiser as manage

app_name = "programme"

urlpatterns = [
    path("", views.edition_list, name="edition_list"),
    # Organisers
    path("gestion/", manage.manage_home, name="manage_home"),
    path("gestion/nouvelle-edition/", manage.edition_new, name="manage_edition_new"),
    path("<slug:edition>/gestion/", manage.edition_manage, name="manage_edition"),
    path("<slug:edition>/gestion/modifier/", manage.edition_edit, name="manage_edition_edit"),
    path("<slug:edition>/gestion/evenements/nouveau/", manage.event_form, name="manage_event_new"),
    path("<slug:edition>/gestion/evenements/<int:pk>/", manage.event_form, name="manage_event"),
    path("<slug:edition>/gestion/lieux/nouveau/", manage.venue_form, name="manage_venue_new"),
    path("<slug:edition>/gestion/lieux/<int:pk>/", manage.venue_form, name="manage_venue"),
    path("<slug:edition>/gestion/lieux/<int:pk>/trajets/", manage.venue_travel, name="manage_venue_travel"),
    path(
        "<slug:edition>/gestion/lieux/<int:venue>/salles/nouvelle/", manage.room_form, name="manage_room_new"
    ),
    path("<slug:edition>/gestion/lieux/<int:venue>/salles/<int:pk>/", manage.room_form, name="manage_room"),
    path(
        "<slug:edition>/gestion/lieux/<int:venue>/salles/<int:pk>/indisponibilites/",
        manage.room_unavailable,
        name="manage_room_unavailable",
    ),
    path("<slug:edition>/gestion/themes/nouveau/", manage.track_form, name="manage_track_new"),
    path("<slug:edition>/gestion/themes/<int:pk>/", manage.track_form, name="manage_track"),
    path("<slug:edition>/gestion/intervenants/nouveau/", manage.speaker_form, name="manage_speaker_new"),
    path("<slug:edition>/gestion/intervenants/<int:pk>/", manage.speaker_form, name="manage_speaker"),
    path(
        "<slug:edition>/gestion/intervenants/<int:pk>/indisponibilites/",
        manage.speaker_unavailable,
        name="manage_speaker_unavailable",
    ),
    path("<slug:edition>/gestion/activites/nouvelle/", manage.activity_form, name="manage_activity_new"),
    path("<slug:edition>/gestion/activites/<int:pk>/", manage.activity_form, name="manage_activity"),
    path("<slug:edition>/gestion/grille/<str:day>/", manage.grid, name="manage_grid"),
    path(
        "<slug:edition>/gestion/grille/<str:day>/placer/<int:pk>/", manage.activity_place, name="manage_place"
    ),
    path("<slug:edition>/gestion/optimiseur/", manage.run_start, name="manage_run_start"),
    path("<slug:edition>/gestion/optimiseur/<int:pk>/", manage.run_detail, name="manage_run"),
    path("<slug:edition>/gestion/optimiseur/<int:pk>/decision/", manage.run_decide, name="manage_run_decide"),
    path("<slug:edition>/", views.agenda, name="agenda"),
    path("<slug:edition>/mon-agenda/", views.my_agenda, name="my_agenda"),
    path("<slug:edition>/activites/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<slug:edition>/activites/<int:pk>/favori/", views.favourite_toggle, name="favourite_toggle"),
    path("<slug:edition>/intervenants/<int:pk>/", views.speaker_detail, name="speaker_detail"),
    path("<slug:edition>/intervenants/<int:pk>/modifier/", views.speaker_edit, name="speaker_edit"),
    # Exports, at addresses that do not change (calendar apps and schedule readers subscribe to them).
    path("<slug:edition>/programme.ics", views.export_ical, name="export_ical"),
    path("<slug:edition>/themes/<slug:track>.ics", views.export_track_ical, name="export_track_ical"),
    path("<slug:edition>/intervenants/<int:pk>.ics", views.export_speaker_ical, name="export_speaker_ical"),
    path(
        "<slug:edition>/agenda/<str:token>.ics", views.export_favourites_ical, name="export_favourites_ical"
    ),
    path("<slug:edition>/ma-selection.ics", views.export_selection_ical, name="export_selection_ical"),
    path("<slug:edition>/schedule.xml", views.export_frab, name="export_frab"),
    path("<slug:edition>/schedule.json", views.export_c3voc, name="export_c3voc"),
    path("<slug:edition>/programme.csv", views.export_csv, name="export_csv"),
]
