/* sphinx-concepts: tooltips on concept links, and the glossary's filter.
   Everything here enhances what the page already shows without JavaScript. */
(function () {
  "use strict";

  var ANCHOR = ".concept-tip-anchor";

  function anchorOf(node) {
    return node && node.closest ? node.closest(ANCHOR) : null;
  }

  /* Keep a shown tooltip inside the viewport: shift it left, or above the link. */
  function place(anchor) {
    var tip = anchor.querySelector(".concept-tip");
    if (!tip) return;
    tip.style.left = "";
    tip.classList.remove("concept-tip-above");
    var box = tip.getBoundingClientRect();
    if (box.width === 0) return;
    var room = document.documentElement.clientWidth - 8;
    if (box.right > room) {
      tip.style.left = Math.min(0, room - box.right) + "px";
      box = tip.getBoundingClientRect();
      if (box.left < 8) tip.style.left = (parseFloat(tip.style.left) + 8 - box.left) + "px";
    }
    if (box.bottom > window.innerHeight && anchor.getBoundingClientRect().top > box.height) {
      tip.classList.add("concept-tip-above");
    }
  }

  function closeAll(except) {
    document.querySelectorAll(ANCHOR + ".concept-tip-open").forEach(function (open) {
      if (open !== except) open.classList.remove("concept-tip-open");
    });
  }

  function initTooltips() {
    document.addEventListener("mouseover", function (event) {
      var anchor = anchorOf(event.target);
      if (anchor) place(anchor);
    });
    document.addEventListener("focusin", function (event) {
      var anchor = anchorOf(event.target);
      if (anchor) place(anchor);
    });
    document.addEventListener("mouseout", function (event) {
      var anchor = anchorOf(event.target);
      if (anchor && !anchor.contains(event.relatedTarget)) anchor.classList.remove("concept-tip-dismissed");
    });
    document.addEventListener("focusout", function (event) {
      var anchor = anchorOf(event.target);
      if (anchor) anchor.classList.remove("concept-tip-dismissed");
    });
    /* Escape hides a shown tooltip without moving focus (WCAG 1.4.13). */
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      document.querySelectorAll(ANCHOR + ":hover, " + ANCHOR + ":focus-within, " + ANCHOR + ".concept-tip-open")
        .forEach(function (anchor) {
          anchor.classList.remove("concept-tip-open");
          anchor.classList.add("concept-tip-dismissed");
        });
    });
    /* Touch: the first tap on a link shows its tooltip, a second tap follows it. */
    var touched = null;
    document.addEventListener("pointerdown", function (event) {
      touched = event.pointerType === "touch" ? anchorOf(event.target) : null;
      if (!anchorOf(event.target)) closeAll(null);
    });
    document.addEventListener("click", function (event) {
      var anchor = anchorOf(event.target);
      if (!anchor || anchor !== touched || event.target.closest(".concept-tip")) return;
      if (!anchor.classList.contains("concept-tip-open")) {
        event.preventDefault();
        closeAll(anchor);
        anchor.classList.remove("concept-tip-dismissed");
        anchor.classList.add("concept-tip-open");
        place(anchor);
      }
    });
  }

  /* The glossary filter: by text (names, aliases, summaries) and by tag. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function initFilter(form) {
    var page = form.closest(".concept-glossary-page") || document;
    var text = form.querySelector("input");
    var tag = form.querySelector("select");
    var status = form.querySelector(".concept-filter-status");
    var rows = [];
    page.querySelectorAll("dl.concept-listing > dt").forEach(function (term) {
      var definition = term.nextElementSibling;
      var words = term.textContent + " " + (definition ? definition.textContent : "");
      rows.push({term: term, definition: definition, words: fold(words)});
    });
    function apply() {
      var query = fold(text.value.trim());
      var wanted = tag && tag.value ? "concept-tag-" + tag.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!query || row.words.indexOf(query) !== -1) &&
          (!wanted || row.term.classList.contains(wanted));
        row.term.hidden = !visible;
        if (row.definition) row.definition.hidden = !visible;
        if (visible) shown += 1;
      });
      page.querySelectorAll(".concept-letter-group").forEach(function (group) {
        var any = group.querySelector("dl.concept-listing > dt:not([hidden])") !== null;
        group.hidden = !any;
        var letter = group.querySelector(".concept-letter");
        var jump = letter && letter.id ? page.querySelector('.concept-jumpbar a[href="#' + letter.id + '"]') : null;
        if (jump) {
          jump.classList.toggle("concept-jump-empty", !any);
          if (any) jump.removeAttribute("aria-disabled"); else jump.setAttribute("aria-disabled", "true");
        }
      });
      if (status) {
        status.textContent = (status.getAttribute("data-template") || "{shown} / {total}")
          .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    text.addEventListener("input", apply);
    if (tag) tag.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  /* The library map: light up a concept's relations while it is hovered or focused. */
  function initMaps() {
    document.querySelectorAll("svg.concept-map-svg[data-kind=library]").forEach(function (svg) {
      var edges = svg.querySelectorAll(".concept-map-edge");
      function light(index) {
        edges.forEach(function (edge) {
          var ends = (edge.getAttribute("data-ends") || "").split(" ");
          edge.classList.toggle("concept-map-edge-lit", index !== null && ends.indexOf(index) !== -1);
        });
      }
      function handler(event) {
        var node = event.target.closest ? event.target.closest("[data-index]") : null;
        if (!node) {
          var link = event.target.closest ? event.target.closest("a") : null;
          node = link ? link.querySelector("[data-index]") : null;
        }
        light(node ? node.getAttribute("data-index") : null);
      }
      svg.addEventListener("mouseover", handler);
      svg.addEventListener("focusin", handler);
      svg.addEventListener("mouseleave", function () { light(null); });
    });
  }

  function init() {
    initTooltips();
    initMaps();
    document.querySelectorAll("form.concept-filter").forEach(initFilter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
