"""API representations (output) and the inputs of API writes.

Output serializers name their fields explicitly. Every object carries
``evidence``: the sentences that support it, each with its article. The
querysets of ``trips.api_selectors`` prefetch everything these read, so a
page of any size costs the same number of queries.
"""

from __future__ import annotations

import re
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.encoding import smart_str
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from trips.countries import country_name
from trips.models import Article, Evidence, Meeting, Official, Stop, Trip
from trips.reconcile import trip_agreement
from trips.selectors import official_hosted_count, official_in_office, official_meetings

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,220}")


# Keys that fit every route's converter (digits for ids and slugs, letters for
# country codes); reversed once per response, then swapped for each row's key.
_PLACEHOLDERS = ("8642097531", "QZ")


def link_template(context: dict[str, Any], route: str, kwarg: str) -> tuple[str, str]:
    """The absolute URL of ``route`` split around its key: ``prefix + key + suffix``.

    reverse() and build_absolute_uri() cost more than the rest of a row's
    serialization; the template is built once per response (``context`` is
    the serializer context) and reused for every row.
    """
    templates = context.setdefault("_link_templates", {})
    template = templates.get(route)
    if template is None:
        for placeholder in _PLACEHOLDERS if kwarg else ("",):
            try:
                path = reverse(route, kwargs={kwarg: placeholder} if kwarg else None)
            except NoReverseMatch:
                continue
            request = context.get("request")
            url = request.build_absolute_uri(path) if request is not None else path
            template = templates[route] = tuple(url.split(placeholder, 1)) if kwarg else (url, "")
            break
        else:
            raise NoReverseMatch(route)
    return template


def _link(serializer: serializers.Serializer, route: str, kwarg: str, key: Any) -> str:
    """``reverse(route, kwargs={kwarg: key})`` as an absolute URL."""
    prefix, suffix = link_template(serializer.context, route, kwarg)
    return f"{prefix}{key}{suffix}"


class LinkField(serializers.Field):
    """An absolute link to the route ``route``, keyed by one attribute of the object."""

    def __init__(self, route: str, *, lookup: str = "pk", kwarg: str = "pk", **kwargs: Any):
        self.route, self.lookup, self.kwarg = route, lookup, kwarg
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        key = value[self.lookup] if isinstance(value, dict) else getattr(value, self.lookup)
        return _link(self.parent, self.route, self.kwarg, key)


extend_schema_field(OpenApiTypes.URI)(LinkField)


def ApiLinkField(route: str, **kwargs: Any) -> LinkField:  # noqa: N802 (reads as a field)
    """A link to ``api:<route>``."""
    return LinkField(f"api:{route}", **kwargs)


class FastOutput:
    """DRF's ``to_representation``, minus the per-field dispatch for plain values.

    A 50-trip page serializes thousands of fields; for model strings,
    numbers, booleans and dates DRF's generic path (source traversal,
    callable checks, conversion) costs more than the rows themselves. Those
    fields are read straight off the instance, giving the same output; every
    other field goes through DRF as usual.
    """

    _PLAIN = (
        serializers.CharField,
        serializers.IntegerField,
        serializers.BooleanField,
        serializers.FloatField,
        serializers.ChoiceField,
        serializers.ReadOnlyField,
    )

    def _output_plan(self) -> list[tuple[str, str, Any]]:
        plan = getattr(self, "_plan", None)
        if plan is None:
            plan = []
            for field in self._readable_fields:
                simple = len(field.source_attrs) == 1 and field.source != "*"
                if simple and type(field) is serializers.DateField:
                    kind = "date"
                elif (
                    simple
                    and isinstance(field, self._PLAIN)
                    and not isinstance(field, serializers.DateTimeField)
                ):
                    kind = "plain"
                else:
                    kind = "drf"
                plan.append((field.field_name, kind, field))
            self._plan = plan
        return plan

    def to_representation(self, instance: Any) -> dict[str, Any]:
        if isinstance(instance, dict):
            return super().to_representation(instance)  # type: ignore[misc]
        output: dict[str, Any] = {}
        for name, kind, field in self._output_plan():
            if kind == "plain":
                output[name] = getattr(instance, field.source)
            elif kind == "date":
                value = getattr(instance, field.source)
                output[name] = None if value is None else value.isoformat()
            else:
                value = field.get_attribute(instance)
                output[name] = None if value is None else field.to_representation(value)
        return output


# --- Summaries embedded in other objects -----------------------------------


class ArticleRefSerializer(FastOutput, serializers.ModelSerializer):
    api_url = ApiLinkField("article-detail", help_text="This article in the API.")

    class Meta:
        model = Article
        fields = ("id", "external_id", "title", "url", "source", "published", "api_url")


class EvidenceSerializer(FastOutput, serializers.ModelSerializer):
    """A sentence that supports the object it is attached to."""

    article = ArticleRefSerializer(help_text="The article the sentence comes from.")

    class Meta:
        model = Evidence
        fields = ("fact", "sentence", "start_offset", "end_offset", "article")


class OfficialRefSerializer(FastOutput, serializers.ModelSerializer):
    api_url = ApiLinkField("official-detail", lookup="slug", kwarg="slug")

    class Meta:
        model = Official
        fields = ("id", "slug", "name", "title", "country", "api_url")


class TripRefSerializer(serializers.ModelSerializer):
    api_url = ApiLinkField("trip-detail")

    class Meta:
        model = Trip
        fields = ("id", "title", "status", "start_date", "end_date", "api_url")


class StopRefSerializer(FastOutput, serializers.ModelSerializer):
    """A stop inside a trip of a list: where and when, without its evidence."""

    country_name = serializers.CharField(read_only=True, help_text="English name of `country`.")

    class Meta:
        model = Stop
        fields = (
            "id",
            "order",
            "country",
            "country_name",
            "city",
            "latitude",
            "longitude",
            "arrive_date",
            "depart_date",
        )


# --- Officials ---------------------------------------------------------------


class OfficialSerializer(serializers.ModelSerializer):
    country_name = serializers.CharField(read_only=True, help_text="English name of `country`.")
    trip_count = serializers.IntegerField(read_only=True, help_text="Trips the official made.")
    countries_visited = serializers.IntegerField(
        read_only=True, help_text="Distinct countries among the stops of those trips."
    )
    api_url = ApiLinkField("official-detail", lookup="slug", kwarg="slug")
    html_url = LinkField(
        "trips:official-detail", lookup="slug", kwarg="slug", help_text="The official's page."
    )
    trips_url = serializers.SerializerMethodField(help_text="The official's trips in the API.")
    calendar_url = ApiLinkField(
        "official-ics", lookup="slug", kwarg="slug", help_text="iCalendar feed of the trips."
    )
    feed_url = ApiLinkField(
        "official-feed",
        lookup="slug",
        kwarg="slug",
        help_text="Atom feed of new and updated trips.",
    )
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Official
        fields = (
            "id",
            "slug",
            "name",
            "title",
            "country",
            "country_name",
            "aliases",
            "record_id",
            "trip_count",
            "countries_visited",
            "edited_by_person",
            "api_url",
            "html_url",
            "trips_url",
            "calendar_url",
            "feed_url",
            "evidence",
        )

    def get_trips_url(self, official: Official) -> str:
        return _link(self, "api:trip-list", "", f"?official={official.slug}")


class OfficialMeetingSerializer(serializers.ModelSerializer):
    """A meeting the official took part in, on someone else's trip."""

    trip = TripRefSerializer(read_only=True)
    travellers = OfficialRefSerializer(
        source="trip.officials", many=True, read_only=True, help_text="Who came."
    )
    stop = StopRefSerializer(read_only=True, allow_null=True, help_text="Where, when known.")
    participants = OfficialRefSerializer(
        many=True, read_only=True, help_text="Everyone they met, this official included."
    )
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = (
            "id",
            "date",
            "trip",
            "travellers",
            "stop",
            "participants",
            "description",
            "evidence",
        )


class HostedVisitSerializer(serializers.Serializer):
    """A trip that came to the official: they were met on it, or it came to
    their country while they were in office."""

    trip = TripRefSerializer(read_only=True)
    travellers = OfficialRefSerializer(source="trip.officials", many=True, read_only=True)
    met = serializers.BooleanField(read_only=True, help_text="The official met them.")
    stops = StopRefSerializer(
        many=True, read_only=True, help_text="Its stops in the official's country."
    )
    evidence = EvidenceSerializer(
        many=True,
        read_only=True,
        help_text="The sentences of its meetings with the official, "
        "then of its stops in their country.",
    )


class InOfficeSerializer(serializers.Serializer):
    first = serializers.DateField(read_only=True, help_text="The first day on record.")
    last = serializers.DateField(read_only=True, help_text="The last day on record.")


def _life(official: Official) -> dict[str, Any]:
    """The official's time in office and the number of visits hosted and meetings,
    read once per official serialized."""
    if "_life" not in official.__dict__:
        in_office = official_in_office(official)
        official.__dict__["_life"] = {
            "in_office": in_office,
            "hosted": official_hosted_count(official=official, in_office=in_office),
            "meetings": official_meetings(official=official).count(),
        }
    return official.__dict__["_life"]


class OfficialDetailSerializer(OfficialSerializer):
    trips = TripRefSerializer(many=True, read_only=True, help_text="Every trip, newest first.")
    in_office = serializers.SerializerMethodField(
        help_text="The first and last day the record shows them in office (their trips, "
        "meetings, the news naming them); null when it has no date for them."
    )
    # Counted and linked, not listed: a head of state hosts thousands of visits.
    hosted_visit_count = serializers.SerializerMethodField(
        help_text="Trips on which they were met, and other governments' trips to their "
        "country while they were in office: the visits to their country counted up to "
        "1,000 (see `hosted_visit_count_is_lower_bound`)."
    )
    hosted_visit_count_is_lower_bound = serializers.SerializerMethodField(
        help_text="True when the visits to their country passed the count's cap: there are "
        "more than `hosted_visit_count` (`hosted_visits_url` pages through them all)."
    )
    hosted_visits_url = ApiLinkField(
        "official-hosted-visits",
        lookup="slug",
        kwarg="slug",
        help_text="Those visits, newest first, a page at a time.",
    )
    meeting_count = serializers.SerializerMethodField(help_text="The meetings they took part in.")
    meetings_url = ApiLinkField(
        "official-meetings",
        lookup="slug",
        kwarg="slug",
        help_text="Those meetings, newest first, a page at a time.",
    )

    class Meta(OfficialSerializer.Meta):
        fields = (
            *OfficialSerializer.Meta.fields,
            "trips",
            "in_office",
            "hosted_visit_count",
            "hosted_visit_count_is_lower_bound",
            "hosted_visits_url",
            "meeting_count",
            "meetings_url",
        )

    @extend_schema_field(InOfficeSerializer(allow_null=True))
    def get_in_office(self, official: Official) -> dict | None:
        span = _life(official)["in_office"]
        return {"first": span[0].isoformat(), "last": span[1].isoformat()} if span else None

    def get_hosted_visit_count(self, official: Official) -> int:
        return _life(official)["hosted"][0]

    def get_hosted_visit_count_is_lower_bound(self, official: Official) -> bool:
        return _life(official)["hosted"][1]

    def get_meeting_count(self, official: Official) -> int:
        return _life(official)["meetings"]


# --- Trips -------------------------------------------------------------------


class StopInTripSerializer(StopRefSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta(StopRefSerializer.Meta):
        fields = (
            *StopRefSerializer.Meta.fields,
            "recorded_arrive",
            "recorded_depart",
            "notes",
            "edited_by_person",
            "evidence",
        )


class MeetingInTripSerializer(serializers.ModelSerializer):
    participants = OfficialRefSerializer(
        many=True, read_only=True, help_text="The counterparts met (not the travellers)."
    )
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = (
            "id",
            "date",
            "stop",
            "participants",
            "description",
            "edited_by_person",
            "evidence",
        )


class TripSerializer(FastOutput, serializers.ModelSerializer):
    """A trip in a list: travellers and stops embedded, meetings counted."""

    travellers = OfficialRefSerializer(source="officials", many=True, read_only=True)
    stops = StopRefSerializer(many=True, read_only=True, help_text="In travel order.")
    articles = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids of the source articles."
    )
    api_url = ApiLinkField("trip-detail")
    html_url = LinkField("trips:trip-detail", help_text="The trip's page on the site.")
    evidence = EvidenceSerializer(
        many=True, read_only=True, help_text="Sentences supporting the trip and its dates."
    )

    class Meta:
        model = Trip
        fields = (
            "id",
            "title",
            "status",
            "status_as_of",
            "start_date",
            "end_date",
            "summary",
            "travellers",
            "stops",
            "articles",
            "edited_by_person",
            "created_at",
            "updated_at",
            "api_url",
            "html_url",
            "evidence",
        )


class AgreementStopSerializer(serializers.Serializer):
    """A place of the trip, with the dates each kind of source gives."""

    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    city = serializers.CharField(help_text="Empty when only the country is known.")
    news_arrive = serializers.DateField(allow_null=True, help_text="Arrival in the news.")
    news_depart = serializers.DateField(allow_null=True, help_text="Departure in the news.")
    record_arrive = serializers.DateField(allow_null=True, help_text="Arrival in the record.")
    record_depart = serializers.DateField(allow_null=True, help_text="Departure in the record.")


class DateDifferenceSerializer(serializers.Serializer):
    what = serializers.CharField(help_text='"trip start", "arrival in Tokyo, Japan", ...')
    news = serializers.DateField(help_text="The date the news gives.")
    record = serializers.DateField(help_text="The date the official record gives.")


class AgreementSerializer(serializers.Serializer):
    """How the news and the official travel record agree on a trip."""

    # A plain string, not a choice field: the schema's enum of that name is the trip status.
    status = serializers.CharField(
        help_text="`confirmed`: the record agrees on every stop and date; `partly_confirmed`: "
        "it lists the trip but differs; `record_only`: no news source; `unverified`: not in "
        "the record.",
    )
    verified = serializers.BooleanField(help_text="The official record lists the trip.")
    record_start = serializers.DateField(allow_null=True, help_text="First day in the record.")
    record_end = serializers.DateField(allow_null=True, help_text="Last day in the record.")
    confirmed_stops = AgreementStopSerializer(many=True, help_text="In both sources.")
    news_only_stops = AgreementStopSerializer(
        many=True, help_text="Announced but not in the record: cancelled, or not yet recorded."
    )
    record_only_stops = AgreementStopSerializer(many=True, help_text="Only in the record.")
    date_differences = DateDifferenceSerializer(
        many=True, help_text="Dates of the trip and its confirmed stops the sources disagree on."
    )


class TripDetailSerializer(TripSerializer):
    """Everything needed to draw the trip's timeline, in one response."""

    stops = StopInTripSerializer(many=True, read_only=True, help_text="In travel order.")
    meetings = MeetingInTripSerializer(many=True, read_only=True)
    articles = ArticleRefSerializer(many=True, read_only=True, help_text="The sources.")
    agreement = serializers.SerializerMethodField(
        help_text="Stops the official record confirms, stops only one source has, and dates "
        "that differ."
    )

    class Meta(TripSerializer.Meta):
        fields = (*TripSerializer.Meta.fields, "meetings", "agreement")

    @extend_schema_field(AgreementSerializer)
    def get_agreement(self, trip: Trip) -> dict:
        return trip_agreement(trip).as_dict()


class TripCSVSerializer(serializers.ModelSerializer):
    """One flat row per trip for ``?format=csv``, from a row of the JSON list."""

    traveller_slugs = serializers.SerializerMethodField()
    traveller_names = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField(help_text="Stop countries in travel order.")
    cities = serializers.SerializerMethodField(help_text="Stop cities in travel order.")
    article_ids = serializers.SerializerMethodField()

    class Meta:
        model = Trip
        fields = (
            "id",
            "title",
            "status",
            "start_date",
            "end_date",
            "traveller_slugs",
            "traveller_names",
            "countries",
            "cities",
            "article_ids",
            "summary",
            "edited_by_person",
            "updated_at",
        )

    def get_traveller_slugs(self, row: dict[str, Any]) -> str:
        return "; ".join(o["slug"] for o in row["travellers"])

    def get_traveller_names(self, row: dict[str, Any]) -> str:
        return "; ".join(o["name"] for o in row["travellers"])

    def get_countries(self, row: dict[str, Any]) -> str:
        return "; ".join(s["country"] for s in row["stops"])

    def get_cities(self, row: dict[str, Any]) -> str:
        return "; ".join(s["city"] for s in row["stops"] if s["city"])

    def get_article_ids(self, row: dict[str, Any]) -> str:
        return "; ".join(str(pk) for pk in row["articles"])


# --- Stops and meetings, flat ------------------------------------------------


class StopSerializer(StopInTripSerializer):
    """A stop with its trip and travellers, for analysis across trips."""

    trip_title = serializers.CharField(source="trip.title", read_only=True)
    travellers = OfficialRefSerializer(source="trip.officials", many=True, read_only=True)
    trip_url = ApiLinkField("trip-detail", lookup="trip_id")

    class Meta(StopInTripSerializer.Meta):
        fields = (
            "id",
            "trip",
            "trip_title",
            "trip_url",
            "travellers",
            *StopInTripSerializer.Meta.fields[1:],
        )


class StopCSVSerializer(serializers.ModelSerializer):
    trip_title = serializers.CharField(source="trip.title")
    traveller_ids = serializers.SerializerMethodField()
    traveller_names = serializers.SerializerMethodField()
    country_name = serializers.CharField()

    class Meta:
        model = Stop
        fields = (
            "id",
            "trip",
            "trip_title",
            "traveller_ids",
            "traveller_names",
            "order",
            "country",
            "country_name",
            "city",
            "latitude",
            "longitude",
            "arrive_date",
            "depart_date",
        )

    def get_traveller_ids(self, stop: Stop) -> str:
        return "; ".join(str(o.pk) for o in stop.trip.officials.all())

    def get_traveller_names(self, stop: Stop) -> str:
        return "; ".join(o.name for o in stop.trip.officials.all())


class MeetingSerializer(MeetingInTripSerializer):
    """A meeting with its trip, place and travellers, for analysis across trips."""

    travellers = OfficialRefSerializer(source="trip.officials", many=True, read_only=True)
    country = serializers.CharField(source="stop.country", read_only=True, default=None)
    city = serializers.CharField(source="stop.city", read_only=True, default=None)
    trip_url = ApiLinkField("trip-detail", lookup="trip_id")

    class Meta(MeetingInTripSerializer.Meta):
        fields = (
            "id",
            "trip",
            "trip_url",
            "travellers",
            "date",
            "stop",
            "country",
            "city",
            "participants",
            "description",
            "edited_by_person",
            "evidence",
        )


class MeetingCSVSerializer(serializers.Serializer):
    """One flat row per meeting for ``?format=csv``, from a row of the JSON list."""

    id = serializers.IntegerField()
    trip = serializers.IntegerField(help_text="Id of the trip.")
    date = serializers.DateField(allow_null=True)
    stop = serializers.IntegerField(allow_null=True, help_text="Id of the stop.")
    country = serializers.CharField(allow_null=True, help_text="Country of the stop.")
    city = serializers.CharField(allow_null=True, help_text="City of the stop.")
    traveller_ids = serializers.SerializerMethodField()
    traveller_names = serializers.SerializerMethodField()
    participant_ids = serializers.SerializerMethodField()
    participant_names = serializers.SerializerMethodField()
    description = serializers.CharField()

    def get_traveller_ids(self, row: dict[str, Any]) -> str:
        return "; ".join(str(o["id"]) for o in row["travellers"])

    def get_traveller_names(self, row: dict[str, Any]) -> str:
        return "; ".join(o["name"] for o in row["travellers"])

    def get_participant_ids(self, row: dict[str, Any]) -> str:
        return "; ".join(str(o["id"]) for o in row["participants"])

    def get_participant_names(self, row: dict[str, Any]) -> str:
        return "; ".join(o["name"] for o in row["participants"])


# --- Articles ----------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    trips = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids of the trips the article reports."
    )
    api_url = ApiLinkField("article-detail")
    html_url = LinkField(
        "trips:article-detail", help_text="The article's page on the site, its facts highlighted."
    )

    class Meta:
        model = Article
        fields = (
            "id",
            "external_id",
            "kind",
            "title",
            "url",
            "source",
            "published",
            "imported_at",
            "updated_at",
            "trips",
            "api_url",
            "html_url",
        )


class StopFactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Stop
        fields = ("id", "trip", "order", "country", "city", "arrive_date", "depart_date")


class MeetingFactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ("id", "trip", "date", "description")


class FactSerializer(serializers.ModelSerializer):
    """One fact the article supports: the sentence and the object it supports."""

    official = OfficialRefSerializer(read_only=True, allow_null=True)
    trip = TripRefSerializer(read_only=True, allow_null=True)
    stop = StopFactSerializer(read_only=True, allow_null=True)
    meeting = MeetingFactSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Evidence
        fields = (
            "fact",
            "sentence",
            "start_offset",
            "end_offset",
            "official",
            "trip",
            "stop",
            "meeting",
        )


class ArticleDetailSerializer(ArticleSerializer):
    facts = FactSerializer(
        source="evidence", many=True, read_only=True, help_text="In the order of the text."
    )

    class Meta(ArticleSerializer.Meta):
        fields = (*ArticleSerializer.Meta.fields, "facts")


# --- Countries (derived from stops) -------------------------------------------


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.SerializerMethodField()
    visit_count = serializers.IntegerField(help_text="Stops made in the country.")
    trip_count = serializers.IntegerField(help_text="Trips with a stop in the country.")
    first_visit = serializers.DateField(allow_null=True, help_text="Earliest known arrival.")
    last_visit = serializers.DateField(allow_null=True, help_text="Latest known arrival.")
    api_url = ApiLinkField("country-detail", lookup="code", kwarg="code")
    feed_url = ApiLinkField(
        "country-feed", lookup="code", kwarg="code", help_text="Atom feed of trips visiting it."
    )

    def get_name(self, row: dict[str, Any]) -> str:
        return country_name(row["code"])


class VisitSerializer(serializers.ModelSerializer):
    """A visit a country received: one stop, with who made it and when."""

    trip = TripRefSerializer(read_only=True)
    travellers = OfficialRefSerializer(source="trip.officials", many=True, read_only=True)

    class Meta:
        model = Stop
        fields = ("id", "city", "arrive_date", "depart_date", "travellers", "trip")


class PaginatedVisitsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = VisitSerializer(many=True)


class CountryDetailSerializer(CountrySerializer):
    visits = PaginatedVisitsSerializer(
        help_text="The visits, newest first, paged with `page` and `page_size`."
    )


# --- Inputs of writes (staff only) ------------------------------------------


class OfficialSlugField(serializers.SlugRelatedField):
    """An official named by slug. Text that cannot be a slug is refused before any lookup
    (PostgreSQL rejects a NUL character in a query parameter outright)."""

    def __init__(self, **kwargs: Any):
        super().__init__(slug_field="slug", queryset=Official.objects.all(), **kwargs)

    def to_internal_value(self, data: Any) -> Official:
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=smart_str(data)[:50])
        return super().to_internal_value(data)


class TripInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Trip.Status.choices, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    travellers = serializers.ListField(
        child=OfficialSlugField(),
        source="officials",
        min_length=1,
        help_text="Slugs of the travelling officials.",
    )
    articles = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Article.objects.all(), required=False, help_text="Source article ids."
    )


class StopInputSerializer(serializers.Serializer):
    trip = serializers.PrimaryKeyRelatedField(queryset=Trip.objects.all())
    order = serializers.IntegerField(min_value=1, max_value=32767)
    country = serializers.CharField(max_length=2, help_text="ISO 3166-1 alpha-2, upper case.")
    city = serializers.CharField(max_length=200, required=False, allow_blank=True)
    latitude = serializers.FloatField(min_value=-90, max_value=90, required=False, allow_null=True)
    longitude = serializers.FloatField(
        min_value=-180, max_value=180, required=False, allow_null=True
    )
    arrive_date = serializers.DateField(required=False, allow_null=True)
    depart_date = serializers.DateField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True)


class MeetingInputSerializer(serializers.Serializer):
    trip = serializers.PrimaryKeyRelatedField(queryset=Trip.objects.all())
    stop = serializers.PrimaryKeyRelatedField(
        queryset=Stop.objects.all(), required=False, allow_null=True
    )
    date = serializers.DateField(required=False, allow_null=True)
    participants = serializers.ListField(
        child=OfficialSlugField(), required=False, help_text="Slugs of the counterparts met."
    )
    description = serializers.CharField(required=False, allow_blank=True)


class OfficialInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(
        max_length=220, required=False, help_text="Made from the name when left out."
    )
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    country = serializers.CharField(
        max_length=2,
        required=False,
        allow_blank=True,
        help_text="Government served: ISO 3166-1 alpha-2, or EU or UN.",
    )
    aliases = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
