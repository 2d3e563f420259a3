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
