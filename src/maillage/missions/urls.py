from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("nouvelle/", views.mission_create, name="create"),
    path("corridors/", views.dashboard, name="dashboard"),
    path("mes-candidatures/", views.my_applications, name="my_applications"),
    path("<slug:slug>/", views.mission_detail, name="detail"),
    path("<slug:slug>/recit/", views.mission_story, name="story"),
    path("<slug:slug>/candidature/", views.apply, name="apply"),
    path("<slug:slug>/ma-candidature/", views.application, name="application"),
    # The delegation's private space
    path("<slug:slug>/espace/", views.space, name="space"),
    path("<slug:slug>/mon-agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/livret.pdf", views.booklet, name="booklet"),
    path("<slug:slug>/agenda/<str:token>.ics", views.agenda_ical, name="agenda_ical"),
    path("<slug:slug>/mes-besoins/", views.needs, name="needs"),
    path("<slug:slug>/resultats/", views.outcomes, name="outcomes"),
    path("<slug:slug>/resultats/decouverte/", views.discovery_add, name="discovery_add"),
    path("<slug:slug>/resultats/piste/", views.lead_add, name="lead_add"),
    path("<slug:slug>/resultats/temoignage/", views.testimonial_add, name="testimonial_add"),
    path("<slug:slug>/resultats/photo/", views.photo_add, name="photo_add"),
    path("<slug:slug>/photos/<int:pk>/", views.photo_file, name="photo"),
    path("<slug:slug>/suivi/<int:wave>/", views.survey, name="survey"),
    # Figures: organisers and partners given access
    path("<slug:slug>/bilan/", views.figures, name="figures"),
    path("<slug:slug>/bilan.csv", views.figures_csv, name="figures_csv"),
    # Organisers
    path("<slug:slug>/gestion/", views.manage, name="manage"),
    path("<slug:slug>/gestion/modifier/", views.mission_edit, name="edit"),
    path("<slug:slug>/gestion/statut/", views.mission_status, name="status"),
    path("<slug:slug>/gestion/villes/", views.city_add, name="city_add"),
    path("<slug:slug>/gestion/candidatures/<int:pk>/", views.application_decide, name="decide"),
    path("<slug:slug>/gestion/delegues/", views.delegate_add, name="delegate_add"),
    path("<slug:slug>/gestion/partenaires/", views.partner_add, name="partner_add"),
    path(
        "<slug:slug>/gestion/partenaires/<int:pk>/acces/", views.partner_viewer_add, name="partner_viewer_add"
    ),
    path("<slug:slug>/gestion/itineraire/", views.itinerary, name="itinerary"),
    path("<slug:slug>/gestion/itineraire/<int:pk>/", views.itinerary, name="item_edit"),
    path("<slug:slug>/gestion/itineraire/verifier/", views.item_check, name="item_check"),
    path("<slug:slug>/gestion/itineraire/<int:pk>/verifier/", views.item_check, name="item_edit_check"),
    path("<slug:slug>/gestion/itineraire/<int:pk>/supprimer/", views.item_delete, name="item_delete"),
    path("<slug:slug>/gestion/temoignages/<int:pk>/", views.testimonial_publish, name="testimonial_publish"),
    path("<slug:slug>/gestion/photos/<int:pk>/", views.photo_publish, name="photo_publish"),
    path("<slug:slug>/gestion/pistes/<int:pk>/", views.lead_status, name="lead_status"),
]
