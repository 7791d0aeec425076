// Draw each dashboard chart from the JSON spec embedded beside it.
// The chart is aria-hidden: its figure's caption (the finding in words) and its table
// are the text alternative. plotly.min.js comes from the installed plotly package (/vendor/plotly.min.js).
(function () {
  "use strict";
  if (typeof Plotly === "undefined") { return; }
  // each chart's box gets its height only now: with scripts off the page shows each chart's
  // finding and its "Show as table" (server-rendered), not empty boxes
  document.documentElement.classList.add("js-charts");
  var config = { displaylogo: false, responsive: true,
                 modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"] };
  // on a touch screen a chart takes no drag: a finger swiping up over a chart (most of a
  // phone's width) zoomed it ("Double-click to zoom back out") and the page did not scroll;
  // its mode bar, always shown there, covered the top bar and its label. A tap still shows
  // a bar's figures; the CSV link and the table carry the data.
  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  if (touch) { config.displayModeBar = false; }
  document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-spec"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    // a chart too dense to read narrower (the skills heatmap) keeps its width and scrolls
    // sideways in its own box (.chart-scroll) on a phone, its labels whole
    var least = el.getAttribute("data-min-width");
    if (least) { el.style.minWidth = least + "px"; }
    if (touch) {
      spec.layout.dragmode = false;
      Object.keys(spec.layout).forEach(function (key) {
        if (/^[xy]axis\d*$/.test(key)) { spec.layout[key].fixedrange = true; }
      });
    }
    // the chart is aria-hidden, so its mode bar's buttons (zoom, download as PNG) are left
    // out of the Tab order: the focus went to 16 buttons a chart a screen reader does not
    // name; the CSV link and the table carry the data. Plotly redraws the bar, so after
    // every plot.
    var untab = function () {
      el.querySelectorAll(".modebar-btn, .modebar a, .modebar button").forEach(function (b) {
        b.setAttribute("tabindex", "-1");
      });
    };
    Plotly.newPlot(el, spec.data, spec.layout, config).then(function () {
      untab();
      el.on("plotly_afterplot", untab);
      el.setAttribute("data-rendered", "true");
    });
  });
})();
