/* Suggestions under the header search box (#site-search-q). Without JavaScript the box
   simply submits to /search/. Keyboard: arrows move, Enter opens, Escape closes. */
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var script = document.currentScript || document.querySelector("script[data-suggest-url]");
  if (!input || !script || !window.fetch) return;
  var url = script.getAttribute("data-suggest-url");
  var css = script.getAttribute("data-css-url");
  if (css) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = css;
    document.head.appendChild(link);
  }
  var form = input.form;
  var list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "search-suggest";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  form.style.position = "relative";
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  var timer = null, active = -1, lastQuery = "", controller = null;

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function render(items) {
    list.textContent = "";
    active = -1;
    if (!items.length) { close(); return; }
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "site-search-suggestion-" + i;
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      var type = document.createElement("span");
      type.className = "search-suggest__type";
      type.textContent = item.type;
      a.appendChild(type);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    if (q === lastQuery) return;
    lastQuery = q;
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(q), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    }).then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { render(data.suggestions || []); })
      .catch(function () { /* the form still works */ });
  }

  function move(step) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("is-active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("is-active");
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 180);
  });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      window.location.href = list.querySelectorAll("li a")[active].href;
    }
  });
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) close();
  });
})();
