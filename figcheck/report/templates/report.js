// The page's tooltip: the text of a chart mark's <title>, shown as text (never as markup)
// next to the mark while it is hovered or focused. The <title> is moved into the mark's
// data-tip, so that the browser's own tooltip does not show beside it; without scripts, the
// <title> stays and is the browser's tooltip.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function show(mark) {
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(box.right + 8, window.innerWidth - tip.offsetWidth - 8);
    var top = box.top + window.scrollY - 4;
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; }
  document.querySelectorAll("svg .mark").forEach(function (mark) {
    var title = mark.querySelector("title");
    if (title) { mark.setAttribute("data-tip", title.textContent); title.remove(); }
    mark.addEventListener("mouseenter", function () { show(mark); });
    mark.addEventListener("focus", function () { show(mark); });
    mark.addEventListener("mouseleave", hide);
    mark.addEventListener("blur", hide);
    mark.addEventListener("click", function () {
      var row = document.getElementById("figure-" + mark.getAttribute("data-figure").replace("/", "--"));
      if (row) { row.scrollIntoView({block: "center"}); row.classList.add("flash"); }
    });
  });
})();
