from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.edition_list, name="edition_list"),
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
    path("<slug:edition>/schedule.xml", views.export_frab, name="export_frab"),
    path("<slug:edition>/schedule.json", views.export_c3voc, name="export_c3voc"),
    path("<slug:edition>/programme.csv", views.export_csv, name="export_csv"),
]
