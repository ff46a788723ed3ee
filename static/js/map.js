/* Draws the maps of trips, officials and countries as SVG from the vendored
   Natural Earth boundaries (world-atlas), with d3-geo. No tiles, no network
   beyond this site: the page data comes from a <script type="application/json">
   block named by the map's data-map attribute. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var atlases = {};

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function loadAtlas(url) {
    if (!atlases[url]) {
      atlases[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("atlas " + response.status);
        return response.json();
      });
    }
    return atlases[url];
  }

  function draw(container, data, world) {
    var width = 640, height = 400;
    var countries = topojson.feature(world, world.objects.countries).features;
    var shaded = {};
    (data.countries || []).forEach(function (c) { shaded[c.id || c.name] = c; });
    var points = (data.stops || []).map(function (s) { return [s.lon, s.lat]; });

    // Frame the stops with a margin of a few degrees, or the shaded countries,
    // or the whole world when there is nothing to show.
    var focus;
    if (points.length) {
      focus = { type: "GeometryCollection", geometries: points.map(function (p) {
        return d3.geoCircle().center(p).radius(points.length > 1 ? 4 : 9)();
      }) };
    } else {
      var picked = countries.filter(function (f) { return shaded[f.id] || shaded[f.properties.name]; });
      focus = picked.length ? { type: "FeatureCollection", features: picked } : { type: "Sphere" };
    }
    var projection = d3.geoNaturalEarth1().fitExtent([[12, 12], [width - 12, height - 12]], focus);
    var path = d3.geoPath(projection);

    var svg = el("svg", {
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-label": container.getAttribute("data-label") || "Map",
      class: "map-svg"
    });
    el("path", { d: path({ type: "Sphere" }), class: "map-sea" }, svg);
    el("path", { d: path(d3.geoGraticule10()), class: "map-graticule" }, svg);
    var land = el("g", { class: "map-land" }, svg);
    countries.forEach(function (feature) {
      var hit = shaded[feature.id] || shaded[feature.properties.name];
      var shape = el("path", { d: path(feature), class: hit ? "map-country visited" : "map-country" }, land);
      if (hit) el("title", {}, shape).textContent = hit.name;
    });

    if (data.route && points.length > 1) {
      // d3-geo draws a LineString along great circles, as the distance is measured.
      el("path", { d: path({ type: "LineString", coordinates: points }), class: "map-route" }, svg);
    }
    var dots = el("g", { class: "map-stops" }, svg);
    (data.stops || []).forEach(function (stop, index) {
      var xy = projection([stop.lon, stop.lat]);
      if (!xy) return;
      var group = el("g", { class: "map-stop", transform: "translate(" + xy[0].toFixed(1) + "," + xy[1].toFixed(1) + ")" }, dots);
      var radius = data.route ? 9 : Math.min(4 + Math.sqrt(stop.n || 1) * 1.5, 14);
      el("circle", { r: radius }, group);
      el("title", {}, group).textContent = stop.label;
      if (data.route) {
        var label = el("text", { "text-anchor": "middle", dy: "0.35em" }, group);
        label.textContent = String(index + 1);
      }
    });
    container.textContent = "";
    container.appendChild(svg);
    container.classList.add("map-drawn");
  }

  function init(container) {
    var source = document.getElementById(container.getAttribute("data-map"));
    if (!source || !window.d3 || !window.topojson) return;
    var data = JSON.parse(source.textContent);
    loadAtlas(container.getAttribute("data-atlas")).then(function (world) {
      draw(container, data, world);
    }).catch(function () {
      container.classList.add("map-failed");
    });
  }

  document.querySelectorAll(".map[data-map]").forEach(init);
})();
