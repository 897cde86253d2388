/* factorgraph backtest report: draws the charts from the JSON in #fg-data with uPlot.
 * After each chart first draws, it writes evidence into #fg-evidence (hidden): the canvas size, and per
 * series the number of points given to uPlot and the number of plot-area pixels painted in the
 * series' own colour. Tests read that evidence from the DOM to check every chart drew its data. */
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('fg-data').textContent);
  var GRID = 'rgba(15, 23, 42, 0.07)';
  var AXIS = '#475569';
  var C = {
    pnl: '#2563eb',
    gross: '#94a3b8',
    drawdown: '#dc2626',
    position: '#7c3aed',
    mid: '#334155',
    bestBid: '#a3c9b4',
    bestAsk: '#e3b1b1',
    quoteBid: '#15803d',
    quoteAsk: '#b91c1c',
    buy: '#22c55e',
    buyEdge: '#14532d',
    sell: '#f97316',
    sellEdge: '#7c2d12'
  };
  var charts = [];
  var syncingScale = false;

  function pad(n, w) {
    var s = String(n);
    while (s.length < w) { s = '0' + s; }
    return s;
  }

  /* Seconds since the epoch as UTC clock time; milliseconds when the axis step is under a second. */
  function clock(sec, withMillis) {
    if (sec == null) { return '\u2013'; }
    var iso = new Date(Math.round(sec * 1000)).toISOString();
    return withMillis ? iso.slice(11, 23) : iso.slice(11, 19);
  }

  function stamp(u, sec) {
    if (sec == null) { return '\u2013'; }
    var iso = new Date(Math.round(sec * 1000)).toISOString();
    return iso.slice(0, 10) + ' ' + iso.slice(11, 23) + ' UTC';
  }

  function fixed(v, d) {
    if (v == null || !isFinite(v)) { return '\u2013'; }
    return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  }

  function signed(v, d) {
    if (v == null || !isFinite(v)) { return '\u2013'; }
    return (v > 0 ? '+' : '') + fixed(v, d);
  }

  /* Decimals that show an axis step exactly (0.25 -> 2, 5 -> 0), at least min. */
  function stepDecimals(incr, min) {
    var d = 0;
    while (d < 10 && Math.abs(incr * Math.pow(10, d) - Math.round(incr * Math.pow(10, d))) > 1e-6) { d++; }
    return Math.max(d, min || 0);
  }

  function numberAxis(scale, side, label, shift) {
    return {
      scale: scale,
      side: side,
      label: label,
      labelSize: 18,
      labelFont: '600 12px system-ui, sans-serif',
      font: '12px system-ui, sans-serif',
      stroke: AXIS,
      size: 78,
      grid: { show: side === 3, stroke: GRID, width: 1 },
      ticks: { stroke: GRID, width: 1, size: 4 },
      values: function (u, splits, axisIdx, space, incr) {
        var d = stepDecimals(incr, 0);
        return splits.map(function (v) { return fixed(v + (shift || 0), d); });
      }
    };
  }

  /* Time of day on every tick; the date under the first tick and under each tick on a new day. */
  function timeAxis() {
    return {
      scale: 'x',
      stroke: AXIS,
      font: '12px system-ui, sans-serif',
      space: 80,
      size: 46,
      grid: { stroke: GRID, width: 1 },
      ticks: { stroke: GRID, width: 1, size: 4 },
      values: function (u, splits, axisIdx, space, incr) {
        var lastDay = null;
        return splits.map(function (v) {
          if (v == null) { return null; }
          var day = new Date(Math.round(v * 1000)).toISOString().slice(0, 10);
          var label = incr >= 86400 ? day : clock(v, incr < 1);
          if (incr < 86400 && day !== lastDay) { label += '\n' + day; }
          lastDay = day;
          return label;
        });
      }
    };
  }

  function xSeries() {
    return { label: 'time (UTC)', value: stamp };
  }

  function line(label, color, width, scale, decimals, extra) {
    var s = {
      label: label,
      stroke: color,
      width: width,
      scale: scale,
      points: { show: false },
      value: function (u, v) { return fixed(v, decimals); }
    };
    for (var k in extra || {}) { s[k] = extra[k]; }
    return s;
  }

  function markers(label, fill, edge, decimals) {
    return {
      label: label,
      stroke: edge,
      fill: fill,
      scale: 'price',
      paths: function () { return null; },
      points: { show: true, size: DATA.fillsShown > 1000 ? 6 : 8, width: 1, fill: fill, stroke: edge, space: 0 },
      value: function (u, v) { return fixed(v, decimals); }
    };
  }

  var stepped = uPlot.paths.stepped({ align: 1 });

  function hexRgb(hex) {
    var h = hex.replace('#', '');
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }

  function evidenceFor(name, u, probes) {
    var box = document.getElementById('fg-evidence');
    var chartEl = box.querySelector('b[data-chart="' + name + '"]');
    if (!chartEl) {
      chartEl = document.createElement('b');
      chartEl.setAttribute('data-chart', name);
      box.appendChild(chartEl);
    }
    var draws = Number(chartEl.getAttribute('data-draws') || '0') + 1;
    chartEl.setAttribute('data-draws', String(draws));
    if (draws > 1) {
      return; /* the first draw is the evidence; redraws on zoom stay cheap */
    }
    var canvas = u.ctx.canvas;
    var bb = u.bbox;
    var left = Math.max(0, Math.round(bb.left));
    var top = Math.max(0, Math.round(bb.top));
    var w = Math.max(1, Math.min(canvas.width - left, Math.round(bb.width)));
    var h = Math.max(1, Math.min(canvas.height - top, Math.round(bb.height)));
    var px = u.ctx.getImageData(left, top, w, h).data;
    var rgb = probes.map(function (p) { return p ? hexRgb(p) : null; });
    var painted = probes.map(function () { return 0; });
    for (var p = 0; p < px.length; p += 4) {
      if (px[p + 3] < 250) { continue; }
      for (var s = 0; s < rgb.length; s++) {
        var q = rgb[s];
        if (q && Math.abs(px[p] - q[0]) + Math.abs(px[p + 1] - q[1]) + Math.abs(px[p + 2] - q[2]) <= 24) {
          painted[s]++;
        }
      }
    }
    chartEl.setAttribute('data-width', String(canvas.width));
    chartEl.setAttribute('data-height', String(canvas.height));
    for (var i = 1; i < u.series.length; i++) {
      var id = u.series[i].fgId;
      var el = box.querySelector('i[data-chart="' + name + '"][data-series="' + id + '"]');
      if (!el) {
        el = document.createElement('i');
        el.setAttribute('data-chart', name);
        el.setAttribute('data-series', id);
        box.appendChild(el);
      }
      var points = 0;
      var col = u.data[i];
      for (var j = 0; j < col.length; j++) { if (col[j] != null) { points++; } }
      el.setAttribute('data-shown', String(u.series[i].show));
      el.setAttribute('data-points', String(points));
      el.setAttribute('data-painted', String(painted[i - 1]));
    }
  }

  function chartWidth(el) {
    return Math.max(320, Math.floor(el.clientWidth));
  }

  function make(name, height, series, ids, probes, axes, data, extraScales) {
    var el = document.getElementById('chart-' + name);
    series.forEach(function (s, i) { if (i > 0) { s.fgId = ids[i - 1]; } });
    var scales = { x: { time: true } };
    for (var k in extraScales || {}) { scales[k] = extraScales[k]; }
    var opts = {
      width: chartWidth(el),
      height: height,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      series: series,
      axes: axes,
      scales: scales,
      cursor: { sync: { key: 'fg' }, drag: { x: true, y: false }, points: { size: 7 } },
      legend: { live: true },
      hooks: {
        draw: [function (u) { evidenceFor(name, u, probes); }],
        setScale: [function (u, key) {
          if (key !== 'x' || syncingScale || charts.length < 4) { return; }
          syncingScale = true;
          charts.forEach(function (o) {
            if (o !== u) { o.setScale('x', { min: u.scales.x.min, max: u.scales.x.max }); }
          });
          syncingScale = false;
        }]
      }
    };
    var u = new uPlot(opts, data, el);
    u.fgElement = el;
    charts.push(u);
    return u;
  }

  function build() {
    if (!DATA.records) {
      document.querySelectorAll('.chart').forEach(function (el) {
        el.textContent = 'No records: nothing to draw.';
        el.classList.add('empty');
      });
      return;
    }
    var md = DATA.moneyDecimals;
    var pd = DATA.priceDecimals;
    var qd = DATA.qtyDecimals;
    var eq0 = DATA.initialEquity;

    make('equity', 300,
      [xSeries(),
       line('PnL', C.pnl, 2, 'money', md, { fill: 'rgba(37, 99, 235, 0.07)', fillTo: function () { return 0; },
         value: function (u, v) { return signed(v, md); } }),
       line('PnL before fees', C.gross, 1.5, 'money', md, { dash: [6, 4],
         value: function (u, v) { return signed(v, md); } })],
      ['pnl', 'pnlGross'], [C.pnl, C.gross],
      [timeAxis(), numberAxis('money', 3, 'PnL'), eq0 ? numberAxis('money', 1, 'equity', eq0) : numberAxis('money', 1, '')],
      [DATA.t, DATA.pnl, DATA.pnlGross]);

    var P = DATA.price;
    make('price', 420,
      [xSeries(),
       line('best bid', C.bestBid, 1, 'price', pd, { paths: stepped }),
       line('best ask', C.bestAsk, 1, 'price', pd, { paths: stepped }),
       line('mid', C.mid, 1.25, 'price', pd),
       line('our bid', C.quoteBid, 1.5, 'price', pd, { paths: stepped }),
       line('our ask', C.quoteAsk, 1.5, 'price', pd, { paths: stepped }),
       markers('buy fill', C.buy, C.buyEdge, pd),
       markers('sell fill', C.sell, C.sellEdge, pd)],
      ['bestBid', 'bestAsk', 'mid', 'quoteBid', 'quoteAsk', 'buy', 'sell'],
      [C.bestBid, C.bestAsk, C.mid, C.quoteBid, C.quoteAsk, C.buy, C.sell],
      [timeAxis(), numberAxis('price', 3, 'price'), numberAxis('price', 1, '')],
      [P.t, P.bestBid, P.bestAsk, P.mid, P.quoteBid, P.quoteAsk, P.buy, P.sell]);

    make('position', 220,
      [xSeries(),
       line('position', C.position, 1.5, 'qty', qd, { paths: stepped, fill: 'rgba(124, 58, 237, 0.12)',
         fillTo: function () { return 0; }, value: function (u, v) { return signed(v, qd); } })],
      ['position'], [C.position],
      [timeAxis(), numberAxis('qty', 3, 'position'), numberAxis('qty', 1, '')],
      [DATA.t, DATA.position]);

    make('drawdown', 200,
      [xSeries(),
       line('drawdown', C.drawdown, 1.5, 'money', md, { fill: 'rgba(220, 38, 38, 0.14)',
         fillTo: function () { return 0; }, value: function (u, v) { return fixed(v, md); } })],
      ['drawdown'], [C.drawdown],
      [timeAxis(), numberAxis('money', 3, 'drawdown'), numberAxis('money', 1, '')],
      [DATA.t, DATA.drawdown],
      { money: { range: function (u, min, max) { return [min < 0 ? min * 1.08 : -1, 0]; } } });

    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        charts.forEach(function (u) { u.setSize({ width: chartWidth(u.fgElement), height: u.height }); });
      }, 100);
    });
  }

  build();
  document.body.setAttribute('data-fg-charts', String(charts.length));
  /* evidence that the tables were laid out: each card with an id, and its rendered height and rows */
  var laidOut = [];
  document.querySelectorAll('section.card[id]').forEach(function (card) {
    laidOut.push(card.id + ':' + Math.round(card.getBoundingClientRect().height) + ':'
      + card.querySelectorAll('tr').length);
  });
  document.body.setAttribute('data-fg-cards', laidOut.join(' '));
})();
