// The sweep report's heat map: one cell per (x, y) point of the grid, coloured by the metric, the value written in
// it, cliffs outlined; drawn on a uPlot chart (the backtest report's charting library) by a draw hook. After drawing,
// the page writes evidence into #fg-evidence (cells, cells whose colour is on the canvas) for the browser test.
(function () {
  var data = JSON.parse(document.getElementById('fg-data').textContent);
  var nx = data.x.values.length, ny = data.y.values.length;
  var el = document.getElementById('chart-heatmap');
  var lo = Infinity, hi = -Infinity;
  data.cells.forEach(function (row) {
    row.forEach(function (v) { if (v !== null && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
  });
  var stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function rgb(v) {
    if (v === null || !isFinite(v)) { return [208, 208, 208]; }
    var t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    if (data.lowerIsBetter) { t = 1 - t; }
    var f = t * (stops.length - 1), i = Math.min(Math.floor(f), stops.length - 2), r = f - i;
    return [0, 1, 2].map(function (k) { return Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * r); });
  }
  function css(c) { return 'rgb(' + c[0] + ',' + c[1] + ',' + c[2] + ')'; }
  function label(values) {
    return function (u, splits) {
      return splits.map(function (s) { return Number.isInteger(s) && s >= 0 && s < values.length ? values[s] : ''; });
    };
  }
  var draws = 0;
  function draw(u) {
    var ctx = u.ctx, painted = 0, cliffs = 0;
    ctx.save();
    for (var i = 0; i < nx; i++) {
      for (var j = 0; j < ny; j++) {
        var v = data.cells[j][i];
        var x0 = u.valToPos(i - 0.5, 'x', true), x1 = u.valToPos(i + 0.5, 'x', true);
        var y0 = u.valToPos(j - 0.5, 'y', true), y1 = u.valToPos(j + 0.5, 'y', true);
        var left = Math.min(x0, x1) + 1, top = Math.min(y0, y1) + 1;
        var w = Math.abs(x1 - x0) - 2, h = Math.abs(y1 - y0) - 2;
        var c = rgb(v);
        ctx.fillStyle = css(c);
        ctx.fillRect(left, top, w, h);
        var probe = ctx.getImageData(Math.round(left + 3), Math.round(top + 3), 1, 1).data;
        if (Math.abs(probe[0] - c[0]) <= 2 && Math.abs(probe[1] - c[1]) <= 2 && Math.abs(probe[2] - c[2]) <= 2) {
          painted++;
        }
        if (data.cliffs[j][i]) {
          cliffs++;
          ctx.strokeStyle = '#d62728';
          ctx.lineWidth = 3 * (window.devicePixelRatio || 1);
          ctx.strokeRect(left + 2, top + 2, w - 4, h - 4);
        }
        if (v !== null) {
          ctx.fillStyle = (c[0] * 0.299 + c[1] * 0.587 + c[2] * 0.114) > 140 ? '#111' : '#fff';
          ctx.font = Math.round(11 * (window.devicePixelRatio || 1)) + 'px sans-serif';
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(data.labels[j][i], left + w / 2, top + h / 2);
        }
      }
    }
    ctx.restore();
    draws++;
    var ev = document.getElementById('fg-evidence');
    var b = ev.querySelector('b[data-chart="heatmap"]') || ev.appendChild(document.createElement('b'));
    b.setAttribute('data-chart', 'heatmap');
    b.setAttribute('data-cells', String(nx * ny));
    b.setAttribute('data-painted', String(painted));
    b.setAttribute('data-cliffs', String(cliffs));
    b.setAttribute('data-draws', String(draws));
    b.setAttribute('data-width', String(u.width));
    b.setAttribute('data-height', String(u.height));
  }
  var xs = [], zeros = [];
  for (var i = 0; i < nx; i++) { xs.push(i); zeros.push(0); }
  var width = Math.max(600, Math.min(1100, el.clientWidth || 900));
  new uPlot({
    width: width,
    height: Math.max(260, Math.min(600, 60 * ny + 80)),
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, nx - 0.5] }, y: { range: [-0.5, ny - 0.5] } },
    axes: [
      { label: data.x.name, incrs: [1], values: label(data.x.values) },
      { label: data.y.name, incrs: [1], values: label(data.y.values), size: 90 }
    ],
    series: [{}, { stroke: 'transparent', width: 0, points: { show: false } }],
    hooks: { draw: [draw] }
  }, [xs, zeros], el);
  document.body.setAttribute('data-fg-charts', '1');
})();
