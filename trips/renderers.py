"""CSV and GeoJSON renderers for the API's lists.

Both receive the list of serialized rows (the paginator leaves the page
links to the headers for these formats, see ``trips.api.Pagination``).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rest_framework.renderers import BaseRenderer


class CSVRenderer(BaseRenderer):
    """One row per object; the columns are the fields of the view's flat CSV serializer."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context=None):
        if data is None:  # no body, as a DELETE's 204 has
            return b""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if isinstance(data, dict):
            # An error ({"detail": ...} or {"field": [...]}) rather than rows.
            writer.writerow(["field", "message"])
            for key, value in data.items():
                messages = value if isinstance(value, list) else [value]
                writer.writerows([key, str(message)] for message in messages)
            return out.getvalue().encode(self.charset)
        view = (renderer_context or {}).get("view")
        header = list(view.get_serializer().fields) if view is not None else list(data[0])
        writer.writerow(header)
        for row in data:
            writer.writerow(["" if row.get(name) is None else row.get(name) for name in header])
        return out.getvalue().encode(self.charset)


class GeoJSONRenderer(BaseRenderer):
    """A FeatureCollection of points (RFC 7946); rows without coordinates get no geometry."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None  # RFC 7946: always UTF-8, no charset parameter

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict):
            return json.dumps(data).encode()
        features = []
        for row in data:
            properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
            has_point = row.get("latitude") is not None and row.get("longitude") is not None
            features.append(
                {
                    "type": "Feature",
                    "id": row.get("id"),
                    "geometry": (
                        {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
                        if has_point
                        else None
                    ),
                    "properties": properties,
                }
            )
        collection = {"type": "FeatureCollection", "features": features}
        return json.dumps(collection, ensure_ascii=False, default=str).encode()
