from django.urls import path

from danvan.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("new/", views.organization_create, name="create"),
    path("import/", views.organization_import, name="import"),
    path("import/template.csv", views.import_template, name="import_template"),
    path("<int:pk>/", views.organization_detail, name="detail"),
    path("<int:pk>/edit/", views.organization_edit, name="edit"),
    path("<int:pk>/people/", views.person_add, name="person_add"),
    path("<int:pk>/people/<int:membership_pk>/remove/", views.person_remove, name="person_remove"),
    path("locked/", views.lockouts, name="lockouts"),
    path("locked/unlock/", views.lockout_unlock, name="lockout_unlock"),
]
