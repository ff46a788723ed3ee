"""Score an exported trip set against gold (SCHEMA.md, "Scoring").

Pure Python, no Django. Names compare with ``names_match``; cities case- and
accent-insensitively. Cancelled predicted trips are ignored.

Stop F1 combines two kinds of items into one F1: (traveller, country) pairs,
and (traveller, country, city) triples for the pairs where gold names a
city. A predicted triple only counts (for or against) when gold names a
city for that traveller and country, so a correct country-only answer is
never punished for a city the gold does not know.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from trips.extraction.people import names_match, normalise_name


def _fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


class _Names:
    """Maps names to gold keys so that set arithmetic follows names_match."""

    def __init__(self, gold_names: Iterable[str]) -> None:
        self.gold = list(dict.fromkeys(gold_names))

    def key(self, name: str) -> str:
        for gold in self.gold:
            if names_match(gold, name):
                return normalise_name(gold)
        return "~" + normalise_name(name)


def _f1(tp: int, predicted: int, gold: int) -> float:
    if predicted == 0 and gold == 0:
        return 1.0
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _live(trips: list[dict]) -> list[dict]:
    return [t for t in trips if t.get("status") != "cancelled"]


def _match_trips(gold: list[dict], predicted: list[dict], names: _Names) -> dict[int, int]:
    options = []
    for gi, g in enumerate(gold):
        g_trav = {names.key(n) for n in g["travelers"]}
        g_countries = {s["country"] for s in g["stops"]}
        for pi, p in enumerate(predicted):
            if not g_trav & {names.key(n) for n in p["travelers"]}:
                continue
            overlap = len(g_countries & {s["country"] for s in p["stops"]})
            if overlap:
                # On a tie in places, the trip of the same company: a delegation's visit is
                # not its leader's earlier one there.
                shared = len(g_trav & {names.key(n) for n in p["travelers"]})
                options.append((overlap, shared, -abs(len(p["stops"]) - len(g["stops"])), gi, pi))
    options.sort(reverse=True)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in options:
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _find_stop(stop: dict, candidates: list[dict]) -> dict | None:
    same_country = [c for c in candidates if c["country"] == stop["country"]]
    if stop.get("city"):
        same_city = [c for c in same_country if _fold(c.get("city")) == _fold(stop["city"])]
        if same_city:
            return same_city[0]
        no_city = [c for c in same_country if not c.get("city")]
        return no_city[0] if no_city else (same_country[0] if same_country else None)
    no_city = [c for c in same_country if not c.get("city")]
    return no_city[0] if no_city else (same_country[0] if same_country else None)


def score(gold: dict, predicted: dict) -> dict:
    """All figures plus the misses and false positives behind them.

    >>> trip = {"travelers": ["Ann Lee"], "status": "planned", "start": None, "end": None,
    ...         "stops": [{"country": "FR", "city": "Paris", "arrive": None, "depart": None}],
    ...         "meetings": [], "sources": ["a"]}
    >>> s = score({"officials": [], "trips": [trip]}, {"officials": [], "trips": [trip]})
    >>> s["stop_f1"], s["city_recall"], s["status"]
    (1.0, 1.0, 1.0)
    """
    gold_trips = _live(gold.get("trips", []))
    pred_trips = _live(predicted.get("trips", []))
    names = _Names(
        [n for t in gold_trips for n in t["travelers"]]
        + [n for t in gold_trips for m in t["meetings"] for n in m["participants"]]
        + [o["name"] for o in gold.get("officials", [])]
    )

    def pairs(trips: list[dict]) -> set[tuple[str, str]]:
        return {
            (names.key(n), s["country"]) for t in trips for n in t["travelers"] for s in t["stops"]
        }

    def triples(trips: list[dict]) -> set[tuple[str, str, str]]:
        return {
            (names.key(n), s["country"], _fold(s["city"]))
            for t in trips
            for n in t["travelers"]
            for s in t["stops"]
            if s.get("city")
        }

    g_pairs, p_pairs = pairs(gold_trips), pairs(pred_trips)
    g_city = triples(gold_trips)
    city_pairs = {(t, c) for t, c, _ in g_city}
    p_city_all = triples(pred_trips)
    p_city = {x for x in p_city_all if (x[0], x[1]) in city_pairs}
    stop_tp = len(g_pairs & p_pairs) + len(g_city & p_city)
    stop_f1 = _f1(stop_tp, len(p_pairs) + len(p_city), len(g_pairs) + len(g_city))
    city_recall = len(g_city & p_city) / len(g_city) if g_city else 1.0

    matched = _match_trips(gold_trips, pred_trips, names)
    date_items: list[tuple[str, bool]] = []
    status_items: list[tuple[str, bool]] = []
    for gi, g in enumerate(gold_trips):
        p = pred_trips[matched[gi]] if gi in matched else None
        label = f"{'/'.join(g['travelers'])} {g.get('start')}"
        for key in ("start", "end"):
            if g.get(key):
                ok = p is not None and p.get(key) == g[key]
                date_items.append(
                    (f"{label} {key}: gold {g[key]} got {p.get(key) if p else 'no trip'}", ok)
                )
        for stop in g["stops"]:
            found = _find_stop(stop, p["stops"]) if p else None
            for key in ("arrive", "depart"):
                if stop.get(key):
                    ok = found is not None and found.get(key) == stop[key]
                    got = found.get(key) if found else "no stop"
                    date_items.append(
                        (
                            f"{label} {stop['country']}/{stop.get('city')} {key}: "
                            f"gold {stop[key]} got {got}",
                            ok,
                        )
                    )
        if p is not None:
            status_items.append(
                (f"{label}: gold {g['status']} got {p['status']}", g["status"] == p["status"])
            )

    def meeting_pairs(trips: list[dict]) -> set[tuple[str, str]]:
        return {
            (names.key(n), names.key(q))
            for t in trips
            for n in t["travelers"]
            for m in t["meetings"]
            for q in m["participants"]
        }

    g_meet, p_meet = meeting_pairs(gold_trips), meeting_pairs(pred_trips)
    meet_f1 = _f1(len(g_meet & p_meet), len(p_meet), len(g_meet))

    g_off = gold.get("officials", [])
    p_off = predicted.get("officials", [])
    used: set[int] = set()
    off_pairs: list[tuple[dict, dict]] = []
    for g in g_off:
        for pi, p in enumerate(p_off):
            if pi not in used and names_match(g["name"], p["name"]):
                used.add(pi)
                off_pairs.append((g, p))
                break
    off_f1 = _f1(len(off_pairs), len(p_off), len(g_off))
    country_share = (
        sum(1 for g, p in off_pairs if g.get("country") == p.get("country")) / len(off_pairs)
        if off_pairs
        else 1.0
    )
    matched_gold = {id(g) for g, _ in off_pairs}
    return {
        "stop_f1": stop_f1,
        "city_recall": city_recall,
        "dates": sum(ok for _, ok in date_items) / len(date_items) if date_items else 1.0,
        "status": sum(ok for _, ok in status_items) / len(status_items) if status_items else 1.0,
        "meeting_f1": meet_f1,
        "official_f1": off_f1,
        "official_country": country_share,
        "detail": {
            "stop_misses": sorted(g_pairs - p_pairs) + sorted(g_city - p_city),
            "stop_false": sorted(p_pairs - g_pairs) + sorted(p_city - g_city),
            "date_misses": [label for label, ok in date_items if not ok],
            "status_misses": [label for label, ok in status_items if not ok],
            "unmatched_gold_trips": [
                f"{'/'.join(g['travelers'])} {[s['country'] for s in g['stops']]}"
                for gi, g in enumerate(gold_trips)
                if gi not in matched
            ],
            "meeting_misses": sorted(g_meet - p_meet),
            "meeting_false": sorted(p_meet - g_meet),
            "official_misses": [g["name"] for g in g_off if id(g) not in matched_gold],
            "official_false": [p["name"] for pi, p in enumerate(p_off) if pi not in used],
            "official_country_misses": [
                f"{g['name']}: gold {g.get('country')} got {p.get('country')}"
                for g, p in off_pairs
                if g.get("country") != p.get("country")
            ],
        },
    }


def format_summary(figures: dict) -> str:
    """The one-line summary of a score.

    >>> figures = {"stop_f1": 1, "city_recall": 0.5, "dates": 0, "status": 1}
    >>> format_summary(figures | {"meeting_f1": 0.25, "official_f1": 0.333})
    'SUMMARY stopF1=1.00 cityR=0.50 dates=0.00 status=1.00 meetF1=0.25 offF1=0.33'
    """
    return (
        f"SUMMARY stopF1={figures['stop_f1']:.2f} cityR={figures['city_recall']:.2f} "
        f"dates={figures['dates']:.2f} status={figures['status']:.2f} "
        f"meetF1={figures['meeting_f1']:.2f} offF1={figures['official_f1']:.2f}"
    )
