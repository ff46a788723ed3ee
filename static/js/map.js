/* Draws the maps of trips, officials and countries as SVG from the vendored
   Natural Earth boundaries (world-atlas), with d3-geo. Nothing is loaded from
   another site unless the deployment sets MAP_TILE_URL (data-tiles), which adds
   a tile layer. The page data comes from a <script type="application/json">
   block named by the map's data-map attribute:

     countries  [{id, name, shade?, n?}]  shaded (a choropleth when `shade` is set)
     focus      {id, name}                outlined: the country a page is about
     stops      [{lat, lon, label, order?, short?, n?}]
     route      true on a trip: stops joined in order, numbered and labelled

   Every map zooms (buttons, + and - or Ctrl + wheel once it has the focus, a
   double click) and pans (drag, arrow keys); markers keep their size, and the
   labels of a route are laid out again so they never overlap. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 640, HEIGHT = 400, MAX_ZOOM = 24;
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
  function drawTiles(layer, projection, template) {
    var k = projection.scale(), t = projection.translate();
    var worldSize = 2 * Math.PI * k;
    var z = Math.max(0, Math.min(18, Math.round(Math.log2(worldSize / 256))));
    var n = Math.pow(2, z), size = worldSize / n;
    var left = t[0] - worldSize / 2, top = t[1] - worldSize / 2;
    var tiles = el("g", { class: "map-tiles" }, layer);
    var x0 = Math.floor(-left / size), x1 = Math.floor((WIDTH - left) / size);
    var y0 = Math.max(0, Math.floor(-top / size)), y1 = Math.min(n - 1, Math.floor((HEIGHT - top) / size));
    for (var x = x0; x <= x1; x++) {
      for (var y = y0; y <= y1; y++) {
        var wrapped = ((x % n) + n) % n;
        el("image", {
          href: template.replace("{z}", z).replace("{x}", wrapped).replace("{y}", y),
          x: (left + x * size).toFixed(2), y: (top + y * size).toFixed(2),
          width: size.toFixed(2), height: size.toFixed(2), preserveAspectRatio: "none"
        }, tiles);
      }
    }
  }

  // Stops of a route at one place (a return to the capital) share a marker: "1, 5".
  function markersOf(stops, route) {
    if (!route) return stops.map(function (s) { return { items: [s], at: s.at }; });
    var byPlace = {}, markers = [];
    stops.forEach(function (s) {
      var key = s.at[0].toFixed(3) + "," + s.at[1].toFixed(3);
      if (!byPlace[key]) { byPlace[key] = { items: [], at: s.at }; markers.push(byPlace[key]); }
      byPlace[key].items.push(s);
    });
    return markers;
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function draw(container, data, world) {
    var countries = topojson.feature(world, world.objects.countries).features;
    var shaded = {}, byId = {};
    (data.countries || []).forEach(function (c) { shaded[c.id || c.name] = c; });
    countries.forEach(function (f) { byId[f.id || f.properties.name] = f; });
    var focus = data.focus ? byId[data.focus.id] || byId[data.focus.name] : null;
    // Stops without coordinates stand at the middle of their country, drawn hollow.
    var stops = (data.stops || []).map(function (stop, index) {
      var order = stop.order || index + 1;
      if (stop.lat !== null && stop.lat !== undefined) return { stop: stop, order: order, at: [stop.lon, stop.lat] };
      var feature = byId[stop.country] || byId[stop.name];
      return feature ? { stop: stop, order: order, at: d3.geoCentroid(mainland(feature)), approximate: true } : null;
    }).filter(Boolean);
    var points = stops.map(function (s) { return s.at; });

    // Frame the stops with a margin of a few degrees and the shaded countries'
    // mainland, or the whole world when there is nothing to show.
    var shapes = points.map(function (p) {
      return d3.geoCircle().center(p).radius(points.length > 1 ? 3 : 8)();
    });
    countries.forEach(function (f) {
      if (shaded[f.id] || shaded[f.properties.name] || f === focus) shapes.push(mainland(f));
    });
    if (data.route && points.length > 1) shapes.push({ type: "LineString", coordinates: points });
    var tiles = container.getAttribute("data-tiles");
    // Mercator cannot frame the poles: an empty tiled map shows the inhabited world.
    var everywhere = tiles ? { type: "MultiPoint", coordinates: [[-179, -56], [179, 75]] } : { type: "Sphere" };
    var frame = shapes.length ? { type: "GeometryCollection", geometries: shapes } : everywhere;
    // Tiles come in Web Mercator, so the boundaries must too when they are shown.
    var projection = (tiles ? d3.geoMercator() : d3.geoNaturalEarth1())
      .fitExtent([[14, 14], [WIDTH - 14, HEIGHT - 14]], frame);
    var path = d3.geoPath(projection);

    var svg = el("svg", {
      viewBox: "0 0 " + WIDTH + " " + HEIGHT,
      role: "img",
      "aria-label": container.getAttribute("data-label") || "Map",
      class: "map-svg map-zoomable"
    });
    el("rect", { width: WIDTH, height: HEIGHT, class: "map-sea" }, svg);
    // Everything but the markers and labels zooms with this group.
    var zoomed = el("g", { class: "map-zoom" }, svg);
    el("path", { d: path({ type: "Sphere" }), class: "map-sea" }, zoomed);
    if (tiles) {
      svg.classList.add("map-tiled");
      drawTiles(zoomed, projection, tiles);
    } else {
      el("path", { d: path(d3.geoGraticule10()), class: "map-graticule" }, zoomed);
    }
    var land = el("g", { class: "map-land" }, zoomed);
    countries.forEach(function (feature) {
      if (feature === focus) return;
      var hit = shaded[feature.id] || shaded[feature.properties.name];
      var css = "map-country";
      if (hit) css += hit.shade ? " shade-" + hit.shade : " visited";
      var shape = el("path", { d: path(feature), class: css }, land);
      if (hit) {
        el("title", {}, shape).textContent = hit.name + (hit.n ? ": " + hit.n + (hit.n === 1 ? " visit" : " visits") : "");
      }
    });
    if (focus) {
      // Drawn last, so no neighbour's border covers its outline.
      var outlined = el("path", { d: path(focus), class: "map-country focus" }, land);
      el("title", {}, outlined).textContent = data.focus.name;
    }
    if (data.route && points.length > 1) {
      // d3-geo draws a LineString along great circles, as the distance is measured.
      el("path", { d: path({ type: "LineString", coordinates: points }), class: "map-route" }, zoomed);
    }

    var dots = el("g", { class: "map-stops" }, svg);
    var labels = el("g", { class: "map-labels" }, svg);
    // Sizes below are in screen pixels; `pixel` turns them into the viewBox's units.
    var markers = markersOf(stops, data.route).map(function (marker) {
      var xy = projection(marker.at);
      if (!xy) return null;
      var first = marker.items[0];
      var approximate = marker.items.every(function (s) { return s.approximate; });
      var group = el("g", { class: approximate ? "map-stop approximate" : "map-stop" }, dots);
      var orders = marker.items.map(function (s) { return s.order; });
      var number = orders[0] + (orders.length > 1 ? "+" : "");
      var radius = data.route ? Math.max(9, 3 + 3.2 * number.length) : Math.min(4 + Math.sqrt(first.stop.n || 1) * 1.2, 12);
      el("circle", { r: radius.toFixed(1) }, group);
      el("title", {}, group).textContent = marker.items.map(function (s) {
        return s.stop.label + (s.approximate ? " (city not reported)" : "");
      }).join("; ");
      var label = null;
      if (data.route) {
        // A place the route comes back to shows its first number and a "+".
        el("text", { "text-anchor": "middle", dy: "0.35em" }, group).textContent = number;
        var names = [];
        marker.items.forEach(function (s) {
          var name = s.stop.short || s.stop.label;
          if (names.indexOf(name) < 0) names.push(name);
        });
        label = el("text", { class: "map-label", dy: "0.35em" }, labels);
        label.textContent = names.join(" / ") + (orders.length > 1 ? " (" + orders.join(", ") + ")" : "");
      }
      return { xy: xy, node: group, radius: radius, label: label, width: label ? label.textContent.length * 6.6 + 4 : 0 };
    }).filter(Boolean);

    var view = { k: 1, x: 0, y: 0 };

    var pixel = 1;

    // Each label beside its marker, right or left, or hidden where it would
    // cover another marker or label (the stop list and tooltips still name it).
    function layoutLabels() {
      var screen = function (m) { return [m.xy[0] * view.k + view.x, m.xy[1] * view.k + view.y]; };
      var taken = markers.map(function (m) {
        var at = screen(m), r = m.radius * pixel;
        return { x: at[0] - r, y: at[1] - r, w: 2 * r, h: 2 * r };
      });
      markers.forEach(function (m) {
        if (!m.label) return;
        var at = screen(m), r = m.radius * pixel, w = m.width * pixel, h = 14 * pixel;
        var gap = 3 * pixel;
        var sides = [{ x: at[0] + r + gap, anchor: "start" }, { x: at[0] - r - gap - w, anchor: "end" }];
        var placed = null;
        for (var i = 0; i < sides.length && !placed; i++) {
          var box = { x: sides[i].x, y: at[1] - h / 2, w: w, h: h };
          var inside = box.x >= 0 && box.x + box.w <= WIDTH && box.y >= 0 && box.y + box.h <= HEIGHT;
          if (inside && !taken.some(function (other) { return overlaps(box, other); })) placed = { box: box, side: sides[i] };
        }
        if (placed) {
          taken.push(placed.box);
          m.label.setAttribute("x", (placed.side.anchor === "start" ? placed.box.x : placed.box.x + w).toFixed(1));
          m.label.setAttribute("y", at[1].toFixed(1));
          m.label.setAttribute("text-anchor", placed.side.anchor);
          m.label.setAttribute("font-size", (11 * pixel).toFixed(2));
          m.label.setAttribute("stroke-width", (3 * pixel).toFixed(2));
          m.label.classList.remove("hidden");
        } else {
          m.label.classList.add("hidden");
        }
      });
    }

    function render() {
      var shown = svg.getBoundingClientRect().width;
      pixel = shown > 0 ? WIDTH / shown : 1;
      zoomed.setAttribute("transform", "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) + ") scale(" + view.k.toFixed(4) + ")");
      markers.forEach(function (m) {
        var sx = m.xy[0] * view.k + view.x, sy = m.xy[1] * view.k + view.y;
        m.node.setAttribute("transform", "translate(" + sx.toFixed(1) + "," + sy.toFixed(1) + ") scale(" + pixel.toFixed(3) + ")");
      });
      layoutLabels();
      container.setAttribute("data-zoom", view.k.toFixed(2));
    }

    // Keep the map covering its frame: no panning past the edges.
    function clamp() {
      view.k = Math.max(1, Math.min(MAX_ZOOM, view.k));
      view.x = Math.min(0, Math.max(WIDTH * (1 - view.k), view.x));
      view.y = Math.min(0, Math.max(HEIGHT * (1 - view.k), view.y));
    }

    function zoomAt(factor, cx, cy) {
      var k = Math.max(1, Math.min(MAX_ZOOM, view.k * factor));
      view.x = cx - (cx - view.x) * (k / view.k);
      view.y = cy - (cy - view.y) * (k / view.k);
      view.k = k;
      clamp();
      render();
    }

    function pan(dx, dy) {
      view.x += dx;
      view.y += dy;
      clamp();
      render();
    }

    function toMap(event) {
      var box = svg.getBoundingClientRect();
      return [(event.clientX - box.left) * WIDTH / box.width, (event.clientY - box.top) * HEIGHT / box.height];
    }

    svg.addEventListener("wheel", function (event) {
      // Only a deliberate zoom (Ctrl + wheel, a pinch, or a focused map): the page still scrolls.
      if (!event.ctrlKey && !event.metaKey && document.activeElement !== container) return;
      event.preventDefault();
      var at = toMap(event);
      zoomAt(event.deltaY < 0 ? 1.25 : 0.8, at[0], at[1]);
    }, { passive: false });
    svg.addEventListener("dblclick", function (event) {
      var at = toMap(event);
      zoomAt(event.shiftKey ? 0.5 : 2, at[0], at[1]);
    });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (view.k <= 1) return;
      drag = { at: toMap(event), id: event.pointerId };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) return;
      var at = toMap(event);
      pan(at[0] - drag.at[0], at[1] - drag.at[1]);
      drag.at = at;
    });
    function endDrag() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", endDrag);

    var controls = document.createElement("div");
    controls.className = "map-controls";
    [["+", "Zoom in", function () { zoomAt(2, WIDTH / 2, HEIGHT / 2); }],
     ["−", "Zoom out", function () { zoomAt(0.5, WIDTH / 2, HEIGHT / 2); }],
     ["⤢", "Show the whole map", function () { view = { k: 1, x: 0, y: 0 }; render(); }]
    ].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.setAttribute("aria-label", spec[1]);
      button.title = spec[1];
      button.addEventListener("click", spec[2]);
      controls.appendChild(button);
    });

    container.addEventListener("keydown", function (event) {
      if (event.target !== container) return;
      var step = 60;
      var actions = {
        "+": function () { zoomAt(1.5, WIDTH / 2, HEIGHT / 2); },
        "=": function () { zoomAt(1.5, WIDTH / 2, HEIGHT / 2); },
        "-": function () { zoomAt(1 / 1.5, WIDTH / 2, HEIGHT / 2); },
        "0": function () { view = { k: 1, x: 0, y: 0 }; render(); },
        ArrowLeft: function () { pan(step, 0); },
        ArrowRight: function () { pan(-step, 0); },
        ArrowUp: function () { pan(0, step); },
        ArrowDown: function () { pan(0, -step); }
      };
      if (actions[event.key]) {
        event.preventDefault();
        actions[event.key]();
      }
    });

    container.textContent = "";
    container.appendChild(svg);
    container.appendChild(controls);
    container.setAttribute("tabindex", "0");
    container.setAttribute("role", "group");
    container.setAttribute("aria-label", (container.getAttribute("data-label") || "Map") +
      " Zoom with + and −, move with the arrow keys, 0 shows the whole map.");
    container.classList.add("map-drawn");
    render();
    // Markers and labels keep their size in pixels when the page is resized.
    if (window.ResizeObserver) new ResizeObserver(render).observe(svg);
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
