from django.urls import path

from danvan.insights import views

app_name = "open_data"
urlpatterns = [
    path("", views.open_data, name="index"),
    path("<slug:name>.csv", views.open_csv, name="csv"),
    path("<slug:name>.json", views.open_json, name="json"),
]
