/* The organiser's grid: after an htmx update, the activity just moved, or the error of its refused move, is
   brought fully into view (sideways too, on a narrow screen where the rooms scroll) and holds the focus.
   htmx focuses the element marked `autofocus`, but the browser does not scroll to a half-visible one.
   No inline script: the Content-Security-Policy only allows files from this site. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var target = document.querySelector("#grid [autofocus]");
    if (!target) return;
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (document.activeElement !== target) target.focus({ preventScroll: true });
  });
})();
