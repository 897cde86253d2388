/* factorgraph portfolio report: draws the portfolio's and each instrument's PnL, and the portfolio's drawdown,
 * from the JSON in #fg-data with uPlot. After each chart first draws, it writes evidence into #fg-evidence
 * (hidden), as report.js does: per series the points given to uPlot and the plot-area pixels painted in the
 * series' own colour, so that tests can check in a browser that every series drew. */
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('fg-data').textContent);
  var PALETTE = ['#0891b2', '#d97706', '#7c3aed', '#15803d', '#db2777', '#4d7c0f'];
  var TOTAL = '#1e3a8a';
  var DRAWDOWN = '#dc2626';
  var GRID = 'rgba(15, 23, 42, 0.07)';
  var AXIS = '#475569';
  var charts = [];

  function fixed(v) {
    if (v == null || !isFinite(v)) { return '\u2013'; }
    return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function hexRgb(hex) {
    var h = hex.replace('#', '');
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }

  function evidenceFor(name, u) {
    var box = document.getElementById('fg-evidence');
    var chartEl = box.querySelector('b[data-chart="' + name + '"]');
    if (chartEl) { return; }
    chartEl = document.createElement('b');
    chartEl.setAttribute('data-chart', name);
    box.appendChild(chartEl);
    var canvas = u.ctx.canvas;
    var bb = u.bbox;
    var left = Math.max(0, Math.round(bb.left));
    var top = Math.max(0, Math.round(bb.top));
    var w = Math.max(1, Math.min(canvas.width - left, Math.round(bb.width)));
    var h = Math.max(1, Math.min(canvas.height - top, Math.round(bb.height)));
    var px = u.ctx.getImageData(left, top, w, h).data;
    chartEl.setAttribute('data-width', String(canvas.width));
    chartEl.setAttribute('data-height', String(canvas.height));
    for (var i = 1; i < u.series.length; i++) {
      var rgb = hexRgb(u.series[i].fgColor);
      var painted = 0;
      for (var p = 0; p < px.length; p += 4) {
        if (px[p + 3] >= 250 && Math.abs(px[p] - rgb[0]) + Math.abs(px[p + 1] - rgb[1])
            + Math.abs(px[p + 2] - rgb[2]) <= 24) {
          painted++;
        }
      }
      var points = 0;
      var col = u.data[i];
      for (var j = 0; j < col.length; j++) { if (col[j] != null) { points++; } }
      var el = document.createElement('i');
      el.setAttribute('data-chart', name);
      el.setAttribute('data-series', u.series[i].fgId);
      el.setAttribute('data-points', String(points));
      el.setAttribute('data-painted', String(painted));
      box.appendChild(el);
    }
  }

  /* Time of day (UTC) on every tick of the time axis, as the instruments' reports show it. */
  function utcClock(u, splits) {
    return splits.map(function (v) {
      return v == null ? null : new Date(Math.round(v * 1000)).toISOString().slice(11, 19);
    });
  }

  function line(id, label, color, width) {
    return { fgId: id, fgColor: color, label: label, stroke: color, width: width, points: { show: false },
      value: function (u, v) { return fixed(v); } };
  }

  function make(name, height, series, data) {
    var el = document.getElementById('chart-' + name);
    var u = new uPlot({
      width: Math.max(320, Math.floor(el.clientWidth)),
      height: height,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      series: [{ label: 'time (UTC)', value: function (u, v) {
        return v == null ? '\u2013' : new Date(Math.round(v * 1000)).toISOString().slice(11, 23);
      } }].concat(series),
      axes: [{ stroke: AXIS, space: 80, grid: { stroke: GRID, width: 1 }, values: utcClock },
        { stroke: AXIS, size: 78, grid: { stroke: GRID } }],
      cursor: { sync: { key: 'fg' }, drag: { x: true, y: false } },
      hooks: { draw: [function (u) { evidenceFor(name, u); }] }
    }, data, el);
    charts.push(u);
  }

  if (!DATA.records) {
    document.querySelectorAll('.chart').forEach(function (el) {
      el.textContent = 'No records: nothing to draw.';
      el.classList.add('empty');
    });
  } else {
    var series = [line('total', 'portfolio', TOTAL, 2.5)];
    var columns = [DATA.t, DATA.total];
    DATA.instruments.forEach(function (inst, k) {
      series.push(line('instrument-' + k, inst.name, PALETTE[k % PALETTE.length], 1.25));
      columns.push(inst.pnl);
    });
    make('pnl', 320, series, columns);
    var dd = line('drawdown', 'drawdown', DRAWDOWN, 1.5);
    dd.fill = 'rgba(220, 38, 38, 0.14)';
    make('drawdown', 200, [dd], [DATA.t, DATA.drawdown]);
  }
  document.body.setAttribute('data-fg-charts', String(charts.length));
  var laidOut = [];
  document.querySelectorAll('section.card[id]').forEach(function (card) {
    laidOut.push(card.id + ':' + Math.round(card.getBoundingClientRect().height) + ':'
      + card.querySelectorAll('tr').length);
  });
  document.body.setAttribute('data-fg-cards', laidOut.join(' '));
})();
