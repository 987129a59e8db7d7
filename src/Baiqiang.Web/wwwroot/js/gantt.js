// Draws every <div class="chart" data-gantt="ID"> as an ECharts custom-series Gantt from the JSON in <script id="ID">.
// Spec: { title, today, lanes: [baseline, current, actual], rows: [{ label, baseline: [start, end] | null, current, actual, done, overdue }] }.
// Each row is one milestone; its band holds three thin bars (baseline, current plan, actual) so slips show side by side.
(function () {
  var colors = ["#9e9e9e", "#1f6fb2", "#2e9e4f"];
  function day(s) { return new Date(s + "T00:00:00Z").getTime(); }
  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.gantt).textContent);
    // Height from the rows, set through the CSSOM (the CSP forbids inline style attributes).
    el.style.height = (90 + spec.rows.length * 42) + "px";
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.on("finished", function () { el.dataset.rendered = "true"; });
    var n = spec.rows.length;
    var series = spec.lanes.map(function (lane, li) {
      var key = ["baseline", "current", "actual"][li];
      var data = [];
      spec.rows.forEach(function (r, ri) {
        var bar = r[key];
        if (bar) { data.push({ value: [ri, day(bar[0]), day(bar[1]) + 86400000], bar: bar, row: r }); }
      });
      return {
        name: lane, type: "custom", encode: { x: [1, 2], y: 0 }, data: data, itemStyle: { color: colors[li] },
        renderItem: function (params, api) {
          var start = api.coord([api.value(1), api.value(0)]);
          var end = api.coord([api.value(2), api.value(0)]);
          var band = api.size([0, 1])[1];
          var h = Math.max(4, band / 4);
          var y = start[1] - band * 0.4 + li * (band * 0.8 / 3);
          var row = spec.rows[api.value(0)];
          var open = li === 2 && !row.done;
          var shape = echarts.graphic.clipRectByRect(
            { x: start[0], y: y, width: Math.max(end[0] - start[0], 3), height: h },
            { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
          return shape && {
            type: "rect", shape: shape,
            style: { fill: open ? "rgba(46,158,79,0.35)" : colors[li], stroke: li === 1 && row.overdue ? "#c62828" : null, lineWidth: 2 }
          };
        }
      };
    });
    // The as-of day as a dashed line, carried by the current-plan lane (a series of its own would enter the legend).
    series[1].markLine = { silent: true, symbol: "none", lineStyle: { color: "#c62828", type: "dashed" }, label: { formatter: spec.today }, data: [{ xAxis: day(spec.today) }] };
    chart.setOption({
      animation: false,
      title: { text: spec.title, left: 0, top: 0, textStyle: { fontSize: 14 } },
      legend: { top: 24, left: 0, data: spec.lanes },
      tooltip: {
        formatter: function (p) {
          var r = p.data.row;
          return r.label + "<br>" + p.seriesName + ": " + p.data.bar[0] + " → " + p.data.bar[1] + (p.seriesIndex === 2 && !r.done ? " …" : "");
        }
      },
      grid: { left: 8, right: 16, top: 56, bottom: 24, containLabel: true },
      xAxis: { type: "time", axisLabel: { hideOverlap: true } },
      yAxis: { type: "category", inverse: true, data: spec.rows.map(function (r) { return r.label; }), axisLabel: { width: 110, overflow: "truncate" } },
      series: series
    });
    el.dataset.drawn = "true";
    if (n === 0) { el.dataset.rendered = "true"; }
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.querySelectorAll("div.chart[data-gantt]").forEach(draw);
})();
