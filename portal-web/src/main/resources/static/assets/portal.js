/* Progressive enhancement only: every page works without this script.
   The highlights list becomes a carousel with previous/next buttons and arrow keys; it never moves by itself. */
(function () {
  "use strict";
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var list = carousel.querySelector(".slides");
    if (!list) { return; }
    var slides = Array.prototype.slice.call(list.children);
    if (slides.length < 2) { return; }
    var current = 0;
    var controls = document.createElement("div");
    controls.className = "carousel-controls";
    var previous = button("Vorheriges Highlight", "‹ Zurück");
    var next = button("Nächstes Highlight", "Weiter ›");
    var status = document.createElement("p");
    status.setAttribute("aria-live", "polite");
    status.className = "carousel-status";
    controls.appendChild(previous);
    controls.appendChild(next);
    controls.appendChild(status);
    list.parentNode.insertBefore(controls, list.nextSibling);
    carousel.classList.add("enhanced");

    function button(label, text) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("aria-controls", list.id);
      b.setAttribute("aria-label", label);
      b.textContent = text;
      return b;
    }
    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) { slide.hidden = i !== current; });
      status.textContent = "Highlight " + (current + 1) + " von " + slides.length;
    }
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    carousel.addEventListener("keydown", function (e) {
      if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT") { return; }
      if (e.key === "ArrowRight") { show(current + 1); e.preventDefault(); }
      if (e.key === "ArrowLeft") { show(current - 1); e.preventDefault(); }
    });
    show(0);
  });
}());
/* Suggestions while typing (combobox with a listbox, ARIA 1.2): arrow keys choose, Enter takes one,
   Escape closes. Without this script the field is a plain search form. */
(function () {
  "use strict";
  if (!window.fetch) { return; }
  document.querySelectorAll("input[data-suggest]").forEach(function (input, n) {
    var list = document.createElement("ul"), items = [], active = -1, timer, asked = "";
    list.id = "vorschlaege-" + n;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Vorschläge");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    function close() { list.hidden = true; active = -1; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); }
    function mark(i) {
      active = i;
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      if (i < 0) { input.removeAttribute("aria-activedescendant"); } else { input.setAttribute("aria-activedescendant", items[i].id); }
    }
    function take(text) { input.value = text; close(); if (input.form) { input.form.submit(); } }
    function show(words) {
      list.textContent = "";
      items = words.map(function (word, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = word;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); take(word); });
        list.appendChild(li);
        return li;
      });
      if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); mark(-1); } else { close(); }
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        asked = q;
        var city = input.form && input.form.elements.stadt;
        fetch("/suche/vorschlaege?q=" + encodeURIComponent(q) + (city ? "&stadt=" + encodeURIComponent(city.value) : ""),
          { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (a) { if (asked === q) { show(a.suggestions || []); } })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { mark((active + 1) % items.length); e.preventDefault(); }
      else if (e.key === "ArrowUp") { mark(active <= 0 ? items.length - 1 : active - 1); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) { take(items[active].textContent); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", close);
  });
}());
