"""HTML pages: short functions that call one selector and render one template."""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from django import forms
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from trips import selectors
from trips.countries import country_name
from trips.identity import former_slug_target, moved_url
from trips.models import Official, Trip

TRIPS_PER_PAGE = 20
OFFICIALS_PER_PAGE = 60
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
    # A name or a slug, typed or picked from the type-ahead (static/js/combobox.js).
    official = forms.CharField(label="Official", required=False, max_length=200)
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
        self.fields["country"].choices = [("", "Any country"), *selectors.filter_choices()]
        self.official_choices: list[Official] = []

    def clean_official(self) -> Official | None:
        text = self.cleaned_data["official"].strip()
        if not text:
            return None
        matches = selectors.official_lookup(text)
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.official_choices = matches
            raise forms.ValidationError(
                "Several officials match “%(value)s”: choose one.", params={"value": text}
            )
        raise forms.ValidationError(
            "No trip by “%(value)s” is on the record.", params={"value": text}
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the window is before its start.")
        return data


def trip_list(request: HttpRequest) -> HttpResponse:
    form = TripFilterForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    official = data.get("official")
    filters = {
        "q": data.get("q") or "",
        "country": data.get("country") or "",
        "status": data.get("status") or "",
        "official": official.slug if official else "",
    }
    # An unknown official, country or status (say, from an old shared link) is
    # reported on the form and matches nothing, rather than being dropped
    # silently, which would show every trip.
    for name in ("official", "country", "status"):
        if name in form.errors:
            filters[name] = request.GET.get(name, "").strip() or "-"
    trips = selectors.trip_search(
        **filters,
        start=data.get("start"),
        end=None if "end" in form.errors else data.get("end"),
    )
    page = Paginator(trips, TRIPS_PER_PAGE).get_page(request.GET.get("page"))
    api_params = {
        API_FILTERS[name]: value
        for name, value in request.GET.items()
        if name in API_FILTERS and value
    }
    if official:
        api_params["official"] = official.slug
    return render(
        request,
        "trips/trip_list.html",
        {
            "form": form,
            "page_obj": page,
            "officials": selectors.officials_matching(filters["q"]),
            "official": official,
            "official_label": selectors.official_label(official) if official else "",
            "filtered": any(value for value in data.values()),
            "api_query": urlencode(api_params),
        },
    )


def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.trip_timeline(pk=pk)
    return render(request, "trips/trip_detail.html", {"page": page, "trip": page.trip})


class OfficialFilterForm(forms.Form):
    """The officials list's filters and order, in the query string."""

    q = forms.CharField(label="Name", required=False, max_length=200)
    country = forms.ChoiceField(label="Government", required=False)
    office = forms.CharField(label="Office", required=False, max_length=200)
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=list(selectors.OFFICIAL_SORTS.items())
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "Any government"), *selectors.official_countries()]


def official_list(request: HttpRequest) -> HttpResponse:
    form = OfficialFilterForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    officials = selectors.official_directory(
        q=(data.get("q") or "").strip(),
        country=data.get("country") or "",
        office=(data.get("office") or "").strip(),
        sort=data.get("sort") or "name",
    )
    return render(
        request,
        "trips/official_list.html",
        {
            "form": form,
            "page_obj": Paginator(officials, OFFICIALS_PER_PAGE).get_page(request.GET.get("page")),
            "offices": selectors.common_offices(),
            "filtered": any(data.get(name) for name in ("q", "country", "office")),
        },
    )


def official_suggest(request: HttpRequest) -> JsonResponse:
    """``/officials/suggest/?q=`` for the type-ahead fields: up to eight officials as JSON.

    ``travelled=1`` offers only officials who made a trip (the trips filter).
    """
    suggestions = selectors.official_suggestions(
        request.GET.get("q", "")[:200], travellers_only=request.GET.get("travelled") == "1"
    )
    response = JsonResponse(
        {
            "results": [
                {"slug": s.slug, "name": s.name, "detail": s.detail, "url": s.url}
                for s in suggestions
            ]
        }
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


def _table_options(request: HttpRequest) -> dict:
    return {"sort": request.GET.get("sort", ""), "page": request.GET.get("visits_page")}


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        page = selectors.official_timeline(
            slug=slug, today=timezone.localdate(), page=request.GET.get("page")
        )
    except Http404:
        # The slug of an official merged into another: its page moved there.
        moved = former_slug_target(slug)
        if moved is None:
            raise
        return redirect(moved_url(request, moved), permanent=True)
    table = selectors.official_visit_table(official=page.official, **_table_options(request))
    life = selectors.official_diplomatic_life(
        official=page.official,
        hosted_page=request.GET.get("hosted_page"),
        meetings_page=request.GET.get("meetings_page"),
    )
    context = {"page": page, "official": page.official, "table": table, "life": life}
    return render(request, "trips/official_detail.html", context)


def country_list(request: HttpRequest) -> HttpResponse:
    countries = selectors.countries_visited_list()
    return render(request, "trips/country_list.html", {"countries": countries})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper() and selectors.is_known_country(code.upper()):
        return redirect("trips:country-detail", code=code.upper(), permanent=True)
    if not selectors.is_known_country(code):
        raise Http404("No such country code.")
    page = selectors.country_visits(
        code=code, today=timezone.localdate(), **_table_options(request)
    )
    return render(request, "trips/country_detail.html", {"page": page, "table": page.table})


def _csv_response(filename: str, header: list[str], rows: list[list[str]]) -> HttpResponse:
    # Written to a string, then set at once: a response written row by row
    # encodes each of a country's thousands of rows on its own.
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _day(value) -> str:
    return value.isoformat() if value else ""


def official_visits_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The official's visits table, every row, in the page's order, as CSV."""
    official = Official.objects.filter(slug=slug).first()
    if official is None:
        # Like the page: the slug of an official merged into another moved there.
        moved = former_slug_target(slug)
        if moved is None:
            raise Http404("No such official.")
        return redirect(moved_url(request, moved), permanent=True)
    rows = selectors.official_visit_rows(official, sort=request.GET.get("sort", ""))
    site = _site(request)
    return _csv_response(
        f"{official.slug}-visits.csv",
        ["country", "country_code", "locale", "remarks", "arrived", "departed", "trip", "trip_url"],
        [[row.country_name, row.country, *_visit_columns(site, row)] for row in rows],
    )


def _site(request: HttpRequest) -> str:
    """The scheme and host that make a path absolute, as ``build_absolute_uri`` writes
    them: read once, as a CSV's thousands of rows each link a trip (an ASCII path)."""
    return request.build_absolute_uri("/")[:-1]


def _visit_columns(site: str, row) -> list[str]:
    """The columns a travel log's CSV rows share: locales, remarks, days and the trip."""
    return [
        row.locales,
        row.remarks,
        _day(row.arrive),
        _day(row.depart),
        row.trip_title,
        site + row.trip_url,
    ]


def country_visits_csv(request: HttpRequest, code: str) -> HttpResponse:
    """The country's visits table, every row, in the page's order, as CSV."""
    if not selectors.is_known_country(code):
        raise Http404("No such country code.")
    site = _site(request)
    rows = selectors.sort_visits(
        selectors.country_visit_rows(code),
        selectors.visit_sort(request.GET.get("sort", ""), selectors.COUNTRY_SORTS),
    )
    return _csv_response(
        f"visits-to-{country_name(code).lower().replace(' ', '-')}.csv",
        ["visitor", "from", "locale", "remarks", "arrived", "departed", "trip", "trip_url"],
        [[row.visitor, row.origin, *_visit_columns(site, row)] for row in rows],
    )


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.article_facts(pk=pk)
    return render(request, "trips/article_detail.html", {"page": page, "article": page.article})


@cache
def _favicon() -> bytes:
    return Path(finders.find("favicon.ico")).read_bytes()


def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``: browsers ask for it on pages that link no icon (the API, the admin)."""
    response = HttpResponse(_favicon(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=86400)
    return response
