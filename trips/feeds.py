"""Feeds to follow one official or one country: Atom (Django syndication) and iCalendar.

The Atom feeds list the trips most recently created or updated, so a feed
reader shows a trip again when an import changes it. The iCalendar feed
holds every dated trip of an official, planned ones included; calendar apps
that subscribe to it pick up changes on their next refresh, because each
trip keeps its UID and carries its last change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import conditional_page
from icalendar import Calendar, Event

from trips.countries import country_name, is_country_code
from trips.identity import OfficialMoved, moved_url, official_by_slug
from trips.models import Official, Stop, Trip

FEED_LENGTH = 50

_ICS_STATUS = {
    Trip.Status.PLANNED: "TENTATIVE",
    Trip.Status.ONGOING: "CONFIRMED",
    Trip.Status.COMPLETED: "CONFIRMED",
    Trip.Status.CANCELLED: "CANCELLED",
}


def _trips_for_feed(trips: QuerySet[Trip]) -> QuerySet[Trip]:
    return trips.prefetch_related(
        "officials", Prefetch("stops", queryset=Stop.objects.order_by("order"))
    )


def _places(trip: Trip) -> str:
    return "; ".join(stop.place for stop in trip.stops.all())


def _when(trip: Trip) -> str:
    if trip.start_date and trip.end_date and trip.start_date != trip.end_date:
        return f"{trip.start_date:%-d %B %Y} to {trip.end_date:%-d %B %Y}"
    day = trip.start_date or trip.end_date
    return f"{day:%-d %B %Y}" if day else "dates unknown"


def trip_description(trip: Trip) -> str:
    """A plain-text account of a trip for feed readers and calendars."""
    lines = [
        f"{trip.get_status_display()}, {_when(trip)}.",
        "Travellers: " + ", ".join(o.name for o in trip.officials.all()) + ".",
    ]
    if places := _places(trip):
        lines.append(f"Stops: {places}.")
    if trip.summary:
        lines.append(trip.summary)
    return "\n".join(lines)


class _TripFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, trip: Trip) -> str:
        return f"{trip} ({trip.get_status_display().lower()})"

    def item_description(self, trip: Trip) -> str:
        return trip_description(trip)

    def item_link(self, trip: Trip) -> str:
        return trip.get_absolute_url()

    def item_guid(self, trip: Trip) -> str:
        # The trip's page: stable across updates, so readers replace the entry.
        return trip.get_absolute_url()

    def item_pubdate(self, trip: Trip) -> datetime:
        return trip.created_at

    def item_updateddate(self, trip: Trip) -> datetime:
        return trip.updated_at

    def item_author_name(self, trip: Trip) -> str:
        return ", ".join(o.name for o in trip.officials.all())

    def item_categories(self, trip: Trip) -> list[str]:
        return sorted({stop.country_name for stop in trip.stops.all()})


class OfficialTripsFeed(_TripFeed):
    """New and updated trips of one official."""

    def get_object(self, request: HttpRequest, slug: str) -> Official:
        return official_by_slug(slug)

    def title(self, official: Official) -> str:
        return f"Trips of {official}"

    def subtitle(self, official: Official) -> str:
        return f"New and updated trips of {official.name}, latest change first."

    def link(self, official: Official) -> str:
        return official.get_absolute_url()

    def feed_url(self, official: Official) -> str:
        return reverse("api:official-feed", kwargs={"slug": official.slug})

    def items(self, official: Official) -> QuerySet[Trip]:
        trips = Trip.objects.for_official(official).order_by("-updated_at", "-id")
        return _trips_for_feed(trips)[:FEED_LENGTH]


class CountryTripsFeed(_TripFeed):
    """New and updated trips with a stop in one country."""

    def get_object(self, request: HttpRequest, code: str) -> str:
        code = code.upper()
        if not is_country_code(code):
            raise Http404("No such country code.")
        return code

    def title(self, code: str) -> str:
        return f"Visits to {country_name(code)}"

    def subtitle(self, code: str) -> str:
        return f"New and updated trips with a stop in {country_name(code)}, latest change first."

    def link(self, code: str) -> str:
        return reverse("api:country-detail", kwargs={"code": code})

    def feed_url(self, code: str) -> str:
        return reverse("api:country-feed", kwargs={"code": code})

    def items(self, code: str) -> QuerySet[Trip]:
        trips = Trip.objects.filter(pk__in=Stop.objects.in_country(code).values("trip_id"))
        return _trips_for_feed(trips.order_by("-updated_at", "-id"))[:FEED_LENGTH]


def official_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """``trips.ics``: every trip of an official with a known date, as all-day events."""
    official = official_by_slug(slug)
    dated = Trip.objects.for_official(official).exclude(start_date=None, end_date=None)
    trips = _trips_for_feed(dated).order_by("start_date", "id")
    calendar = Calendar()
    calendar.add("prodid", "-//Diplomatic Trip Tracker//Trips//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Trips of {official.name}")
    calendar.add("x-published-ttl", "PT6H")
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    host = request.get_host().split(":")[0]
    for trip in trips:
        calendar.add_component(_event(request, trip, host))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{official.slug}-trips.ics"'
    return response


def _event(request: HttpRequest, trip: Trip, host: str) -> Event:
    first = trip.start_date or trip.end_date
    last = trip.end_date or trip.start_date
    event = Event()
    event.add("uid", f"trip-{trip.pk}@{host}")
    event.add("summary", str(trip) if trip.status != Trip.Status.PLANNED else f"{trip} (planned)")
    event.add("dtstart", first)
    # All-day events end the day after their last day (RFC 5545 §3.6.1).
    event.add("dtend", last + timedelta(days=1))
    event.add("dtstamp", trip.updated_at)
    event.add("last-modified", trip.updated_at)
    event.add("created", trip.created_at)
    event.add("status", _ICS_STATUS[trip.status])
    event.add("transp", "TRANSPARENT")
    event.add("description", trip_description(trip))
    event.add("url", request.build_absolute_uri(trip.get_absolute_url()))
    if places := _places(trip):
        event.add("location", places)
    return event


def subscribable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A feed of the API: a 404 answered in JSON, like the rest of the API, and an
    ETag, so feed readers and calendar apps polling it get a bodiless 304 until
    it changes (the feeds' content depends only on the record)."""

    @conditional_page
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except OfficialMoved as moved:
            # A subscription to an official merged into another follows them.
            return HttpResponsePermanentRedirect(moved_url(request, moved.official))
        except Http404:
            return JsonResponse({"detail": "Not found."}, status=404)

    return wrapped
