from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.call_list, name="list"),
    path("mes-propositions/", views.my_proposals, name="mine"),
    path("invitation/<str:token>/", views.cospeaker_accept, name="cospeaker_accept"),
    path("<slug:edition>/", views.call_detail, name="call"),
    path("<slug:edition>/soumettre/", views.submit, name="submit"),
    path("<slug:edition>/apercu/", views.preview, name="preview"),
    path("<slug:edition>/apercu/<int:pk>/etoile/", views.star, name="star"),
    path("<slug:edition>/evaluation/", views.review_list, name="review_list"),
    path("<slug:edition>/evaluation/<int:pk>/", views.review, name="review"),
    path("<slug:edition>/<int:pk>/", views.proposal_detail, name="proposal"),
    path("<slug:edition>/<int:pk>/modifier/", views.proposal_edit, name="edit"),
    path("<slug:edition>/<int:pk>/retirer/", views.proposal_withdraw, name="withdraw"),
    path("<slug:edition>/<int:pk>/co-intervenant/", views.cospeaker_invite, name="cospeaker_invite"),
    path("<slug:edition>/<int:pk>/confirmer/", views.proposal_confirm, name="confirm"),
    path("<slug:edition>/<int:pk>/fichier/<str:kind>/", views.proposal_file, name="file"),
    # Organisers
    path("<slug:edition>/gestion/appel/", views.call_edit, name="call_edit"),
    path("<slug:edition>/gestion/", views.manage, name="manage"),
    path("<slug:edition>/gestion/decisions/", views.decide, name="decide"),
    path("<slug:edition>/gestion/types/", views.session_type_add, name="session_type_add"),
    path("<slug:edition>/gestion/questions/", views.question_add, name="question_add"),
    path("<slug:edition>/gestion/prolongations/", views.extension_add, name="extension_add"),
    path("<slug:edition>/gestion/tableau/", views.dashboard, name="dashboard"),
    path("<slug:edition>/gestion/relecteurs/", views.reviewers, name="reviewers"),
    path("<slug:edition>/gestion/reperage/", views.scouting, name="scouting"),
    path("<slug:edition>/gestion/reperage/<int:pk>/inviter/", views.prospect_invite, name="prospect_invite"),
    path("<slug:edition>/gestion/propositions.csv", views.proposals_csv, name="proposals_csv"),
    path("<slug:edition>/gestion/evaluations.csv", views.reviews_csv, name="reviews_csv"),
]
