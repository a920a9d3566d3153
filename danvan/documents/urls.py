from danvan.documents import import_views, views

app_name = "documents"

urlpatterns = [
    *views.urlpatterns,
    *import_views.urlpatterns,
]
