"""The REST API under ``/api/`` (routes in ``trips.api_urls``).

Viewsets read through the prefetched querysets of ``trips.api_selectors``.
Staff writes go through an input serializer and ``trips.api_services``,
and answer with the same representation a read gives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import (
    action,
    api_view,
    permission_classes,
    renderer_classes,
    throttle_classes,
)
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView

from trips import api_rows, api_selectors, api_services, selectors
from trips.api_access import BoundedCountPagination, KnownCountPagination, SearchablePagination
from trips.countries import country_name, is_country_code
from trips.filters import ArticleFilter, MeetingFilter, OfficialFilter, StopFilter, TripFilter
from trips.identity import OfficialMoved, former_slug_target, moved_url
from trips.models import Article, Meeting, Official, Stop, Trip
from trips.renderers import CSVRenderer, GeoJSONRenderer
from trips.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    CountryDetailSerializer,
    CountrySerializer,
    HostedVisitSerializer,
    MeetingCSVSerializer,
    MeetingInputSerializer,
    MeetingSerializer,
    OfficialDetailSerializer,
    OfficialInputSerializer,
    OfficialMeetingSerializer,
    OfficialSerializer,
    StopCSVSerializer,
    StopInputSerializer,
    StopSerializer,
    TripCSVSerializer,
    TripDetailSerializer,
    TripInputSerializer,
    TripSerializer,
)

# --- Writes --------------------------------------------------------------------


class StaffWrites:
    """``POST`` on the list, ``PUT``/``PATCH``/``DELETE`` on an item, for staff.

    The input serializer checks types and references; ``api_services``
    marks the row edited by a person and runs the model validation.
    """

    input_serializer_class: type[serializers.Serializer]
    model: type

    def _save(self, request: Request, instance: Any, *, partial: bool, created: bool) -> Response:
        incoming = self.input_serializer_class(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        incoming.is_valid(raise_exception=True)
        saved = api_services.record_save(instance=instance, data=incoming.validated_data)
        fresh = self.get_queryset().get(pk=saved.pk)
        body = self.get_serializer(fresh).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._save(request, self.model(), partial=False, created=True)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._save(request, self.get_object(), partial=False, created=False)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._save(request, self.get_object(), partial=True, created=False)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        api_services.record_delete(instance=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def _write_schema(input_serializer: type, output_serializer: type, noun: str) -> dict:
    """extend_schema_view arguments documenting the staff writes of a viewset."""
    return {
        "create": extend_schema(
            summary=f"Create {noun} (staff)",
            request=input_serializer,
            responses={201: output_serializer},
        ),
        "update": extend_schema(
            summary=f"Replace {noun} (staff)",
            request=input_serializer,
            responses={200: output_serializer},
        ),
        "partial_update": extend_schema(
            summary=f"Change {noun} (staff)",
            request=input_serializer,
            responses={200: output_serializer},
        ),
        "destroy": extend_schema(summary=f"Delete {noun} (staff)", responses={204: None}),
    }


class RowsList:
    """``list()`` from column values: a page's rows come from ``trips.api_rows``.

    The JSON rows are the representation the view's serializer documents;
    CSV rows are flattened from them by the view's CSV serializer.
    """

    row_columns: tuple[str, ...]  # read with values() before paging
    build_rows: Callable[[list[dict], dict[str, Any]], list[dict]]  # a staticmethod
    csv_serializer_class: type[serializers.Serializer]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset.values(*self.row_columns))
        rows = self.build_rows(page, self.get_serializer_context())
        if self.get_serializer_class() is self.csv_serializer_class:
            rows = self.csv_serializer_class(rows, many=True).data
        return self.get_paginated_response(rows)


# --- Resources ---------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="List officials"),
    retrieve=extend_schema(
        summary="One official, with every trip",
        description="Their visits hosted and meetings are counted and linked: "
        "`hosted_visits_url` and `meetings_url` page through them.",
    ),
    **_write_schema(OfficialInputSerializer, OfficialDetailSerializer, "an official"),
)
class OfficialViewSet(StaffWrites, viewsets.ReadOnlyModelViewSet):
    """Officials who travel, or whom travellers meet."""

    model = Official
    input_serializer_class = OfficialInputSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    filterset_class = OfficialFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["name", "trip_count", "countries_visited"]
    ordering = ["name", "id"]

    def get_queryset(self) -> QuerySet[Official]:
        if self.action == "list":
            return api_selectors.officials_listed()
        if self.action in ("hosted_visits", "meetings"):
            return Official.objects.all()
        return api_selectors.official_detailed()

    def get_serializer_class(self) -> type:
        if self.action == "hosted_visits":
            return HostedVisitSerializer
        if self.action == "meetings":
            return OfficialMeetingSerializer
        return OfficialSerializer if self.action == "list" else OfficialDetailSerializer

    # Lists of their own, paged like every list: a head of state hosts
    # thousands of visits, too many to embed in the official.
    @extend_schema(
        summary="The visits an official hosted, newest first",
        description="Trips on which they were met, and other governments' trips to their "
        "country while the record shows them in office.",
        responses=HostedVisitSerializer(many=True),
    )
    @action(detail=True, url_path="hosted-visits", filter_backends=[])
    def hosted_visits(self, request: Request, slug: str) -> Response:
        official = self.get_object()
        # Every hosted trip's id, in order, read once: the page counts them and
        # takes its own, where a count and a page would each evaluate the
        # hosted condition (the slowest query) as the page's own HTML did.
        ids = self.paginate_queryset(
            [
                pk
                for pk, _ in selectors.official_hosted_years(
                    official=official, in_office=selectors.official_in_office(official)
                )
            ]
        )
        # The rows from column values: a page may hold hundreds of visits (api_rows).
        found = {
            row["id"]: row
            for row in Trip.objects.filter(pk__in=ids).values(*api_rows.HOSTED_COLUMNS)
        }
        page = [found[pk] for pk in ids]
        rows = api_rows.hosted_visit_rows(
            page, official=official, context=self.get_serializer_context()
        )
        return self.get_paginated_response(rows)

    @extend_schema(
        summary="The meetings an official took part in, newest first",
        responses=OfficialMeetingSerializer(many=True),
    )
    @action(detail=True, filter_backends=[])
    def meetings(self, request: Request, slug: str) -> Response:
        official = self.get_object()
        page = self.paginate_queryset(selectors.official_meetings(official=official))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self) -> Official:
        try:
            return super().get_object()
        except Http404:
            moved = former_slug_target(self.kwargs[self.lookup_field])
            if moved is None:
                raise
            raise OfficialMoved(moved) from None

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, OfficialMoved):
            # An official merged into another: their address follows them
            # (308 for writes, so a client repeats the same method there).
            safe = self.request.method in permissions.SAFE_METHODS
            return Response(
                {"detail": f"Merged into {exc.official.slug}."},
                status=status.HTTP_301_MOVED_PERMANENTLY
                if safe
                else status.HTTP_308_PERMANENT_REDIRECT,
                headers={"Location": moved_url(self.request, exc.official)},
            )
        return super().handle_exception(exc)


# Parameters that choose a page, its order or its format, not its rows.
_NOT_FILTERS = frozenset({"page", "page_size", "format", "ordering"})


def _only_filter(request: Request, name: str) -> str | None:
    """The value of filter ``name`` when it is the only one the request gives, else None.

    Called after the filters ran, so the value is a valid one.
    """
    given = set(request.query_params) - _NOT_FILTERS
    return request.query_params[name].strip() if given == {name} else None


def _csv_or(view: viewsets.GenericViewSet, csv_serializer: type, serializer: type) -> type:
    renderer = getattr(getattr(view, "request", None), "accepted_renderer", None)
    return csv_serializer if getattr(renderer, "format", None) == "csv" else serializer


@extend_schema_view(
    list=extend_schema(summary="List trips (JSON or CSV)"),
    retrieve=extend_schema(summary="One trip with its stops, meetings and sources"),
    **_write_schema(TripInputSerializer, TripDetailSerializer, "a trip"),
)
class TripViewSet(RowsList, StaffWrites, viewsets.ReadOnlyModelViewSet):
    """Journeys abroad of one or more officials, newest first."""

    model = Trip
    row_columns = api_rows.TRIP_COLUMNS
    build_rows = staticmethod(api_rows.trip_rows)
    csv_serializer_class = TripCSVSerializer
    input_serializer_class = TripInputSerializer
    lookup_value_regex = r"\d+"
    filterset_class = TripFilter
    pagination_class = SearchablePagination
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["start_date", "end_date", "title", "updated_at"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    def get_queryset(self) -> QuerySet[Trip]:
        if self.action == "list":
            return api_selectors.trips_listed()
        return api_selectors.trip_detailed()

    def get_serializer_class(self) -> type:
        if self.action == "list":
            return _csv_or(self, TripCSVSerializer, TripSerializer)
        return TripDetailSerializer

    def paginate_queryset(self, queryset: QuerySet[Trip]) -> list | None:
        # Filtered by country alone, the count is that of the country's
        # distinct trips, read off an index: matching every trip against the
        # country's stops grew with the record (42 ms at 60,000 trips).
        code = _only_filter(self.request, "country") if self.action == "list" else None
        if self.action == "list" and self.request.query_params.get("q", "").strip():
            # A search's exact count reads every match, which grows with the
            # record ("Tokyo": 1,265 trips at 6,000, 11,816 at 60,000): counted
            # up to a cap, and past it said to be a lower bound.
            self._paginator = BoundedCountPagination()
        elif code:
            count = api_selectors.trips_in_country_counted(code)
            self._paginator = KnownCountPagination(count)
        elif self.action == "list" and not queryset.query.where:
            # Unfiltered, as for the stops: the stored number of trips.
            count = api_selectors.trips_counted()
            if count is not None:
                self._paginator = KnownCountPagination(count)
        return super().paginate_queryset(queryset)


@extend_schema_view(
    list=extend_schema(summary="List stops across trips (JSON, CSV or GeoJSON)"),
    retrieve=extend_schema(summary="One stop"),
    **_write_schema(StopInputSerializer, StopSerializer, "a stop"),
)
class StopViewSet(StaffWrites, viewsets.ReadOnlyModelViewSet):
    """Places visited, one row per stop, with its trip and travellers."""

    model = Stop
    input_serializer_class = StopInputSerializer
    lookup_value_regex = r"\d+"
    filterset_class = StopFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["arrive_date", "depart_date", "country", "city"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer, GeoJSONRenderer]
    queryset = Stop.objects.none()  # for the schema; get_queryset() serves requests

    def get_queryset(self) -> QuerySet[Stop]:
        return api_selectors.stops_listed()

    def paginate_queryset(self, queryset: QuerySet[Stop]) -> list | None:
        # Unfiltered, the list holds every stop: their stored number, not a
        # COUNT(*) that reads them all.
        if self.action == "list" and not queryset.query.where:
            count = api_selectors.stops_counted()
            if count is not None:
                self._paginator = KnownCountPagination(count)
        return super().paginate_queryset(queryset)

    def get_serializer_class(self) -> type:
        return _csv_or(self, StopCSVSerializer, StopSerializer)


@extend_schema_view(
    list=extend_schema(summary="List meetings across trips (JSON or CSV)"),
    retrieve=extend_schema(summary="One meeting"),
    **_write_schema(MeetingInputSerializer, MeetingSerializer, "a meeting"),
)
class MeetingViewSet(RowsList, StaffWrites, viewsets.ReadOnlyModelViewSet):
    """In-person meetings of travellers with named counterparts."""

    model = Meeting
    row_columns = api_rows.MEETING_COLUMNS
    build_rows = staticmethod(api_rows.meeting_rows)
    csv_serializer_class = MeetingCSVSerializer
    input_serializer_class = MeetingInputSerializer
    lookup_value_regex = r"\d+"
    filterset_class = MeetingFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["date"]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    def get_queryset(self) -> QuerySet[Meeting]:
        if self.action == "list":
            return api_selectors.meetings_listed()
        return api_selectors.meeting_detailed()

    def paginate_queryset(self, queryset: QuerySet[Meeting]) -> list | None:
        # Unfiltered, as for the stops: the stored number, not a COUNT(*) of all.
        if self.action == "list" and not queryset.query.where:
            count = api_selectors.meetings_counted()
            if count is not None:
                self._paginator = KnownCountPagination(count)
        return super().paginate_queryset(queryset)

    def get_serializer_class(self) -> type:
        return _csv_or(self, MeetingCSVSerializer, MeetingSerializer)


@extend_schema_view(
    list=extend_schema(summary="List source articles"),
    retrieve=extend_schema(summary="One article with the facts it supports"),
)
class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Sources: news articles and records of an official travel record (read-only)."""

    lookup_value_regex = r"\d+"
    filterset_class = ArticleFilter
    filter_backends = [*viewsets.ReadOnlyModelViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["published", "title", "imported_at"]

    def get_queryset(self) -> QuerySet[Article]:
        if self.action == "list":
            return api_selectors.articles_listed()
        return api_selectors.article_detailed()

    def get_serializer_class(self) -> type:
        return ArticleSerializer if self.action == "list" else ArticleDetailSerializer


COUNTRY_ORDERINGS = {
    "code": lambda row: row["code"],
    "name": lambda row: country_name(row["code"]),
    "visit_count": lambda row: row["visit_count"],
    # Countries visited only on unknown dates sort before every date.
    "last_visit": lambda row: (row["last_visit"] is not None, row["last_visit"] or date.min),
}


@extend_schema_view(
    list=extend_schema(
        summary="List the countries visited",
        parameters=[
            OpenApiParameter(
                "ordering",
                str,
                enum=[p + key for key in COUNTRY_ORDERINGS for p in ("", "-")],
                description="Sort key; `-` for descending. Default: `code`.",
            )
        ],
    ),
    retrieve=extend_schema(
        summary="One country and the visits it received",
        parameters=[
            OpenApiParameter("page", int, description="Page of `visits`."),
            OpenApiParameter("page_size", int, description="Visits per page (at most 500)."),
        ],
    ),
)
class CountryViewSet(viewsets.GenericViewSet):
    """Countries that received visits, derived from the stops."""

    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{2}"
    serializer_class = CountrySerializer
    filter_backends: list = []

    def get_queryset(self) -> QuerySet:
        return api_selectors.countries_listed()

    def get_serializer_class(self) -> type:
        return CountrySerializer if self.action == "list" else CountryDetailSerializer

    def list(self, request: Request) -> Response:
        rows = list(self.get_queryset())
        key = request.query_params.get("ordering", "code")
        if key.lstrip("-") not in COUNTRY_ORDERINGS:
            raise ValidationError({"ordering": f"Choose one of {', '.join(COUNTRY_ORDERINGS)}."})
        rows.sort(key=COUNTRY_ORDERINGS[key.lstrip("-")], reverse=key.startswith("-"))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, code: str) -> Response:
        code = code.upper()
        if not is_country_code(code):
            raise NotFound("No such country code.")
        row = api_selectors.countries_listed().filter(code=code).first()
        if row is None:
            row = {
                "code": code,
                "visit_count": 0,
                "trip_count": 0,
                "first_visit": None,
                "last_visit": None,
            }
        # The stored visit count is the number of these rows: no COUNT over them.
        paginator = KnownCountPagination(row["visit_count"])
        visits = paginator.paginate_queryset(api_selectors.country_visits(code), request, self)
        row["visits"] = {
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": visits,
        }
        return Response(self.get_serializer(row).data)


# --- The root, the whole-record export and the JSON 404 -----------------------


class APIRoot(APIRootView):
    """The API's resources, its schema and documentation, and the whole-record export."""

    # (key, URL name): what the router does not list on its own.
    EXTRA_LINKS = (
        ("export", "api:export"),
        ("schema", "api:schema"),
        ("docs", "api:swagger-ui"),
        ("redoc", "api:redoc"),
    )

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        for key, name in self.EXTRA_LINKS:
            response.data[key] = reverse(name, request=request)
        return response


@extend_schema(
    summary="The whole record as trip interchange JSON",
    description="Officials and trips in the shape of the evaluation sets' `gold.json`.",
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
@permission_classes([permissions.AllowAny])
@renderer_classes([JSONRenderer])
def export(request: Request) -> Response:
    from trips.interchange import database_to_interchange

    return Response(database_to_interchange())


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([permissions.AllowAny])
@throttle_classes([])
def not_found(request: Request, *args: Any, **kwargs: Any) -> Response:
    """Any other path under /api/: a JSON 404 rather than the site's HTML page."""
    raise NotFound()
