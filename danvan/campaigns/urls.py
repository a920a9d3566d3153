from django.urls import path

from danvan.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("new/", views.campaign_create, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="edit"),
    path("<int:pk>/launch/", views.campaign_launch, name="launch"),
    path("<int:pk>/remind/", views.campaign_remind, name="remind"),
    path("<int:pk>/document/", views.campaign_document, name="document"),
]
