// Draws every <div class="chart" data-chart="ID"> from the JSON in <script type="application/json" id="ID">.
// Spec: { title, yName, categories: [...], series: [{ name, type: "line"|"bar", data: [...] }] }.
(function () {
  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      title: { text: spec.title, left: "center", top: 4, textStyle: { fontSize: 15 } },
      tooltip: { trigger: "axis" },
      legend: { top: 34, data: spec.series.map(function (s) { return s.name; }) },
      grid: { top: 80, left: 60, right: 30, bottom: 40 },
      xAxis: { type: "category", data: spec.categories },
      yAxis: { type: "value", name: spec.yName },
      series: spec.series.map(function (s) {
        return { name: s.name, type: s.type || "line", data: s.data, connectNulls: true, label: { show: spec.categories.length <= 12 } };
      })
    });
    el.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.querySelectorAll("div.chart[data-chart]").forEach(draw);
})();
