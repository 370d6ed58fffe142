/* glossari site: search over the prebuilt index (assets/search-index.js), keyboard usable.
   No network: the index is a script file of the site, loaded on first use. Every name is put
   into the page as text (textContent), never as HTML. */
(function () {
  "use strict";
  var me = document.currentScript;
  var root = (me && me.getAttribute("data-root")) || "";
  var version = me ? (me.getAttribute("src") || "").split("?")[1] || "" : "";
  var wrap = document.getElementById("search");
  var box = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  if (!wrap || !box || !list) { return; }
  document.documentElement.className += " js";
  wrap.hidden = false;

  var prepared = null;
  var waiting = [];
  var active = -1;
  var LIMIT = 20;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  function words(folded) { return folded.split(/[^0-9a-z\u00c0-\uffff]+/).filter(Boolean); }
  function compact(folded) { return folded.replace(/[^0-9a-z\u00c0-\uffff]+/g, ""); }
  function key(text) {
    var f = fold(text);
    return { full: f, words: words(f), compact: compact(f) };
  }

  function prepare() {
    var data = window.GLOSSARI_INDEX || { lang: "en", terms: [] };
    prepared = { lang: data.lang, terms: data.terms.map(function (t) {
      return { file: t[0], ms: t[1], en: t[2], status: t[3], kind: t[4],
               kms: key(t[1]), ken: t[2] ? key(t[2]) : null,
               nms: (t[5] || []).map(key), nen: (t[6] || []).map(key) };
    }) };
    var run = waiting; waiting = [];
    run.forEach(function (f) { f(); });
  }
  function whenReady(f) {
    if (prepared) { f(); return; }
    waiting.push(f);
    if (waiting.length > 1) { return; }
    if (window.GLOSSARI_INDEX) { prepare(); return; }
    var s = document.createElement("script");
    s.src = root + "assets/search-index.js" + (version ? "?" + version : "");
    s.onload = prepare;
    document.head.appendChild(s);
  }

  function rank(k, q, qc) {
    if (!k) { return -1; }
    if (k.full === q) { return 0; }
    if (k.full.indexOf(q) === 0) { return 1; }
    for (var i = 0; i < k.words.length; i++) {
      if (k.words[i].indexOf(q) === 0) { return 2; }
    }
    if (qc && k.compact.indexOf(qc) === 0) { return 3; }
    return -1;
  }

  // a name that is not a headword (alias, acronym, English variant) ranks just below a
  // headword matched as well
  function rankNames(keys, q, qc) {
    var best = -1;
    keys.forEach(function (k) {
      var r = rank(k, q, qc);
      if (r >= 0 && (best < 0 || r + 0.5 < best)) { best = r + 0.5; }
    });
    return best;
  }
  function better(a, b) { return a < 0 ? b : (b < 0 ? a : Math.min(a, b)); }

  function search(text) {
    var q = fold(text);
    if (!q) { return []; }
    var qc = compact(q);
    var hits = [];
    prepared.terms.forEach(function (t, order) {
      var a = better(rank(t.kms, q, qc), rankNames(t.nms, q, qc));
      var b = better(rank(t.ken, q, qc), rankNames(t.nen, q, qc));
      if (a < 0 && b < 0) { return; }
      var best = a < 0 ? b : (b < 0 ? a : Math.min(a, b));
      hits.push({ t: t, r: best, lang: (a >= 0 && (b < 0 || a <= b)) ? "ms" : "en", o: order });
    });
    hits.sort(function (x, y) { return x.r - y.r || x.o - y.o; });
    return hits;
  }

  function select(i) {
    var items = list.querySelectorAll("li[role=option]");
    if (!items.length) { active = -1; box.removeAttribute("aria-activedescendant"); return; }
    active = (i + items.length) % items.length;
    for (var j = 0; j < items.length; j++) {
      items[j].setAttribute("aria-selected", j === active ? "true" : "false");
    }
    box.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function show() {
    var text = box.value;
    list.textContent = "";
    active = -1;
    box.removeAttribute("aria-activedescendant");
    if (!fold(text)) {
      list.hidden = true; box.setAttribute("aria-expanded", "false"); status.textContent = "";
      return;
    }
    var hits = search(text);
    hits.slice(0, LIMIT).forEach(function (hit, i) {
      var li = document.createElement("li");
      li.id = "result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-file", hit.t.file);
      li.setAttribute("data-match", hit.lang);
      var a = document.createElement("a");
      a.href = root + "terms/" + hit.t.file;
      a.tabIndex = -1;
      var ms = document.createElement("span");
      ms.className = "hw"; ms.lang = "ms"; ms.dir = "auto"; ms.textContent = hit.t.ms;
      a.appendChild(ms);
      if (hit.t.en) {
        var en = document.createElement("span");
        en.className = "hw-en"; en.lang = prepared.lang; en.dir = "auto"; en.textContent = " " + hit.t.en;
        a.appendChild(en);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Tiada padanan · No match";
      list.appendChild(none);
    }
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results");
  }

  function update() { whenReady(show); }

  box.addEventListener("input", update);
  box.addEventListener("focus", function () { whenReady(function () {}); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("li[role=option] a");
      if (items.length) { event.preventDefault(); window.location.href = items[active < 0 ? 0 : active].href; }
    } else if (event.key === "Escape") {
      box.value = ""; show();
    }
  });
  document.addEventListener("keydown", function (event) {
    // "/" jumps to the search box, as on many reference sites
    if (event.key === "/" && document.activeElement !== box) { event.preventDefault(); box.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!wrap.contains(event.target)) { list.hidden = true; box.setAttribute("aria-expanded", "false"); }
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { box.value = query; update(); }
}());
