"""URLs of the HTML pages, namespaced ``trips:``."""

from django.urls import path

from trips import views

app_name = "trips"

urlpatterns = [
    path("", views.home, name="home"),
    path("trips/", views.trip_list, name="trip-list"),
    path("trips/<int:pk>/", views.trip_detail, name="trip-detail"),
    path("officials/", views.official_list, name="official-list"),
    # A dot cannot be in a slug, so no official's page can take this address.
    path("officials/suggest.json", views.official_suggest, name="official-suggest"),
    path("officials/<slug:slug>/", views.official_detail, name="official-detail"),
    path("officials/<slug:slug>/visits.csv", views.official_visits_csv, name="official-visits-csv"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("countries/<str:code>/visits.csv", views.country_visits_csv, name="country-visits-csv"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("favicon.ico", views.favicon, name="favicon"),
]
