from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("organisations/nouvelle/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/modifier/", views.organisation_edit, name="organisation_edit"),
    path("personnes/", views.person_list, name="person_list"),
    path("personnes/nouvelle/", views.person_create, name="person_create"),
    path("personnes/<int:pk>/", views.person_detail, name="person_detail"),
    path("personnes/<int:pk>/modifier/", views.person_edit, name="person_edit"),
    path("personnes/<int:pk>/inviter/", views.person_invite, name="person_invite"),
    path("mon-profil/", views.my_profile, name="my_profile"),
    path("corridors/", views.corridor_list, name="corridor_list"),
    path("import/", views.directory_import, name="import"),
    path("export/<str:kind>.<str:fmt>", views.directory_export, name="export"),
]
