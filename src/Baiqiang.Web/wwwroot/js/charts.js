// Draws every <div class="chart" data-chart="ID"> from the JSON in <script type="application/json" id="ID">.
// Spec: { title, yName, categories: [...], series: [{ name, type: "line"|"bar", data: [...] }],
//         horizontal?: true (bars run left to right, first category on top), stack?: true (series stacked) }.
(function () {
  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
    var chart = echarts.init(el, null, { renderer: "canvas" });
    // "finished" fires once a frame has been painted and every animation has ended: what a reader (or a test) sees.
    chart.on("finished", function () { el.dataset.rendered = "true"; });
    var category = { type: "category", data: spec.categories, inverse: !!spec.horizontal };
    var value = { type: "value", name: spec.yName };
    chart.setOption({
      title: { text: spec.title, left: "center", top: 4, textStyle: { fontSize: 15 } },
      tooltip: { trigger: "axis" },
      legend: { top: 34, data: spec.series.map(function (s) { return s.name; }) },
      grid: { top: 80, left: spec.horizontal ? 150 : 60, right: 40, bottom: 40 },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? category : value,
      series: spec.series.map(function (s) {
        return {
          name: s.name, type: s.type || "line", data: s.data, connectNulls: true, stack: spec.stack ? "total" : undefined,
          label: { show: !spec.stack && spec.categories.length <= 12, position: spec.horizontal ? "right" : undefined }
        };
      })
    });
    el.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.querySelectorAll("div.chart[data-chart]").forEach(draw);
})();
