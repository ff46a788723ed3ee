"""HTML pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from trips.models import Article, Official, Trip


def home(request: HttpRequest) -> HttpResponse:
    trips = Trip.objects.prefetch_related("officials")[:50]
    return render(request, "trips/home.html", {"trips": trips})


def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trip = get_object_or_404(Trip.objects.prefetch_related("officials", "stops"), pk=pk)
    return render(request, "trips/trip_detail.html", {"trip": trip})


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    official = get_object_or_404(Official, slug=slug)
    return render(request, "trips/official_detail.html", {"official": official})


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    return render(request, "trips/article_detail.html", {"article": article})
