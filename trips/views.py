"""HTML pages: short functions that call one selector and render one template."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from trips import selectors
from trips.countries import country_name
from trips.identity import former_slug_target, moved_url
from trips.models import Official, Stop, Trip

TRIPS_PER_PAGE = 20
# The trips list's filters under the names the API's trip filters use.
API_FILTERS = {
    "q": "q",
    "official": "official",
    "country": "country",
    "status": "status",
    "start": "overlaps_from",
    "end": "overlaps_to",
}


def home(request: HttpRequest) -> HttpResponse:
    page = selectors.home_page(today=timezone.localdate())
    return render(request, "trips/home.html", {"page": page})


class TripFilterForm(forms.Form):
    """The trips list's filters; they live in the query string so a view can be shared."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    official = forms.ChoiceField(
        label="Official",
        required=False,
        error_messages={"invalid_choice": "No trip by “%(value)s” is on the record."},
    )
    country = forms.ChoiceField(
        label="Country",
        required=False,
        error_messages={"invalid_choice": "No trip to “%(value)s” is on the record."},
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Trip.Status.choices]
    )
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        officials, countries = selectors.filter_choices()
        self.fields["official"].choices = [("", "Any official"), *officials]
        self.fields["country"].choices = [("", "Any country"), *countries]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the window is before its start.")
        return data


def trip_list(request: HttpRequest) -> HttpResponse:
    form = TripFilterForm(request.GET)
    form.is_valid()
    filters = {name: form.cleaned_data.get(name) or "" for name in ("q", "official", "country")}
    filters["status"] = form.cleaned_data.get("status") or ""
    # An unknown official, country or status (say, from an old shared link) is
    # reported on the form and matches nothing, rather than being dropped
    # silently, which would show every trip.
    for name in ("official", "country", "status"):
        if name in form.errors:
            filters[name] = request.GET.get(name, "").strip()
    trips = selectors.trip_search(
        **filters,
        start=form.cleaned_data.get("start"),
        end=None if "end" in form.errors else form.cleaned_data.get("end"),
    )
    page = Paginator(trips, TRIPS_PER_PAGE).get_page(request.GET.get("page"))
    api_query = urlencode(
        {
            API_FILTERS[name]: value
            for name, value in request.GET.items()
            if name in API_FILTERS and value
        }
    )
    return render(
        request,
        "trips/trip_list.html",
        {
            "form": form,
            "page_obj": page,
            "officials": selectors.officials_matching(filters["q"]),
            "filtered": any(value for value in form.cleaned_data.values()),
            "api_query": api_query,
        },
    )


def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.trip_timeline(pk=pk)
    return render(request, "trips/trip_detail.html", {"page": page, "trip": page.trip})


def official_list(request: HttpRequest) -> HttpResponse:
    officials = Official.objects.annotate(n_trips=Count("trips")).order_by("name")
    return render(request, "trips/official_list.html", {"officials": officials})


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        page = selectors.official_timeline(slug=slug, today=timezone.localdate())
    except Http404:
        # The slug of an official merged into another: its page moved there.
        moved = former_slug_target(slug)
        if moved is None:
            raise
        return redirect(moved_url(request, moved), permanent=True)
    life = selectors.official_diplomatic_life(official=page.official)
    context = {"page": page, "official": page.official, "life": life}
    return render(request, "trips/official_detail.html", context)


def country_list(request: HttpRequest) -> HttpResponse:
    counts = Stop.objects.order_by().values("country").annotate(n=Count("trip", distinct=True))
    countries = sorted(
        ((row["country"], country_name(row["country"]), row["n"]) for row in counts),
        key=lambda item: item[1],
    )
    return render(request, "trips/country_list.html", {"countries": countries})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper() and selectors.is_known_country(code.upper()):
        return redirect("trips:country-detail", code=code.upper(), permanent=True)
    if not selectors.is_known_country(code):
        raise Http404("No such country code.")
    page = selectors.country_visits(code=code, today=timezone.localdate())
    return render(request, "trips/country_detail.html", {"page": page})


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.article_facts(pk=pk)
    return render(request, "trips/article_detail.html", {"page": page, "article": page.article})
