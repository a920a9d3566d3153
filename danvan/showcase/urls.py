from django.urls import path

from danvan.showcase import views

app_name = "showcase"
urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("feed/", views.feed, name="feed"),
    path("<int:pk>/", views.showcase_detail, name="detail"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/qr/", views.qr_page, name="qr"),
    path("<int:pk>/qr.svg", views.qr_svg, name="qr_svg"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("photos/<int:pk>/remove/", views.photo_remove, name="photo_remove"),
    path("manage/<int:initiative_id>/", views.manage, name="manage"),
    path("manage/<int:initiative_id>/photos/", views.photo_add, name="photo_add"),
    path("moderation/", views.moderation, name="moderation"),
    path("feedback/<int:pk>/moderate/", views.moderate, name="moderate"),
]
