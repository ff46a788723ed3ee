"""Descriptions for the OpenAPI schema that the code cannot state itself.

Fields and path parameters that have no help text of their own (model
fields without ``help_text``, pagination envelopes, path ids) get one from
this glossary, by name. A test checks that nothing is left undescribed.
"""

from __future__ import annotations

from typing import Any

FIELDS = {
    "id": "Identifier of the object, stable across imports.",
    "api_url": "This object in the API.",
    "slug": "URL name of the official; unique.",
    "name": "Full name (for a country, its English short name).",
    "title": "Title of the trip or article; for an official, the office held.",
    "status": "`planned`, `ongoing`, `completed` or `cancelled`, as of `status_as_of`.",
    "start_date": "First day of the trip; null when the sources do not fix it.",
    "end_date": "Last day of the trip; null when the sources do not fix it.",
    "summary": "A short account of the trip.",
    "travellers": "The travelling officials.",
    "created_at": "When the row was created (by an import or an editor).",
    "updated_at": "When the row last changed.",
    "arrive_date": "Day of arrival; null when unknown.",
    "depart_date": "Day of departure; null when unknown.",
    "latitude": "Latitude of the place in degrees (WGS 84); null when unknown.",
    "longitude": "Longitude of the place in degrees (WGS 84); null when unknown.",
    "notes": "Notes on the stop.",
    "evidence": "The sentences that support this object, each with its article.",
    "trip": "Id of the trip.",
    "trip_url": "The trip in the API.",
    "trip_title": "Title of the trip.",
    "stop": "Id of the stop where it happened; null when the place is unknown.",
    "date": "Day of the meeting; null when unknown.",
    "meetings": "Meetings of the travellers on the trip, by date.",
    "country": "ISO 3166-1 alpha-2 code of the country.",
    "city": "City; empty or null when only the country is known.",
    "fact": "What the sentence supports: `official`, `trip`, `trip_start`, `trip_end`, "
    "`stop` or `meeting`.",
    "sentence": "The sentence as it appears in the article.",
    "end_offset": "Offset of the end of the sentence in the text.",
    "official": "The official the sentence names; null for other facts.",
    "meeting": "The meeting the sentence reports; null for other facts.",
    "kind": "`news` (a news article) or `record` (an official travel record).",
    "published": "Day of publication; null when unknown.",
    "url": "Address of the original publication.",
    "imported_at": "When the article was imported.",
    "count": "Number of rows over all pages.",
    "next": "The next page; null on the last.",
    "previous": "The previous page; null on the first.",
    "results": "The rows of this page.",
    "aliases": "Other names the official goes by.",
    "order": "Position in travel order, from 1.",
    "description": "What was discussed, as reported.",
}

PARAMETERS = {
    "id": "Id of the object.",
    "slug": "Slug of the official.",
    "code": "ISO 3166-1 alpha-2 country code, in any case.",
    "format": "Response format, instead of an `Accept` header.",
}


def describe_everything(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: fill missing descriptions from the glossary."""
    for component in result.get("components", {}).get("schemas", {}).values():
        for name, prop in component.get("properties", {}).items():
            if not prop.get("description") and name in FIELDS:
                prop["description"] = FIELDS[name]
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if not parameter.get("description") and parameter["name"] in PARAMETERS:
                    parameter["description"] = PARAMETERS[parameter["name"]]
    return result
