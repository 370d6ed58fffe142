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
  // a name's folded text, its words, and its text from each word on (`lindung nilai` of `dana
  // lindung nilai`), as typed and without separators: a query may start at any word
  function key(text) {
    var f = fold(text), tails = [], compacts = [], word = /[0-9a-z\u00c0-\uffff]+/g, m;
    while ((m = word.exec(f)) !== null) {
      tails.push(f.slice(m.index));
      compacts.push(compact(f.slice(m.index)));
    }
    return { text: text, full: f, words: words(f), tails: tails, compacts: compacts };
  }

  function prepare() {
    var data = window.GLOSSARI_INDEX || { lang: "en", terms: [] };
    prepared = { lang: data.lang, endings: data.endings || [], root: data.root || 3,
                 terms: data.terms.map(function (t) {
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

  // 0 the whole name, 1 its start, 2 the start of a word in it (one word or several), 3 the
  // same with spaces and hyphens ignored, 4 every word typed starts a word of it, in any order
  function rank(k, q) {
    if (!k) { return -1; }
    if (k.full === q.text) { return 0; }
    if (k.full.indexOf(q.text) === 0) { return 1; }
    var i;
    for (i = 0; i < k.tails.length; i++) {
      if (k.tails[i].indexOf(q.text) === 0) { return 2; }
    }
    for (i = 0; q.compact && i < k.compacts.length; i++) {
      if (k.compacts[i].indexOf(q.compact) === 0) { return 3; }
    }
    if (q.words.length > 1 && q.words.every(function (w) {
      return k.words.some(function (x) { return x.indexOf(w) === 0; });
    })) { return 4; }
    return -1;
  }

  // a name that is not a headword (alias, acronym, English variant) ranks just below a
  // headword matched as well; the name is kept, to be shown beside the headwords
  function rankNames(keys, q) {
    var best = { r: -1, name: null };
    keys.forEach(function (k) {
      var r = rank(k, q);
      if (r >= 0 && (best.r < 0 || r + 0.5 < best.r)) { best = { r: r + 0.5, name: k.text }; }
    });
    return best;
  }
  function better(a, b) { return a < 0 ? b : (b < 0 ? a : Math.min(a, b)); }

  // The endings an inflected query word may carry that only add to its end, as the API's search
  // undoes them (glossari/termbase/search.py): Malay particles and possessives (the index's
  // `endings`, glossari/terms/malay.py's list, never shorter a root than its `root`), whole
  // reduplication (`bon-bon`, informally `bon2`), an English plural (glossari/terms/english.py's
  // singulars). Derivation (`berinflasi`) makes another word, and is left to the API.
  function once(w) {
    var halves = w.split("-");
    // (a word, twice: "-" alone is no reduplication of "", which every name starts with)
    if (halves.length === 2 && halves[0] && halves[0] === halves[1]) { return halves[0]; }
    var two = /^([^\d\s]{3,})2$/.exec(w);
    return two ? two[1] : w;
  }
  function uninflected(q) {
    var ENDINGS = prepared.endings, SHORTEST_ROOT = prepared.root;
    var out = q.split(" ").map(once);
    var last = out[out.length - 1], root = last;
    [0, 1].forEach(function () {  // twice: a particle after a possessive (`komisennyalah`)
      var word = root;
      ENDINGS.some(function (ending) {
        var cut = word.length - ending.length;
        if (cut >= SHORTEST_ROOT && word.slice(cut) === ending) { root = word.slice(0, cut); }
        return root !== word;
      });
    });
    // a reduplicated word under its clitic (`komisen-komisennya`, `komisen2nya`,
    // `komisen-komisen-nya`), as glossari.terms reads it
    if (root !== last) { root = once(root.replace(/-+$/, "") || root); }
    if (root === last && last.length > 3 && /s$/.test(last) && !/ss$/.test(last)) {
      root = /ies$/.test(last) ? last.slice(0, -3) + "y"
        : /(ch|sh|x|ss|z)es$/.test(last) ? last.slice(0, -2) : last.slice(0, -1);
    }
    out[out.length - 1] = root;
    return out.join(" ");
  }

  // the query as typed; when it finds nothing, the query with its inflections undone
  function search(text) {
    var q = fold(text);
    if (!q) { return []; }
    var hits = find(q);
    var root = hits.length ? q : uninflected(q);
    return root === q ? hits : find(root);
  }

  function find(text) {
    var q = { text: text, compact: compact(text), words: words(text) };
    var hits = [];
    prepared.terms.forEach(function (t, order) {
      var na = rankNames(t.nms, q), nb = rankNames(t.nen, q);
      var ha = rank(t.kms, q), hb = rank(t.ken, q);
      var a = better(ha, na.r);
      var b = better(hb, nb.r);
      if (a < 0 && b < 0) { return; }
      var best = a < 0 ? b : (b < 0 ? a : Math.min(a, b));
      var lang = (a >= 0 && (b < 0 || a <= b)) ? "ms" : "en";
      // the other name that matched, when neither headword did (an acronym is in its headword)
      var named = ha < 0 && hb < 0 ? (lang === "ms" ? na.name : nb.name) : null;
      hits.push({ t: t, r: best, lang: lang, o: order, name: named });
    });
    hits.sort(function (x, y) { return x.r - y.r || x.o - y.o; });
    return hits;
  }

  function select(i) {
    var items = list.querySelectorAll("[role=option]");
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
    // the link itself is the option (an <a> inside an option would nest one interactive
    // element in another); its list item is taken out of the tree, so the listbox owns options
    hits.slice(0, LIMIT).forEach(function (hit, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "none");
      var a = document.createElement("a");
      a.id = "result-" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.setAttribute("data-file", hit.t.file);
      a.setAttribute("data-match", hit.lang);
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
      if (hit.name) {  // the name the reader typed, when it is not a headword: why this hit
        var other = document.createElement("span");
        other.className = "hw-name"; other.lang = hit.lang === "ms" ? "ms" : prepared.lang;
        other.dir = "auto"; other.textContent = " \u00b7 " + hit.name;
        a.appendChild(other);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.setAttribute("role", "none");
      bilingual(none, "Tiada padanan", "No match");
      list.appendChild(none);
    }
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
    bilingual(status, hits.length + " padanan", hits.length + (hits.length === 1 ? " result" : " results"));
  }

  // words in Malay and English, each marked with its language (a screen reader voices each so)
  function bilingual(element, ms, en) {
    element.textContent = "";
    [["ms", ms], null, ["en", en]].forEach(function (part) {
      if (!part) { element.appendChild(document.createTextNode(" \u00b7 ")); return; }
      var span = document.createElement("span");
      span.lang = part[0]; span.textContent = part[1];
      element.appendChild(span);
    });
  }

  function close() { list.hidden = true; box.setAttribute("aria-expanded", "false"); }

  function update() { whenReady(show); }

  box.addEventListener("input", update);
  // back in the box (Shift+Tab), the hits of what it holds show again
  box.addEventListener("focus", function () { whenReady(box.value ? show : function () {}); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option]");
      if (items.length) { event.preventDefault(); window.location.href = items[active < 0 ? 0 : active].href; }
    } else if (event.key === "Escape") {
      box.value = ""; show();
    }
  });
  // No single-key shortcut (a "/" that jumped here took the key from whoever typed it, and
  // could not be turned off: WCAG 2.1.4): the box has the browser's own access key, which needs
  // a modifier (base.html: accesskey="s").
  document.addEventListener("click", function (event) {
    if (!wrap.contains(event.target)) { close(); }
  });
  // Tab out of the box closes the list too, which would otherwise cover what gets the focus;
  // a press on a hit keeps the focus in the box (a browser that does not focus a clicked link
  // would otherwise close the list before the click reaches the hit)
  wrap.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !wrap.contains(event.relatedTarget)) { close(); }
  });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { box.value = query; update(); }
}());
