"""Query-string filters of the API (django-filter), and its full-text search.

Filters that cross a many-valued relation (a trip's stops, its travellers)
use ``pk__in`` subqueries rather than joins, so no row is repeated and no
DISTINCT is needed.

``q`` uses PostgreSQL full-text search (``websearch_to_tsquery`` against
English ``to_tsvector`` of the fields) on PostgreSQL, and a case-insensitive
substring match elsewhere (SQLite in local runs and tests).
"""

from __future__ import annotations

from datetime import date
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Q, QuerySet

from trips.countries import COUNTRY_CODES, country_name
from trips.models import (
    Article,
    Meeting,
    Official,
    Stop,
    Trip,
    validate_country_code,
    validate_government_code,
)


def _countries_named(text: str) -> list[str]:
    """Codes whose English name contains ``text``, or that equal it ("jp", "Japan")."""
    needle = text.strip().lower()
    if len(needle) < 2:
        return []
    return [c for c in COUNTRY_CODES if needle == c.lower() or needle in country_name(c).lower()]


def text_match(queryset: QuerySet, q: str) -> Q:
    """A condition true for rows of ``queryset`` whose searched fields match ``q``.

    The fields are those of the model's ``search_document`` (a
    ``trips.models.SearchDocument``): on PostgreSQL the stored vector is
    matched, elsewhere each field by substring.
    """
    document = queryset.model._meta.get_field("search_document").expression
    if connections[queryset.db].vendor == "postgresql":
        return Q(search_document=SearchQuery(q, config="english", search_type="websearch"))
    return reduce(or_, (Q(**{f"{field}__icontains": q}) for field in document.fields))


def _trip_ids_matching(q: str) -> Q:
    """Trips whose title or summary, travellers, or stops match ``q``.

    The travellers and stops are matched through what each trip stores of
    them (``Trip.search_places`` and ``Trip.search_keys``, kept by
    ``trips.totals``), so every condition is on the trips themselves, each
    served by an index of its own on PostgreSQL: the count and the page read
    the matching trips, not the stops and travellers of the whole record.
    """
    travellers = Official.objects.all()
    keys = [f"country:{code}" for code in _countries_named(q)]
    keys += [
        f"traveller:{pk}"
        for pk in travellers.filter(text_match(travellers, q)).values_list("pk", flat=True)
    ]
    # Places are names, which stemming does not help: a substring match on the
    # city finds "Tokyo" in "Tokyo Bay" and a city typed in part. The stored
    # cities are one a line, so a text with a line break in it could span
    # two: that one is matched against the stops themselves.
    if "\n" in q:
        by_city = Q(pk__in=Stop.objects.filter(city__icontains=q).values("trip_id"))
    else:
        by_city = Q(search_places__icontains=q)
    matched = text_match(Trip.objects.all(), q) | by_city
    return matched | Q(search_keys__has_any_keys=keys) if keys else matched


class CountryCodeField(forms.CharField):
    """A country code, accepted in any case, checked against ISO 3166-1 alpha-2."""

    default_validators = [validate_country_code]

    def to_python(self, value: str | None) -> str:
        return super().to_python(value).strip().upper()


class CountryFilter(django_filters.CharFilter):
    field_class = CountryCodeField


class GovernmentCodeField(CountryCodeField):
    """A country code, or EU or UN: the government an official serves."""

    default_validators = [validate_government_code]


class GovernmentFilter(django_filters.CharFilter):
    field_class = GovernmentCodeField


def _travelled_by(slug: str) -> Q:
    return Q(pk__in=Trip.officials.through.objects.filter(official__slug=slug).values("trip_id"))


class TripFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        help_text="Full-text search over title, summary, and the travellers' names and "
        "titles; and a match on the stops' cities and country names. A search's `count` is "
        "exact up to 1,000 matches (or to the end of the page asked for); past that it is the "
        "number counted and `count_is_lower_bound` is true.",
    )
    official = django_filters.CharFilter(
        method="filter_official", help_text="Slug of a traveller (`/api/officials/` lists them)."
    )
    country = CountryFilter(
        method="filter_country", help_text="Trips with a stop in this country (alpha-2 code)."
    )
    city = django_filters.CharFilter(
        method="filter_city", help_text="Trips with a stop in this city (case-insensitive)."
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Trip.Status.choices, help_text="One or more statuses (repeat the parameter)."
    )
    start_after = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", help_text="Trips starting on or after."
    )
    end_before = django_filters.DateFilter(
        field_name="end_date", lookup_expr="lte", help_text="Trips ending on or before."
    )
    overlaps_from = django_filters.DateFilter(
        method="filter_overlapping",
        help_text="With `overlaps_to`: trips whose known dates touch the window "
        "[`overlaps_from`, `overlaps_to`]. Either end may be left open.",
    )
    overlaps_to = django_filters.DateFilter(
        method="filter_overlapping", help_text="The end of the window of `overlaps_from`."
    )
    article = django_filters.NumberFilter(
        method="filter_article", help_text="Trips reported by this article (its id)."
    )
    verified = django_filters.BooleanFilter(
        method="filter_verified",
        help_text="`true`: trips the official travel record confirms (a record among the "
        "sources); `false`: trips known only from the news.",
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Trips created or changed since this ISO 8601 time.",
    )

    class Meta:
        model = Trip
        fields = ("status",)

    def search(self, queryset: QuerySet[Trip], name: str, value: str) -> QuerySet[Trip]:
        return queryset.filter(_trip_ids_matching(value))

    def filter_official(self, queryset: QuerySet[Trip], name: str, value: str) -> QuerySet[Trip]:
        return queryset.filter(_travelled_by(value))

    def filter_country(self, queryset: QuerySet[Trip], name: str, value: str) -> QuerySet[Trip]:
        return queryset.filter(pk__in=Stop.objects.in_country(value).values("trip_id"))

    def filter_city(self, queryset: QuerySet[Trip], name: str, value: str) -> QuerySet[Trip]:
        return queryset.filter(pk__in=Stop.objects.filter(city__iexact=value).values("trip_id"))

    def filter_article(self, queryset: QuerySet[Trip], name: str, value: int) -> QuerySet[Trip]:
        through = Trip.articles.through.objects.filter(article_id=value)
        return queryset.filter(pk__in=through.values("trip_id"))

    def filter_verified(self, queryset: QuerySet[Trip], name: str, value: bool) -> QuerySet[Trip]:
        return queryset.verified() if value else queryset.unverified()

    def filter_overlapping(
        self, queryset: QuerySet[Trip], name: str, value: date
    ) -> QuerySet[Trip]:
        # Both ends at once: a window that ends before it starts is told apart
        # (Trip.objects.overlapping).
        start = self.form.cleaned_data.get("overlaps_from")
        if name == "overlaps_to" and start is not None:
            return queryset  # applied with overlaps_from
        return queryset.overlapping(start, self.form.cleaned_data.get("overlaps_to"))


class StopFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        help_text="Search over city, notes, country name, and the trip's title and summary.",
    )
    country = CountryFilter(field_name="country", help_text="Alpha-2 code of the country.")
    city = django_filters.CharFilter(
        field_name="city", lookup_expr="iexact", help_text="City name (case-insensitive)."
    )
    official = django_filters.CharFilter(
        method="filter_official", help_text="Slug of a traveller on the stop's trip."
    )
    trip = django_filters.NumberFilter(field_name="trip", help_text="Id of the trip.")
    date = django_filters.DateFilter(
        method="filter_date",
        help_text="Stops under way on this day: arrived on or before it and not yet left "
        "(a stop with no departure date covers only its arrival day).",
    )
    date_after = django_filters.DateFilter(
        field_name="arrive_date", lookup_expr="gte", help_text="Arrived on or after."
    )
    date_before = django_filters.DateFilter(
        field_name="arrive_date", lookup_expr="lte", help_text="Arrived on or before."
    )

    class Meta:
        model = Stop
        fields = ("trip",)

    def search(self, queryset: QuerySet[Stop], name: str, value: str) -> QuerySet[Stop]:
        trips = Trip.objects.all()
        return queryset.filter(
            Q(country__in=_countries_named(value))
            | text_match(queryset, value)
            | Q(trip__in=trips.filter(text_match(trips, value)))
        )

    def filter_official(self, queryset: QuerySet[Stop], name: str, value: str) -> QuerySet[Stop]:
        return queryset.filter(trip__in=Trip.objects.filter(_travelled_by(value)))

    def filter_date(self, queryset: QuerySet[Stop], name: str, value: date) -> QuerySet[Stop]:
        return queryset.filter(arrive_date__lte=value).filter(
            Q(depart_date__gte=value) | Q(depart_date__isnull=True, arrive_date=value)
        )


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        help_text="Search over the description and the participants' names and titles.",
    )
    participant = django_filters.CharFilter(
        method="filter_participant", help_text="Slug of an official met (a counterpart)."
    )
    traveller = django_filters.CharFilter(
        method="filter_traveller", help_text="Slug of a traveller on the meeting's trip."
    )
    trip = django_filters.NumberFilter(field_name="trip", help_text="Id of the trip.")
    country = CountryFilter(field_name="stop__country", help_text="Country of the meeting's stop.")
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", help_text="Meetings on or after."
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", help_text="Meetings on or before."
    )

    class Meta:
        model = Meeting
        fields = ("trip",)

    def search(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        people = Official.objects.all()
        met = Meeting.participants.through.objects.filter(
            official__in=people.filter(text_match(people, value))
        )
        return queryset.filter(text_match(queryset, value) | Q(pk__in=met.values("meeting_id")))

    def filter_participant(
        self, queryset: QuerySet[Meeting], name: str, value: str
    ) -> QuerySet[Meeting]:
        met = Meeting.participants.through.objects.filter(official__slug=value)
        return queryset.filter(pk__in=met.values("meeting_id"))

    def filter_traveller(
        self, queryset: QuerySet[Meeting], name: str, value: str
    ) -> QuerySet[Meeting]:
        return queryset.filter(trip__in=Trip.objects.filter(_travelled_by(value)))


class OfficialFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", help_text="Search over name, title and aliases.")
    country = GovernmentFilter(
        field_name="country", help_text="Government the official serves: alpha-2 code, EU or UN."
    )

    class Meta:
        model = Official
        fields = ("country",)

    def search(self, queryset: QuerySet[Official], name: str, value: str) -> QuerySet[Official]:
        return queryset.filter(text_match(queryset, value) | Q(aliases__icontains=value))


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", help_text="Search over title and text.")
    source = django_filters.CharFilter(
        field_name="source", lookup_expr="iexact", help_text="Outlet (case-insensitive)."
    )
    kind = django_filters.ChoiceFilter(choices=Article.Kind.choices, help_text="Kind of source.")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after."
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before."
    )
    trip = django_filters.NumberFilter(
        method="filter_trip", help_text="Articles reporting this trip (its id)."
    )

    class Meta:
        model = Article
        fields = ("kind",)

    def search(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        return queryset.filter(text_match(queryset, value))

    def filter_trip(self, queryset: QuerySet[Article], name: str, value: int) -> QuerySet[Article]:
        through = Trip.articles.through.objects.filter(trip_id=value)
        return queryset.filter(pk__in=through.values("article_id"))
