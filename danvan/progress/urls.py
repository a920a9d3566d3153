from django.urls import path

from danvan.progress import views

app_name = "progress"
urlpatterns = [
    path("campaigns/<int:campaign_id>/", views.reporting_overview, name="overview"),
    path("initiatives/<int:initiative_id>/periods/<int:period_id>/", views.report_page, name="report_edit"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/review/", views.report_review, name="review"),
    path("reports/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
    path("campaigns/<int:campaign_id>/inspections/", views.inspection_list, name="inspections"),
    path("campaigns/<int:campaign_id>/inspections/new/", views.inspection_create, name="inspection_create"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection"),
    path("inspection-requests/<int:pk>/answer/", views.inspection_answer, name="answer"),
]
