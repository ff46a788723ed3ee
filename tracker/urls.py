"""Root URLs: the admin, the API and the HTML pages (both in trips.urls)."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Diplomatic Trip Tracker"
admin.site.site_title = "Trip Tracker admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("trips.api_urls")),
    path("", include("trips.urls")),
]
