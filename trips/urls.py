"""URLs of the trips app, namespaced ``trips:``."""

from django.urls import path

from trips import views

app_name = "trips"

urlpatterns = [
    path("", views.home, name="home"),
    path("trips/<int:pk>/", views.trip_detail, name="trip-detail"),
    path("officials/<slug:slug>/", views.official_detail, name="official-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
]
