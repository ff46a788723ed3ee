"""Routes of the API, mounted at ``/api/`` with the ``api:`` namespace."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from trips import api, feeds

app_name = "api"

router = DefaultRouter()
router.APIRootView = api.APIRoot
router.register("officials", api.OfficialViewSet, basename="official")
router.register("trips", api.TripViewSet, basename="trip")
router.register("stops", api.StopViewSet, basename="stop")
router.register("meetings", api.MeetingViewSet, basename="meeting")
router.register("articles", api.ArticleViewSet, basename="article")
router.register("countries", api.CountryViewSet, basename="country")

urlpatterns = [
    path(
        "officials/<slug:slug>/trips.ics",
        feeds.subscribable(feeds.official_calendar),
        name="official-ics",
    ),
    path(
        "officials/<slug:slug>/feed.atom",
        feeds.subscribable(feeds.OfficialTripsFeed()),
        name="official-feed",
    ),
    path(
        "countries/<str:code>/feed.atom",
        feeds.subscribable(feeds.CountryTripsFeed()),
        name="country-feed",
    ),
    path("export.json", api.export, name="export"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "schema/swagger-ui/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="swagger-ui",
    ),
    path(
        "schema/redoc/",
        # Redoc styles its page from script (styled-components) and parses in a
        # blob: worker; the site's policy allows neither, so this page widens it.
        csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html")
        ),
        name="redoc",
    ),
    path("", include(router.urls)),
    re_path(r"^.*/$", api.not_found),
]
