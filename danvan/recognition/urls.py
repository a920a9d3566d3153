from django.urls import path

from danvan.recognition import views

app_name = "recognition"
urlpatterns = [
    path("campaigns/<int:campaign_id>/", views.board, name="board"),
    path("initiatives/<int:initiative_id>/result/", views.decide, name="decide"),
    path("initiatives/<int:initiative_id>/shortlist/", views.shortlist_add, name="shortlist_add"),
    path("campaigns/<int:campaign_id>/rounds/<int:round_no>/", views.round_detail, name="round"),
    path("campaigns/<int:campaign_id>/rounds/<int:round_no>/decide/", views.round_decide, name="round_decide"),
    path("shortlist/<int:pk>/remove/", views.shortlist_remove, name="shortlist_remove"),
    path("campaigns/<int:campaign_id>/commendations/", views.commendation_list, name="commendations"),
    path("campaigns/<int:campaign_id>/commendations/new/", views.commendation_create, name="commendation_create"),
    path("commendations/<int:pk>/", views.commendation_detail, name="commendation"),
    path("commendations/<int:pk>/delete/", views.commendation_delete, name="commendation_delete"),
    path("commendations/<int:pk>/list.pdf", views.commendation_pdf, name="commendation_pdf"),
    path("commendations/<int:pk>/certificates.pdf", views.certificates, name="certificates"),
    path("commendation-entries/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("campaigns/<int:campaign_id>/spread/", views.spread_page, name="spread"),
    path("initiatives/<int:initiative_id>/replicate/", views.replicate, name="replicate"),
]
