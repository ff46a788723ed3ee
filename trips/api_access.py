"""Access, paging and errors of the API, named in ``settings.REST_FRAMEWORK``.

Kept apart from ``trips.api`` because DRF imports these classes while
``rest_framework.views`` itself is loading.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from redis.exceptions import RedisError
from rest_framework import permissions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class IsStaffOrReadOnly(permissions.BasePermission):
    """Anyone reads; only authenticated staff users write."""

    message = "Only staff users may change the record."

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)


class AnonThrottle(AnonRateThrottle):
    """Anonymous clients, by address, at ``settings.API_ANON_THROTTLE_RATE`` (None: no limit)."""

    def get_rate(self) -> str | None:
        # Read at request time, so the setting can change without a restart of
        # the class (tests, and the benchmark which measures the app, not the limit).
        return settings.API_ANON_THROTTLE_RATE

    def allow_request(self, request: Request, view: Any) -> bool:
        """As DRF decides, but a cache that fails (a shared Redis down) lets the request
        through: the record stays readable, and the failure is logged."""
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError):
            logger.warning("API rate limit not applied: the cache failed", exc_info=True)
            return True


class Pagination(PageNumberPagination):
    """``page`` and ``page_size`` (at most 500; 50 by default) on every list.

    CSV and GeoJSON bodies hold only the rows; their total and the next and
    previous pages travel in the ``X-Total-Count`` and ``Link`` headers.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_paginated_response(self, data: Any) -> Response:
        renderer = getattr(self.request, "accepted_renderer", None)
        if getattr(renderer, "format", "json") not in ("csv", "geojson"):
            return super().get_paginated_response(data)
        headers = {"X-Total-Count": str(self.page.paginator.count)}
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            headers["Link"] = ", ".join(links)
        return Response(data, headers=headers)


class KnownCountPagination(Pagination):
    """Pagination of rows whose number is known already (a stored total): no COUNT query."""

    def __init__(self, count: int) -> None:
        self.known_count = count

    def django_paginator_class(self, object_list: Any, per_page: int) -> Paginator:
        paginator = Paginator(object_list, per_page)
        paginator.count = self.known_count  # a cached_property: set, the rows are not counted
        return paginator


class SearchablePagination(Pagination):
    """Pagination of a list that a search (``?q=``) may narrow: as ``Pagination``, and
    its schema names the ``count_is_lower_bound`` that a search's page carries
    (``BoundedCountPagination``)."""

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paged = super().get_paginated_response_schema(schema)
        properties = paged["properties"]
        paged["properties"] = {
            "count": properties.pop("count"),
            "count_is_lower_bound": {
                "type": "boolean",
                "description": "Only on a search (`?q=`): true when the matches were "
                "counted up to a cap and `count` is how many were found before "
                "counting stopped (there are more; `page=last` counts them all).",
            },
            **properties,
        }
        return paged


class BoundedCountPagination(SearchablePagination):
    """Pagination of a search (``?q=``), whose exact count would read every match.

    The matches are counted up to ``cap``, or further to the end of the page
    asked for: below that the count is exact; at it, ``count`` says how many
    were found before counting stopped (there are more) and
    ``count_is_lower_bound`` is true (CSV: the header
    ``X-Total-Count-Is-Lower-Bound``). The next page is linked either way;
    ``page=last`` counts them all.
    """

    cap = 1000

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> Any:
        self.limit: int | None = None
        page = request.query_params.get(self.page_query_param) or "1"
        page_size = self.get_page_size(request)
        if page not in self.last_page_strings and page_size:
            try:
                self.limit = max(self.cap, int(page) * page_size) + 1
            except ValueError:
                self.limit = self.cap + 1  # no such page: the paginator says so
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, object_list: Any, per_page: int) -> Paginator:
        paginator = Paginator(object_list, per_page)
        counted = (
            object_list.count()
            if self.limit is None
            else object_list.order_by()[: self.limit].count()
        )
        self.count_is_lower_bound = counted == self.limit
        paginator.count = counted  # a cached_property: set, the rows are not counted again
        return paginator

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        if isinstance(response.data, dict):
            response.data = {
                "count": response.data.pop("count"),
                "count_is_lower_bound": self.count_is_lower_bound,
                **response.data,
            }
        elif self.count_is_lower_bound:
            response["X-Total-Count-Is-Lower-Bound"] = "true"
        return response


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus a JSON 500 (logged, with no details) for anything unexpected."""
    from rest_framework.views import exception_handler as drf_exception_handler
    from rest_framework.views import set_rollback

    response = drf_exception_handler(exc, context)
    if response is None and not settings.DEBUG:
        request = context.get("request")
        logger.error("Unhandled error in the API: %s", getattr(request, "path", "?"), exc_info=exc)
        set_rollback()
        response = Response(
            {"detail": "Internal server error."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR
        )
    return response
