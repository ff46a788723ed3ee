/* Draws the maps of trips, officials and countries as SVG from the vendored
   Natural Earth boundaries (world-atlas), with d3-geo. Nothing is loaded from
   another site unless the deployment sets MAP_TILE_URL (data-tiles), which adds
   a tile layer. The page data comes from a <script type="application/json">
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

  // A country's largest polygon: France without French Guiana, the US without Alaska.
  function mainland(feature) {
    var geometry = feature.geometry;
    if (!geometry || geometry.type !== "MultiPolygon") return feature;
    var best = null, most = -1;
    geometry.coordinates.forEach(function (rings) {
      var polygon = { type: "Polygon", coordinates: rings };
      var area = d3.geoArea(polygon);
      if (area > most) { most = area; best = polygon; }
    });
    return best;
  }

  // Web-Mercator tiles (z/x/y) covering the map, as SVG images under the
  // boundaries; only when the site sets MAP_TILE_URL (the maps stay offline otherwise).
  function drawTiles(svg, projection, template, width, height) {
    var k = projection.scale(), t = projection.translate();
    var worldSize = 2 * Math.PI * k;
    var z = Math.max(0, Math.min(18, Math.round(Math.log2(worldSize / 256))));
    var n = Math.pow(2, z), size = worldSize / n;
    var left = t[0] - worldSize / 2, top = t[1] - worldSize / 2;
    var layer = el("g", { class: "map-tiles" }, svg);
    var x0 = Math.floor(-left / size), x1 = Math.floor((width - left) / size);
    var y0 = Math.max(0, Math.floor(-top / size)), y1 = Math.min(n - 1, Math.floor((height - top) / size));
    for (var x = x0; x <= x1; x++) {
      for (var y = y0; y <= y1; y++) {
        var wrapped = ((x % n) + n) % n;
        el("image", {
          href: template.replace("{z}", z).replace("{x}", wrapped).replace("{y}", y),
          x: (left + x * size).toFixed(2), y: (top + y * size).toFixed(2),
          width: size.toFixed(2), height: size.toFixed(2), preserveAspectRatio: "none"
        }, layer);
      }
    }
  }

  function draw(container, data, world) {
    var width = 640, height = 400;
    var countries = topojson.feature(world, world.objects.countries).features;
    var shaded = {}, byId = {};
    (data.countries || []).forEach(function (c) { shaded[c.id || c.name] = c; });
    countries.forEach(function (f) { byId[f.id || f.properties.name] = f; });
    // Stops without coordinates stand at the middle of their country, drawn hollow.
    var stops = (data.stops || []).map(function (stop) {
      if (stop.lat !== null && stop.lat !== undefined) return { stop: stop, at: [stop.lon, stop.lat] };
      var feature = byId[stop.country] || byId[stop.name];
      return feature ? { stop: stop, at: d3.geoCentroid(mainland(feature)), approximate: true } : null;
    }).filter(Boolean);
    var points = stops.map(function (s) { return s.at; });

    // Frame the stops with a margin of a few degrees and the shaded countries'
    // mainland, or the whole world when there is nothing to show.
    var shapes = points.map(function (p) {
      return d3.geoCircle().center(p).radius(points.length > 1 ? 3 : 8)();
    });
    countries.forEach(function (f) {
      if (shaded[f.id] || shaded[f.properties.name]) shapes.push(mainland(f));
    });
    if (data.route && points.length > 1) shapes.push({ type: "LineString", coordinates: points });
    var tiles = container.getAttribute("data-tiles");
    // Mercator cannot frame the poles: an empty tiled map shows the inhabited world.
    var everywhere = tiles ? { type: "MultiPoint", coordinates: [[-179, -56], [179, 75]] } : { type: "Sphere" };
    var focus = shapes.length ? { type: "GeometryCollection", geometries: shapes } : everywhere;
    // Tiles come in Web Mercator, so the boundaries must too when they are shown.
    var projection = (tiles ? d3.geoMercator() : d3.geoNaturalEarth1())
      .fitExtent([[14, 14], [width - 14, height - 14]], focus);
    var path = d3.geoPath(projection);

    var svg = el("svg", {
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-label": container.getAttribute("data-label") || "Map",
      class: "map-svg"
    });
    el("path", { d: path({ type: "Sphere" }), class: "map-sea" }, svg);
    if (tiles) {
      svg.classList.add("map-tiled");
      drawTiles(svg, projection, tiles, width, height);
    } else {
      el("path", { d: path(d3.geoGraticule10()), class: "map-graticule" }, svg);
    }
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
    stops.forEach(function (item, index) {
      var xy = projection(item.at);
      if (!xy) return;
      var group = el("g", {
        class: item.approximate ? "map-stop approximate" : "map-stop",
        transform: "translate(" + xy[0].toFixed(1) + "," + xy[1].toFixed(1) + ")"
      }, dots);
      var radius = data.route ? 9 : Math.min(5 + Math.sqrt(item.stop.n || 1) * 1.5, 15);
      el("circle", { r: radius }, group);
      el("title", {}, group).textContent = item.stop.label + (item.approximate ? " (city not reported)" : "");
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
