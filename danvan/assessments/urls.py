from django.urls import path

from danvan.assessments import views

app_name = "assessments"
urlpatterns = [
    path("mine/", views.my_work, name="mine"),
    path("campaigns/<int:campaign_id>/", views.survey_overview, name="overview"),
    path("campaigns/<int:campaign_id>/rubric/", views.rubric, name="rubric"),
    path("campaigns/<int:campaign_id>/teams/new/", views.team_create, name="team_create"),
    path("campaigns/<int:campaign_id>/sample/", views.sample, name="sample"),
    path("teams/<int:pk>/", views.team_detail, name="team"),
    path("teams/<int:pk>/edit/", views.team_edit, name="team_edit"),
    path("teams/<int:pk>/assign/", views.team_assign, name="assign"),
    path("assignments/<int:pk>/remove/", views.assignment_remove, name="unassign"),
    path("initiatives/<int:initiative_id>/score/", views.score_member, name="score"),
    path("initiatives/<int:initiative_id>/team-score/", views.score_team, name="team_score"),
    path("initiatives/<int:initiative_id>/self-assessment/", views.score_self, name="self"),
    path("initiatives/<int:initiative_id>/photos/", views.photo_add, name="photo_add"),
    path("assessments/<int:pk>/", views.assessment_detail, name="detail"),
    path("assessments/<int:pk>/reopen/", views.assessment_reopen, name="reopen"),
    path("assessments/<int:pk>/report/", views.self_report_download, name="self_report"),
    path("photos/<int:pk>/", views.photo_download, name="photo"),
]
