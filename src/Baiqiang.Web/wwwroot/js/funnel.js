// Draws every <div class="chart" data-funnel="ID"> as an ECharts funnel from the JSON in <script type="application/json" id="ID">.
// Spec: { title, series: [{ name, data: [{ name, value, label }] }] } — label is the text drawn on the layer.
(function () {
  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.funnel).textContent);
    var chart = echarts.init(el, null, { renderer: "canvas" });
    // "finished" fires once a frame has been painted and every animation has ended: what a reader (or a test) sees.
    chart.on("finished", function () { el.dataset.rendered = "true"; });
    var width = spec.series.length > 1 ? 44 : 80;
    chart.setOption({
      title: { text: spec.title, left: "center", top: 4, textStyle: { fontSize: 15 } },
      tooltip: { trigger: "item", formatter: function (p) { return p.seriesName + "<br>" + p.data.label; } },
      legend: { top: 34, data: spec.series.map(function (s) { return s.name; }) },
      series: spec.series.map(function (s, i) {
        return {
          name: s.name, type: "funnel", sort: "none", gap: 2, minSize: "8%",
          top: 70, bottom: 20, width: width + "%", left: (spec.series.length > 1 ? (i === 0 ? 4 : 52) : 10) + "%",
          label: { show: true, position: "inside", formatter: function (p) { return p.data.label; } },
          data: s.data
        };
      })
    });
    el.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.querySelectorAll("div.chart[data-funnel]").forEach(draw);
})();
