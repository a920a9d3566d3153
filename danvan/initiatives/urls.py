from django.urls import path

from danvan.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("new/", views.initiative_create, name="create"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("<int:pk>/submit/", views.initiative_submit, name="submit"),
    path("<int:pk>/accept/", views.initiative_accept, name="accept"),
    path("<int:pk>/return/", views.initiative_return, name="return"),
    path("<int:pk>/withdraw/", views.initiative_withdraw, name="withdraw"),
    path("<int:pk>/carry-over/", views.initiative_carry_over, name="carry_over"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("attachments/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"),
]
