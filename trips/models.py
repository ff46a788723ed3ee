"""The record: officials, the articles that report on them, their trips.

Every fact an import extracts points back to the sentence it came from
through ``Evidence``. Rows an editor has changed carry ``edited_by_person``
so later imports leave them alone.
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.backends.postgresql.psycopg_any import DateRange
from django.db.models import Exists, F, Func, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Left
from django.urls import reverse
from django.utils.text import slugify

from trips.countries import COUNTRY_CODES, GOVERNMENT_CODES, country_name, is_country_code


def validate_country_code(value: str) -> None:
    if value and value not in COUNTRY_CODES:
        raise ValidationError(
            "%(value)s is not an ISO 3166-1 alpha-2 country code.",
            code="invalid_country",
            params={"value": value},
        )


def validate_government_code(value: str) -> None:
    if value and value not in GOVERNMENT_CODES:
        raise ValidationError(
            "%(value)s is not an ISO 3166-1 alpha-2 country code, nor EU or UN.",
            code="invalid_country",
            params={"value": value},
        )


class SearchDocument(SearchVector):
    """What the API's ``?q=`` searches in a row: the English full-text vector of ``fields``.

    Stored in a generated column on PostgreSQL (with a GIN index, migration
    0005), so a search reads it instead of parsing every row's text again.
    Other databases store NULL and search the fields by substring
    (``trips.filters.text_match``). The column's SQL is fixed when a migration
    adds it: a change here needs a migration that adds the column again.
    """

    # PostgreSQL refuses a tsvector over 1 MB, which a long text of distinct
    # words (a data dump in an article) can reach; the vector covers each
    # field's first 300,000 characters (about 50,000 words, far beyond news).
    SEARCHED_CHARACTERS = 300_000

    def __init__(self, *fields: str):
        super().__init__(
            *(Left(field, self.SEARCHED_CHARACTERS) for field in fields), config="english"
        )
        self.fields = fields

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().as_sql(compiler, connection, **extra_context)


def _search_document(*fields: str) -> models.GeneratedField:
    return models.GeneratedField(
        expression=SearchDocument(*fields),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )


def _country_field(**kwargs) -> models.CharField:
    return models.CharField(
        max_length=2,
        validators=[validate_country_code],
        help_text="ISO 3166-1 alpha-2 code, upper case (JP, KR, US).",
        **kwargs,
    )


def _valid_country(field: str, *, blank_ok: bool, codes: tuple[str, ...] = COUNTRY_CODES) -> Q:
    condition = Q(**{f"{field}__in": codes})
    if blank_ok:
        condition |= Q(**{field: ""})
    return condition


def _dates_in_order(first: str, last: str) -> Q:
    return (
        Q(**{f"{first}__isnull": True})
        | Q(**{f"{last}__isnull": True})
        | Q(**{f"{last}__gte": F(first)})
    )


class Official(models.Model):
    name = models.CharField(max_length=200, help_text="Full name as first introduced.")
    slug = models.SlugField(max_length=220, unique=True)
    title = models.CharField(max_length=200, blank=True, help_text="Current office.")
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_government_code],
        help_text="The government served: ISO 3166-1 alpha-2 code, upper case (JP, KR, US), "
        "or EU or UN for the European Union's or the United Nations' officials.",
    )
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names the official goes by: surname, other spellings.",
    )
    record_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="The official record's own id for this person (its “who”, e.g. "
        "bush-george-w); imports find the person by it.",
    )
    edited_by_person = models.BooleanField(
        default=False, help_text="Set when an editor changed this row; imports then keep it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = _search_document("name", "title")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=_valid_country("country", blank_ok=True, codes=GOVERNMENT_CODES),
                name="official_country_valid",
            ),
            # One person of the record, one official.
            models.UniqueConstraint(
                fields=["record_id"],
                condition=~Q(record_id=""),
                name="official_record_id_unique_when_present",
            ),
        ]
        indexes = [
            # Officials by country: the country page and ?country= on the API.
            models.Index(fields=["country"], name="official_country_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.title})" if self.title else self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "official"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("trips:official-detail", kwargs={"slug": self.slug})

    @property
    def country_name(self) -> str:
        return country_name(self.country) if self.country else ""

    @property
    def serves_a_country(self) -> bool:
        """Whether the government served is a country (with a page), not the EU or UN."""
        return is_country_code(self.country)


class OfficialFormerSlug(models.Model):
    """The slug of an official merged into another: its old addresses redirect there."""

    slug = models.SlugField(max_length=220, unique=True)
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="former_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return f"{self.slug} → {self.official.slug}"


class OfficialsKeptApart(models.Model):
    """An editor's decision that two officials are two people (set when one is split).

    Imports and ``repair_identity`` never merge such a pair.
    """

    first = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(blank=True, help_text="Why they are two people.")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first", "second"]
        verbose_name = "officials kept apart"
        verbose_name_plural = "officials kept apart"
        constraints = [
            # Each pair once, in one order.
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="kept_apart_pair_in_order"
            ),
            models.UniqueConstraint(fields=["first", "second"], name="kept_apart_pair_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} and {self.second_id} are two people"


class Article(models.Model):
    """A source: a news article, or one record of an official travel record."""

    class Kind(models.TextChoices):
        NEWS = "news", "News article"
        RECORD = "record", "Official record"

    kind = models.CharField(max_length=6, choices=Kind.choices, default=Kind.NEWS)
    external_id = models.CharField(
        max_length=200, unique=True, help_text="The article's id (front-matter `id`)."
    )
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True, default="")
    source = models.CharField(max_length=200, blank=True, help_text="Outlet that published it.")
    published = models.DateField(null=True, blank=True)
    text = models.TextField(help_text="The article body, untouched.")
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = _search_document("title", "text")

    # The body and its search vector are most of a row; lists leave them unread.
    BODY = ("text", "search_document")

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"
            ),
        ]
        indexes = [
            # Newest articles first: the articles list and the home page.
            models.Index(fields=["published"], name="article_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trips:article-detail", kwargs={"pk": self.pk})


def _record_sources() -> models.QuerySet:
    return Trip.articles.through.objects.filter(
        trip_id=OuterRef("pk"), article__kind=Article.Kind.RECORD
    )


# A trip with a date known: what ``trip_known_dates_idx`` holds.
TRIP_HAS_A_DATE = Q(start_date__isnull=False) | Q(end_date__isnull=False)


def trip_known_dates() -> Func:
    """A trip's days as a PostgreSQL ``daterange``: from start to end, or the one day known.

    The expression of ``trip_known_dates_idx`` (migration 0014), which a query
    uses only when it spells the same SQL.
    """
    return Func(
        Coalesce("start_date", "end_date"),
        Coalesce("end_date", "start_date"),
        Value("[]"),
        function="daterange",
        output_field=DateRangeField(),
    )


class TripQuerySet(models.QuerySet):
    def planned(self) -> TripQuerySet:
        return self.filter(status=Trip.Status.PLANNED)

    def ongoing(self) -> TripQuerySet:
        return self.filter(status=Trip.Status.ONGOING)

    def completed(self) -> TripQuerySet:
        return self.filter(status=Trip.Status.COMPLETED)

    def travelled(self) -> TripQuerySet:
        """The trips every total counts, on every page and in the API (``Trip.COUNTED``)."""
        return self.filter(status__in=Trip.COUNTED)

    def for_official(self, official: Official) -> TripQuerySet:
        return self.filter(officials=official)

    def visiting(self, country: str) -> TripQuerySet:
        return self.filter(stops__country=country.upper()).distinct()

    def verified(self) -> TripQuerySet:
        """Trips the official record confirms: at least one record among their sources."""
        return self.filter(Exists(_record_sources()))

    def unverified(self) -> TripQuerySet:
        """Trips known only from the news."""
        return self.exclude(Exists(_record_sources()))

    def overlapping(self, start: date | None, end: date | None) -> TripQuerySet:
        """Trips whose known dates touch the window [start, end].

        A trip with one date known is that one day; a trip with none touches no
        window. On PostgreSQL the test is an overlap of date ranges, which
        ``trip_known_dates_idx`` (a GiST index, migration 0014) serves: the two
        date conditions, each on a B-tree of its own, read half the trips for a
        window in the middle of the record.
        """
        inverted = start is not None and end is not None and start > end
        # daterange() refuses a window that ends before it starts: the two
        # conditions still select the trips that span it, as they always did.
        if connections[self.db].vendor == "postgresql" and not inverted:
            # Each end of the window is a test of its own, as the two
            # conditions were. The index is partial, so PostgreSQL has no
            # statistics for its expression and expects few trips of both
            # tests: it reads the window's trips off the index and sorts
            # them. Given one test of the whole window it expects more, and
            # walks the newest-first index instead, hoping to meet a page of
            # them early; a window's trips sit together in that order, at a
            # depth it cannot know (a window of 2015 at 60,000 trips: 27 ms,
            # against 0.5 ms read and sorted).
            window = Q()
            if start is not None:
                window &= Q(known_dates__overlap=DateRange(start, None, "[]"))
            if end is not None:
                window &= Q(known_dates__overlap=DateRange(None, end, "[]"))
            return self.alias(known_dates=trip_known_dates()).filter(TRIP_HAS_A_DATE, window)
        qs = self
        if start is not None:
            qs = qs.filter(Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))
        if end is not None:
            qs = qs.filter(Q(start_date__lte=end) | Q(start_date__isnull=True, end_date__lte=end))
        return qs


class Trip(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ONGOING = "ongoing", "Ongoing"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    # The one definition behind every total (trips of an official, visits a
    # country received, countries visited), as the State Department's travel
    # pages count: travel that happened or is under way. Planned and cancelled
    # trips are listed beside the totals, never counted in them. Read it
    # through Trip.objects.travelled() and Stop.objects.travelled().
    COUNTED = (Status.COMPLETED, Status.ONGOING)

    officials = models.ManyToManyField(Official, related_name="trips", verbose_name="travellers")
    title = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    articles = models.ManyToManyField(Article, related_name="trips", blank=True)
    status_as_of = models.DateField(
        null=True, blank=True, help_text="Publication date of the latest source."
    )
    # When the official record confirms a trip, start_date and end_date follow
    # it (trips.services.trip_follow_record); the news' dates are kept here.
    reported_start = models.DateField(
        null=True, blank=True, help_text="Start as the news reported it, beside the record's."
    )
    reported_end = models.DateField(
        null=True, blank=True, help_text="End as the news reported it, beside the record's."
    )
    edited_by_person = models.BooleanField(
        default=False, help_text="Set when an editor changed this row; imports then keep it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = _search_document("title", "summary")
    # What ``/api/trips/?q=`` matches beyond the trip's own text, stored on the
    # trip so one query over the trips, each condition on an index of its own,
    # counts and pages the matches (trips.filters._trip_ids_matching). Written
    # by ``trips.totals.visit_totals_refresh`` from the stops and travellers,
    # never by a save (see save()).
    search_places = models.TextField(
        blank=True, default="", editable=False, help_text="The stops' cities, one a line."
    )
    search_keys = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text='The stops\' countries and the travellers, as keys: {"country:JP": true, '
        '"traveller:12": true}.',
    )

    STORED_SEARCH = ("search_places", "search_keys")

    objects = TripQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=_dates_in_order("start_date", "end_date"),
                name="trip_end_on_or_after_start",
            ),
            models.CheckConstraint(
                condition=_dates_in_order("reported_start", "reported_end"),
                name="trip_reported_end_on_or_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "ongoing", "completed", "cancelled"]),
                name="trip_status_valid",
            ),
        ]
        indexes = [
            # ?status= on the API and the home page's planned/ongoing lists.
            models.Index(fields=["status", "start_date"], name="trip_status_start_idx"),
            # Date-window filters (start_after, end_before, overlapping).
            models.Index(fields=["start_date"], name="trip_start_idx"),
            models.Index(fields=["end_date"], name="trip_end_idx"),
            # "Recently updated" feeds.
            models.Index(fields=["updated_at"], name="trip_updated_idx"),
            # The import's candidate trips: reported near an article's date, or never dated.
            models.Index(fields=["status_as_of"], name="trip_status_as_of_idx"),
            models.Index(
                fields=["id"],
                condition=Q(start_date=None, end_date=None, status_as_of=None),
                name="trip_undated_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Trip {self.pk}"

    def save(self, *args, **kwargs) -> None:
        # A trip read before its stops or travellers changed holds the stored
        # search fields as they were then: saving every field would put the old
        # ones back over what the refresh wrote. A trip already stored saves all
        # but those.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and not f.generated and f.name not in self.STORED_SEARCH
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("trips:trip-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The trip cannot end before it starts."})


class StopQuerySet(models.QuerySet):
    def in_country(self, country: str) -> StopQuerySet:
        return self.filter(country=country.upper())

    def for_official(self, official: Official) -> StopQuerySet:
        return self.filter(trip__officials=official)

    def travelled(self) -> StopQuerySet:
        """Stops of the trips every total counts (``Trip.COUNTED``): the visits made."""
        return self.filter(trip__status__in=Trip.COUNTED)


class Stop(models.Model):
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="stops")
    order = models.PositiveSmallIntegerField(help_text="Position in travel order, from 1.")
    country = _country_field()
    city = models.CharField(
        max_length=200, blank=True, help_text="Empty when only the country is known."
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    arrive_date = models.DateField(null=True, blank=True)
    depart_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    # The dates the official record gives, kept apart from the dates above
    # (which the news may have set) so the two can be compared.
    recorded_arrive = models.DateField(
        null=True, blank=True, help_text="Arrival according to the official record."
    )
    recorded_depart = models.DateField(
        null=True, blank=True, help_text="Departure according to the official record."
    )
    edited_by_person = models.BooleanField(
        default=False, help_text="Set when an editor changed this row; imports then keep it."
    )
    search_document = _search_document("city", "notes")

    objects = StopQuerySet.as_manager()

    class Meta:
        ordering = ["trip", "order"]
        constraints = [
            models.UniqueConstraint(fields=["trip", "order"], name="stop_order_unique_in_trip"),
            models.CheckConstraint(
                condition=_dates_in_order("arrive_date", "depart_date"),
                name="stop_depart_on_or_after_arrive",
            ),
            models.CheckConstraint(
                condition=_dates_in_order("recorded_arrive", "recorded_depart"),
                name="stop_recorded_depart_on_or_after_arrive",
            ),
            models.CheckConstraint(
                condition=_valid_country("country", blank_ok=False), name="stop_country_valid"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="stop_coordinates_valid",
            ),
        ]
        indexes = [
            # Visits a country received: the country page, ?country= filters.
            models.Index(fields=["country", "arrive_date"], name="stop_country_arrive_idx"),
            # ?city= filters.
            models.Index(fields=["city"], name="stop_city_idx"),
            # The count of /api/trips/?country=: its distinct trips read off the index alone.
            models.Index(fields=["country", "trip"], name="stop_country_trip_idx"),
        ]

    def __str__(self) -> str:
        place = f"{self.city}, {self.country}" if self.city else country_name(self.country)
        return f"{self.order}. {place}"

    def clean(self) -> None:
        if self.arrive_date and self.depart_date and self.depart_date < self.arrive_date:
            raise ValidationError({"depart_date": "A stop cannot end before it begins."})

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def place(self) -> str:
        return f"{self.city}, {self.country_name}" if self.city else self.country_name


class Meeting(models.Model):
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="meetings")
    stop = models.ForeignKey(
        Stop, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    date = models.DateField(null=True, blank=True)
    participants = models.ManyToManyField(Official, related_name="meetings", blank=True)
    description = models.TextField(blank=True, help_text="What was discussed, as reported.")
    edited_by_person = models.BooleanField(
        default=False, help_text="Set when an editor changed this row; imports then keep it."
    )
    search_document = _search_document("description")

    class Meta:
        ordering = ["trip", "date", "id"]
        indexes = [
            # Meetings on a date: timelines and ?date= filters.
            models.Index(fields=["date"], name="meeting_date_idx"),
        ]

    def __str__(self) -> str:
        when = self.date.isoformat() if self.date else "date unknown"
        return f"Meeting on trip {self.trip_id} ({when})"


class EvidenceQuerySet(models.QuerySet):
    def with_article(self) -> EvidenceQuerySet:
        """Evidence with its article read in the same query, less the article's body."""
        return self.select_related("article").defer(*(f"article__{name}" for name in Article.BODY))


class Evidence(models.Model):
    """The sentence of an article that supports one fact."""

    class Fact(models.TextChoices):
        OFFICIAL = "official", "Official"
        TRIP = "trip", "Trip"
        TRIP_START = "trip_start", "Trip start date"
        TRIP_END = "trip_end", "Trip end date"
        STOP = "stop", "Stop"
        MEETING = "meeting", "Meeting"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    fact = models.CharField(max_length=12, choices=Fact.choices)
    sentence = models.TextField()
    start_offset = models.PositiveIntegerField(help_text="Offset of the sentence in the text.")
    end_offset = models.PositiveIntegerField()
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    trip = models.ForeignKey(
        Trip, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    stop = models.ForeignKey(
        Stop, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start_offset", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_offset__gte=F("start_offset")), name="evidence_offsets_in_order"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        fact="official",
                        official__isnull=False,
                        trip__isnull=True,
                        stop__isnull=True,
                        meeting__isnull=True,
                    )
                    | Q(
                        fact__in=["trip", "trip_start", "trip_end"],
                        official__isnull=True,
                        trip__isnull=False,
                        stop__isnull=True,
                        meeting__isnull=True,
                    )
                    | Q(
                        fact="stop",
                        official__isnull=True,
                        trip__isnull=True,
                        stop__isnull=False,
                        meeting__isnull=True,
                    )
                    | Q(
                        fact="meeting",
                        official__isnull=True,
                        trip__isnull=True,
                        stop__isnull=True,
                        meeting__isnull=False,
                    )
                ),
                name="evidence_points_at_its_fact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_fact_display()} from {self.article_id} @{self.start_offset}"


# --- Stored totals ------------------------------------------------------------------
#
# The totals every list shows (visits per country, trips and countries per
# official) kept up to date by ``trips.totals.visit_totals_refresh``, which
# every write that changes a trip's stops, status or travellers calls, so
# the lists read a few hundred rows however large the record grows.
# ``manage.py rebuild_visit_totals`` recomputes them all from the stops.


class TripCountryVisits(models.Model):
    """One counted trip's visits to one country (``Stop.objects.travelled()``)."""

    # No database constraint: the row outlives its trip until the refresh
    # that follows the deletion, which needs it to take the visits back.
    trip = models.ForeignKey(
        Trip, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    country = models.CharField(max_length=2)
    visits = models.PositiveIntegerField()
    first_visit = models.DateField(null=True)
    last_visit = models.DateField(null=True)

    class Meta:
        ordering = ["trip_id", "country"]
        constraints = [
            models.UniqueConstraint(fields=["trip", "country"], name="trip_country_visits_unique")
        ]
        indexes = [
            # A country's first and last visit after a refresh (MIN/MAX read off the index).
            models.Index(fields=["country", "first_visit"], name="tcv_country_first_idx"),
            models.Index(fields=["country", "last_visit"], name="tcv_country_last_idx"),
        ]

    def __str__(self) -> str:
        return f"trip {self.trip_id} in {self.country}: {self.visits}"


class TripTravellersSeen(models.Model):
    """The travellers of a trip when its totals were last refreshed.

    So a refresh after a trip lost travellers (or was deleted) knows whose
    totals to recompute.
    """

    trip = models.OneToOneField(
        Trip,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    counted = models.BooleanField(default=False)
    official_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["trip_id"]

    def __str__(self) -> str:
        return f"trip {self.trip_id}: {self.official_ids}"


class CountryVisits(models.Model):
    """The visits a country received: what ``/api/countries/`` lists."""

    code = models.CharField(max_length=2, primary_key=True)
    visit_count = models.PositiveIntegerField(default=0)
    trip_count = models.PositiveIntegerField(default=0)
    first_visit = models.DateField(null=True)
    last_visit = models.DateField(null=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "country visits"

    def __str__(self) -> str:
        return f"{self.code}: {self.visit_count} visits"


class OfficialTotals(models.Model):
    """An official's counted trips and the countries they visited: the officials list."""

    official = models.OneToOneField(
        Official, on_delete=models.CASCADE, primary_key=True, related_name="totals"
    )
    trip_count = models.PositiveIntegerField(default=0)
    countries_visited = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["official_id"]
        verbose_name_plural = "official totals"

    def __str__(self) -> str:
        return f"{self.official_id}: {self.trip_count} trips, {self.countries_visited} countries"


class OfficialCountryTrips(models.Model):
    """How many of an official's counted trips visited one country: the rows of
    ``OfficialTotals.countries_visited``, moved by the difference a refresh finds, so
    that the count no longer reads all of an official's trips."""

    # No database constraint, as ``TripCountryVisits``: an official merged away leaves
    # rows that the refresh of the trips it moved takes back.
    official = models.ForeignKey(
        Official, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    country = models.CharField(max_length=2)
    trips = models.PositiveIntegerField()

    class Meta:
        ordering = ["official_id", "country"]
        verbose_name_plural = "official country trips"
        constraints = [
            models.UniqueConstraint(
                fields=["official", "country"], name="official_country_trips_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.official_id} in {self.country}: {self.trips} trips"


class TripStopCount(models.Model):
    """A trip's stops (all of them, counted or not) and meetings when its totals were last
    refreshed; one row for every trip.

    So a refresh knows by how much the trips it was given moved the record's
    numbers of trips, stops and meetings (``RecordTotals``).
    """

    trip = models.OneToOneField(
        Trip,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    stops = models.PositiveIntegerField()
    meetings = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["trip_id"]

    def __str__(self) -> str:
        return f"trip {self.trip_id}: {self.stops} stops, {self.meetings} meetings"


class RecordTotals(models.Model):
    """Totals of the whole record, one row: the unfiltered trips, stops and meetings lists'
    counts."""

    ONLY = 1  # the one row's key

    id = models.PositiveSmallIntegerField(primary_key=True, default=ONLY)
    trip_count = models.PositiveBigIntegerField(default=0)
    stop_count = models.PositiveBigIntegerField(default=0)
    meeting_count = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "record totals"
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="record_totals_one_row")
        ]

    def __str__(self) -> str:
        return f"{self.trip_count} trips, {self.stop_count} stops, {self.meeting_count} meetings"
