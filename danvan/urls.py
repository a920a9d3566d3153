from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from danvan.api.api import api
from danvan.core import views as core_views
from danvan.core.auth_views import PasswordChangeView

handler500 = "danvan.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        PasswordChangeView.as_view(success_url="/accounts/profile/"),
        name="password_change",
    ),
    path("accounts/2fa/", core_views.second_factor, name="second_factor"),
    path("accounts/profile/", core_views.profile, name="profile"),
    path("accounts/tokens/<int:pk>/revoke/", core_views.token_revoke, name="token_revoke"),
    path("audit/", core_views.audit_log, name="audit"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("orgs/", include("danvan.orgs.urls")),
    path("campaigns/", include("danvan.campaigns.urls")),
    path("initiatives/", include("danvan.initiatives.urls")),
    path("progress/", include("danvan.progress.urls")),
    path("survey/", include("danvan.assessments.urls")),
    path("review/", include("danvan.recognition.urls")),
    path("showcase/", include("danvan.showcase.urls")),
    path("statistics/", include("danvan.insights.urls")),
    path("open-data/", include("danvan.insights.open_urls")),
    path("documents/", include("danvan.documents.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.DANVAN_BENCH:
    # `make bench` only: the bare reference page (see bench/README.md).
    urlpatterns.append(path("bench/bare/", core_views.bench_bare, name="bench_bare"))
