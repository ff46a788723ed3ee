"""The OpenAPI schema, its documentation pages, and schemathesis runs against it.

Schemathesis generates requests from the schema and sends them in-process to
the WSGI app; any 5xx fails the test. The number of examples per operation
is bounded (``API_FUZZ_EXAMPLES``, default 12) so CI stays quick.
"""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from tests.factories import (
    make_article,
    make_evidence,
    make_meeting,
    make_official,
    make_stop,
    make_trip,
)
from tracker.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "12"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_ANON_THROTTLE_RATE = None
    cache.clear()


def test_the_schema_is_valid_openapi_3(client):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on an invalid document
    assert schema["openapi"].startswith("3.")


def test_the_schema_describes_every_operation_filter_and_field(client):
    schema = client.get(
        reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json"
    ).json()
    paths = schema["paths"]
    for path in (
        "/api/officials/",
        "/api/officials/{slug}/",
        "/api/officials/{slug}/hosted-visits/",
        "/api/officials/{slug}/meetings/",
        "/api/trips/",
        "/api/trips/{id}/",
        "/api/stops/",
        "/api/meetings/",
        "/api/articles/",
        "/api/articles/{id}/",
        "/api/countries/",
        "/api/countries/{code}/",
        "/api/export.json",
    ):
        assert path in paths, path
    undocumented = []
    for path, operations in paths.items():
        for method, operation in operations.items():
            if not operation.get("summary") and not operation.get("description"):
                undocumented.append(f"{method} {path}")
            for parameter in operation.get("parameters", []):
                if not parameter.get("description"):
                    undocumented.append(f"{method} {path} ?{parameter['name']}")
    for name, component in schema["components"]["schemas"].items():
        for field, prop in component.get("properties", {}).items():
            if not prop.get("description"):
                undocumented.append(f"{name}.{field}")
    assert undocumented == []
    trip_filters = {p["name"] for p in paths["/api/trips/"]["get"]["parameters"]}
    assert {
        "official",
        "country",
        "city",
        "status",
        "start_after",
        "end_before",
        "overlaps_from",
        "overlaps_to",
        "article",
        "q",
        "ordering",
        "page",
        "page_size",
    } <= trip_filters
    # An official's visits hosted and meetings are lists of their own, paged, not embedded.
    for path, item in (("hosted-visits", "HostedVisit"), ("meetings", "OfficialMeeting")):
        operation = paths[f"/api/officials/{{slug}}/{path}/"]["get"]
        assert {p["name"] for p in operation["parameters"]} == {"slug", "page", "page_size"}
        body = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert body == {"$ref": f"#/components/schemas/Paginated{item}List"}
    detail = schema["components"]["schemas"]["OfficialDetail"]["properties"]
    assert detail["hosted_visit_count"]["type"] == "integer"
    assert (detail["meetings_url"]["type"], detail["meetings_url"]["format"]) == ("string", "uri")
    assert "hosted_visits" not in detail and "meetings" not in detail
    # A search's page says whether its count is only a lower bound.
    trips_page = schema["components"]["schemas"]["PaginatedTripList"]["properties"]
    assert trips_page["count_is_lower_bound"]["type"] == "boolean"
    assert (
        "count_is_lower_bound"
        not in schema["components"]["schemas"]["PaginatedStopList"]["properties"]
    )
    assert set(paths["/api/trips/"]) == {"get", "post"}
    assert set(paths["/api/trips/{id}/"]) == {"get", "put", "patch", "delete"}


def test_the_docs_pages_load_their_assets_from_this_site(client):
    for name in ("api:swagger-ui", "api:redoc"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        html = response.content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert sources, name
        assert all(s.startswith("/") for s in sources), sources
        assert "<script>" not in html and "<style>" not in html
    for name in ("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",):
        assert client.get(f"/static/{name}").status_code == 200


def test_swagger_ui_gets_its_start_script_from_this_site(client):
    response = client.get(reverse("api:swagger-ui"), {"script": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


# --- Schemathesis ------------------------------------------------------------------


def _seed() -> None:
    """A little of everything, so generated ids and slugs sometimes hit real rows."""
    wong = make_official(name="Penny Wong", slug="penny-wong", country="AU")
    host = make_official(name="Retno Marsudi", slug="retno-marsudi", country="ID")
    article = make_article()
    trip = make_trip(officials=[wong], start_date=date(2024, 2, 5), end_date=date(2024, 2, 7))
    trip.articles.add(article)
    stop = make_stop(trip=trip, country="ID", city="Jakarta")
    meeting = make_meeting(trip=trip, stop=stop, participants=[host])
    make_evidence(article=article, stop=stop)
    make_evidence(article=article, meeting=meeting)


@pytest.fixture
def seeded():
    """The database seeded, and requests kept from closing the test's connection."""
    # The test owns the connection and its transaction; the WSGI handler's
    # request signals would otherwise close it between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _seed()
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Loaded through the app itself at collection time (the schema needs no database).
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@schema.parametrize()
@FUZZ
def test_no_request_makes_the_api_fail_with_a_server_error(case, seeded):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])


@pytest.fixture
def staff_token(django_user_model) -> str:
    editor = django_user_model.objects.create_user("fuzz-editor", is_staff=True)
    return Token.objects.create(user=editor).key


@schema.include(method=["POST", "PUT", "PATCH", "DELETE"]).parametrize()
@FUZZ
def test_no_staff_write_makes_the_api_fail_with_a_server_error(case, seeded, staff_token):
    response = case.call(headers={"Authorization": f"Token {staff_token}"})
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code != 401
