/* Anonymous visitors' stars, kept in this browser (localStorage), one list of activity ids per edition.
   Marks the star buttons, and points "My selection" (the agenda filtered by ?ids=) and its calendar at them.
   No inline script: the Content-Security-Policy only allows files from this site. */
(function () {
  "use strict";
  var root = document.getElementById("local-stars");
  if (!root) return;
  var key = "maillage.stars." + root.dataset.edition;

  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(ids) ? ids.filter(Number.isInteger) : [];
    } catch (error) {
      return [];
    }
  }

  function save(ids) {
    try {
      window.localStorage.setItem(key, JSON.stringify(ids));
    } catch (error) {
      /* storage full or refused: the star simply does not stick */
    }
  }

  function render() {
    var ids = load();
    document.querySelectorAll("button.star-local").forEach(function (button) {
      var on = ids.indexOf(Number(button.dataset.activity)) !== -1;
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? button.dataset.labelOn : button.dataset.labelOff;
    });
    root.querySelectorAll("a[data-href]").forEach(function (link) {
      link.href = link.dataset.href + "?ids=" + ids.join(",");
    });
    root.querySelectorAll(".star-count").forEach(function (count) {
      count.textContent = String(ids.length);
    });
    root.hidden = ids.length === 0;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.star-local");
    if (!button) return;
    var id = Number(button.dataset.activity);
    var ids = load();
    var at = ids.indexOf(id);
    if (at === -1) ids.push(id);
    else ids.splice(at, 1);
    save(ids);
    render();
  });
  document.addEventListener("htmx:afterSwap", render);
  window.addEventListener("storage", render);
  render();
})();
