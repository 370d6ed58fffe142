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

  // A word is letters, digits and marks; case, accents, invisible characters and the kind of
  // apostrophe do not count, as glossari.terms.fold reads a name
  var WORD = "\\p{L}\\p{N}\\p{M}";
  var NON_WORD = new RegExp("[^" + WORD + "]+", "gu");
  // where a letter and a digit meet a word ends, as glossari search reads a text (RM250 is RM
  // and 250: glossari.termbase.search.GLUED), so `250` finds a name that writes RM250; a number
  // with its decimal point or thousands separator is one word (glossari.termbase.search.
  // NUMBER_MARK), so `25` finds no name that writes 3.25
  var A_WORD = /\p{Nd}+(?:[.,]\p{Nd}+)*|[\p{L}\p{M}\p{Nl}\p{No}]+/gu;
  var IS_WORD = new RegExp("^[" + WORD + "]$", "u");
  var IS_DIGIT = /^\p{Nd}$/u;
  var MARKS = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  // a letter Unicode decomposes that is a letter of its own (Cyrillic й) stays whole, and a
  // mark that only selects a glyph (a variation selector) goes, as glossari.text.without_accents
  // reads a name
  var WHOLE_LETTER = /([\u0439\u0419\u045e\u040e\u0457\u0407])/;
  var IGNORABLE = /[\u034f\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
  // every apostrophe is the straight one, as glossari.terms.fold reads it: the characters of
  // glossari.text.APOSTROPHES, the one rule (tests/test_site_rules.py holds the two equal)
  var APOSTROPHE = /[\u2018\u2019\u201a\u201b\u02bc\u2032]/g;
  function fold(text) {
    return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").normalize("NFC")
      .split(WHOLE_LETTER).map(function (part, i) {
        return i % 2 ? part : part.normalize("NFKD").replace(MARKS, "");
      }).join("").replace(IGNORABLE, "").toLowerCase().replace(/\u00df/g, "ss").replace(/\u03c2/g, "\u03c3")
      .replace(APOSTROPHE, "'").replace(/\s+/g, " ").trim();
  }
  function words(folded) { return folded.match(A_WORD) || []; }
  function compact(folded) { return folded.replace(NON_WORD, ""); }
  // a name's folded text, its words, and its text from each word on (`lindung nilai` of `dana
  // lindung nilai`), as typed and without separators, with where each of its words ends there:
  // a query may start at any word
  function key(text) {
    var f = fold(text), tails = [], compacts = [], ends = [], m, i, n;
    var found = [];
    A_WORD.lastIndex = 0;
    while ((m = A_WORD.exec(f)) !== null) { found.push([m.index, m[0].length]); }
    for (i = 0; i < found.length; i++) {
      tails.push(f.slice(found[i][0]));
      compacts.push(compact(f.slice(found[i][0])));
      var at = [];
      for (n = 0; i + n < found.length; n++) {
        at.push((at.length ? at[at.length - 1] : 0) + found[i + n][1]);
      }
      ends.push(at);
    }
    return { text: text, full: f, words: found.map(function (w) { return f.substr(w[0], w[1]); }),
             tails: tails, compacts: compacts, ends: ends };
  }

  function prepare() {
    var data = window.GLOSSARI_INDEX || { lang: "en", terms: [] };
    prepared = { lang: data.lang, rules: data.rules || null,
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
  // same with spaces and hyphens ignored, 4 every word typed starts a word of it, in any order.
  // A query whose last word is a root (q.whole) wants that word whole: `jum` of `jumlah` finds
  // no Jumaat, as glossari search asks a root as a whole word
  function ends(text, at) {
    var next = text.charAt(at);
    return at >= text.length || !IS_WORD.test(next)
      || IS_DIGIT.test(next) !== IS_DIGIT.test(text.charAt(at - 1));
  }
  function rank(k, q) {
    if (!k) { return -1; }
    if (k.full === q.text) { return 0; }
    if (k.full.indexOf(q.text) === 0 && (!q.whole || ends(k.full, q.text.length))) { return 1; }
    var i, last = q.words.length - 1;
    for (i = 0; i < k.tails.length; i++) {
      if (k.tails[i].indexOf(q.text) === 0 && (!q.whole || ends(k.tails[i], q.text.length))) {
        return 2;
      }
    }
    for (i = 0; q.compact && i < k.compacts.length; i++) {
      if (k.compacts[i].indexOf(q.compact) === 0
          && (!q.whole || k.ends[i].indexOf(q.compact.length) >= 0)) { return 3; }
    }
    if (q.words.length > 1 && q.words.every(function (w, j) {
      return k.words.some(function (x) {
        return q.whole && j === last ? x === w : x.indexOf(w) === 0;
      });
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

  // The inflections that only add to a word's end, undone as glossari search undoes them
  // (glossari.terms.query_roots, whose data the index carries as `rules`: this applies it as
  // that does, and tests/test_site_rules.py holds the two equal on a word list): Malay clitics
  // and whole reduplication (`bon-bon`, informally `bon2`), an English plural or possessive.
  // Derivation (`berinflasi`) makes another word, and is left to the API.
  function ending(word, endings, shortest) {
    return endings.filter(function (e) {
      return word.length - e.length >= shortest && word.slice(-e.length) === e;
    }).map(function (e) { return word.slice(0, -e.length); });
  }
  // a word with a particle, a possessive or both taken off (malay._right, no suffix), each
  // leaving `shortest` letters or more (by default the rule's, ms.cliticStem: `hanya` is no `ha`)
  function cliticStems(word, shortest) {
    var ms = prepared.rules.ms, stems = [word];
    shortest = shortest || ms.cliticStem;
    stems = stems.concat(ending(word, ms.particles, shortest));
    var out = stems.slice();
    stems.forEach(function (stem) { out = out.concat(ending(stem, ms.possessives, shortest)); });
    return out;
  }
  // malay.attach: clitics written after a hyphen or an apostrophe, glued where the rule may cut
  // them off (`oprnya`), after a hyphen on a shorter word, which the mark alone ends (`sc-nya`);
  // a reduplicated word by its second half (`ha-ha-nya`)
  function attach(word, clitics) {
    var last = word.slice(word.lastIndexOf("-") + 1).replace(/\./g, "");  // s.c is two letters
    return last.length >= prepared.rules.ms.cliticStem ? word + clitics : word + "-" + clitics;
  }
  // only clitics, a possessive then a particle (`nya`, `nyalah`): what Malay writes after a
  // hyphen on an acronym (`OPR-nya`), malay.is_clitic
  function isClitic(word) {
    var ms = prepared.rules.ms;
    return !!word && [""].concat(ms.possessives).some(function (p) {
      return word.indexOf(p) === 0 && [""].concat(ms.particles).indexOf(word.slice(p.length)) >= 0;
    });
  }
  // `bon2nya` is `bon-bonnya`, `tabarru'2` `tabarru-tabarru`, `qur'an2` `qur'an-qur'an` (malay._TWO)
  function twice(word) {
    var m = new RegExp("^((?:\\p{L}'?){" + (prepared.rules.ms.twoHalf - 1) + ",}\\p{L})'?2(\\p{L}*)$",
                       "u").exec(word);
    return m ? m[1] + "-" + m[1] + m[2] : word;
  }
  // the Malay roots of malay.analyse that are no derivation: clitics off, reduplication once
  function malayRoots(word) {
    word = twice(word);
    var out = cliticStems(word).slice(1), cut = word.indexOf("-");
    if (cut > 0 && cut < prepared.rules.ms.cliticStem && isClitic(word.slice(cut + 1))) {
      // clitics after a hyphen on a word too short for the rule (`sc-nya`, as attach writes
      // it): the hyphen says where the word ends (malay._analyse)
      return cliticStems(word.slice(0, cut) + word.slice(cut + 1), cut).slice(1);
    }
    if (cut >= 0) {
      var head = word.slice(0, cut), tail = word.slice(cut + 1);
      if (head && tail && tail.indexOf("-") < 0 && cliticStems(tail).indexOf(head) >= 0) {
        out.push(head);
        out = out.concat(cliticStems(head).slice(1));
      }
    }
    return out;
  }
  function isReduplication(word) {
    word = twice(word);
    var end = word.lastIndexOf("-"), pair = word.slice(0, end);
    if (end > 0 && pair.indexOf("-") > 0 && isClitic(word.slice(end + 1))
        && pair.length - pair.lastIndexOf("-") - 1 < prepared.rules.ms.cliticStem) {
      // a short word reduplicated, the clitics after a hyphen (`ha-ha-nya`: malay._analyse)
      return isReduplication(pair);
    }
    var cut = word.indexOf("-"), head = word.slice(0, cut), tail = word.slice(cut + 1);
    return cut > 0 && !!tail && tail.indexOf("-") < 0 && cliticStems(tail).indexOf(head) >= 0;
  }
  // english.analyse: the possessive, the irregular and classical plurals, -ies, -es, -s
  // english.possessor: the word without its possessive
  function possessor(word) {
    var stem = word;
    prepared.rules.en.possessives.some(function (mark) {
      if (word.length > mark.length && word.slice(-mark.length) === mark) {
        stem = word.slice(0, -mark.length); return true;
      }
      return false;
    });
    return stem;
  }
  function englishRoots(word) {
    var en = prepared.rules.en, out = [], stem = possessor(word);
    if (stem !== word) { out.push(stem); }
    out = out.concat(irregular(stem, en.classical.map(function (rule) { return rule[0]; }), 2));
    if (stem.length > 3 && /ies$/.test(stem)) { out.push(stem.slice(0, -3) + "y"); }
    if (stem.length > 2 && /es$/.test(stem)) { out.push(stem.slice(0, -2)); }
    if (stem.length > 1 && /s$/.test(stem)) { out.push(stem.slice(0, -1)); }
    return out;
  }
  // english.singulars
  function singulars(word) {
    var en = prepared.rules.en;
    var endsIn = function (list) {
      return list.some(function (e) { return word.slice(-e.length) === e; });
    };
    if (word.length < en.shortestPlural || !/s$/.test(word) || endsIn(en.noPlural)
        || en.singularInS.indexOf(word) >= 0) { return []; }
    if (/ies$/.test(word) && en.vowels.indexOf(word.charAt(word.length - 4)) < 0) {
      return [word.slice(0, -3) + "y"];
    }
    return (endsIn(en.esPlurals) ? [word.slice(0, -2)] : []).concat([word.slice(0, -1)]);
  }
  // a query word's last word, as glossari.terms reads a hyphenated word: a reduplication is one
  // word, clitics after a hyphen belong to the word before them (`finra-nya`,
  // `komisen-komisen-nya`); with what comes before it, kept as typed (`broker-` of
  // `broker-dealers`)
  var LAST = new RegExp("[" + WORD + "]+(?:['-][" + WORD + "]+)*(?=[^" + WORD + "]*$)", "u");
  function lastWord(typed) {
    var found = LAST.exec(typed);
    if (!found) { return { lead: "", word: typed }; }
    var word = found[0], before = typed.slice(0, found.index);
    if (word.indexOf("-") < 0 || isReduplication(word)) { return { lead: before, word: word }; }
    var pieces = word.split("-"), attached = 0, n = pieces.length;
    while (attached + 1 < n && isClitic(pieces.slice(n - attached - 1).join(""))) { attached++; }
    var head = pieces.slice(0, n - attached).join("-"), clitic = pieces.slice(n - attached).join("");
    // (clitics on the pair's second half, after an apostrophe too: `komisen-komisen'nya-lah`)
    var joined = attached ? cliticApostrophe(attach(head, clitic)) : "";
    if (attached && isReduplication(joined)) { return { lead: before, word: joined }; }
    var lead = pieces.slice(0, n - attached - 1).join("-");
    var last = pieces[n - attached - 1];
    return { lead: before + (lead ? lead + "-" : ""), word: attached ? attach(last, clitic) : last };
  }
  var ALNUM = /^[\p{L}\p{N}]+$/u;
  // matcher._ROOT: a root is letters and digits, an apostrophe between two of them (qur'an)
  var ROOT = /^[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*$/u;
  // glossari.terms.query_roots: the words a folded query word asks for besides itself, sorted
  // clitics after an apostrophe (`broker'nya`) are the word's, as after a hyphen
  // (matcher._clitic_apostrophe)
  function cliticApostrophe(word) {
    var cut = word.lastIndexOf("'");
    return cut > 0 && ALNUM.test(word.charAt(cut - 1)) && isClitic(word.slice(cut + 1))
      ? attach(word.slice(0, cut), word.slice(cut + 1)) : word;
  }
  // matcher._split_ending: clitics after a hyphen or an apostrophe, or a possessive after an
  // apostrophe, end a word of two letters too (`sc-nya`, `rm-nyalah`, `sc's`: the mark says
  // where the word ends)
  var SPLIT_ENDING = /^(\p{L}{2,})([-'])([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)$/u;
  function splitEnding(word) {
    var m = SPLIT_ENDING.exec(word);
    if (!m) { return null; }
    var ending = m[3].replace(/-/g, "");
    return isClitic(ending) || (m[2] !== "-" && ending === "s") ? m[1] : null;
  }
  function queryRoots(word) {
    var split = splitEnding(word);
    word = cliticApostrophe(lastWord(word).word);
    var shortest = prepared.rules.shortestRoot, roots = {};
    malayRoots(word).forEach(function (r) { if (r.length >= shortest) { roots[r] = true; } });
    // matcher._english_roots: the possessive off and the singulars (three letters will do),
    // the other readings longer, and none of them for a word in -s that is no plural (status)
    var stem = possessor(word), ofStem = singulars(stem);
    (stem !== word ? [stem] : []).concat(ofStem).forEach(function (r) {
      if (r.length >= shortest) { roots[r] = true; }
    });
    if (ofStem.length || !/s$/.test(stem)) {
      englishRoots(word).forEach(function (r) { if (r.length > shortest) { roots[r] = true; } });
    }
    delete roots[word];
    var plural = singulars(word).concat(irregularSingulars(word)), asked = {};
    Object.keys(roots).filter(function (r) {
      return ROOT.test(r) && (word.indexOf(r) === 0 || plural.indexOf(r) >= 0);
    }).forEach(function (r) { asked[r] = true; });
    if (split && split !== word) { asked[split] = true; }
    // the other spelling, British or American, of the word and of each root (adviser: advisor)
    [word].concat(Object.keys(asked)).forEach(function (w) {
      spellings(w).forEach(function (s) { asked[s] = true; });
    });
    delete asked[word];
    return Object.keys(asked).sort(function (a, b) { return a < b ? -1 : (a > b ? 1 : 0); });
  }
  // english.irregular_singulars: an irregular plural's singular, and a classical one's of the
  // endings a search undoes, on a head long enough
  function irregularSingulars(word) {
    var en = prepared.rules.en;
    return irregular(possessor(word), en.searchedClassical, en.classicalBase);
  }
  // english._irregular: the singulars of an irregular plural, and of a classical one of the
  // endings given on a head of `shortest` letters or more
  function irregular(stem, endings, shortest) {
    var en = prepared.rules.en, out = [];
    if (Object.prototype.hasOwnProperty.call(en.irregular, stem)) { out.push(en.irregular[stem]); }
    en.classical.forEach(function (rule) {
      var ending = rule[0], head = stem.slice(0, stem.length - ending.length);
      if (endings.indexOf(ending) >= 0 && stem.length >= ending.length
          && stem.slice(-ending.length) === ending && head.length >= shortest) {
        rule[1].forEach(function (e) { out.push(head + e); });
      }
    });
    return out;
  }
  // english.spellings: the rules as the library writes them, each applied once
  function spellings(word) {
    var en = prepared.rules.en, out = [];
    if (word.length < en.shortestSpelled) { return []; }
    en.spellings.forEach(function (rule) {
      var other = word.replace(new RegExp(rule[0], "u"), rule[1]);
      if (other !== word && out.indexOf(other) < 0) { out.push(other); }
    });
    return out;
  }
  // a word before the last, reduplicated whole, once (`dana-dana`, `dana2`)
  function once(word) {
    var w = twice(word), cut = w.indexOf("-");
    return cut > 0 && w.slice(0, cut) === w.slice(cut + 1) ? w.slice(0, cut) : word;
  }

  // the query as typed; when it finds nothing, the query with its inflections undone, its last
  // word each of its roots, whole
  // letters joined by / or & with a clitic, a possessive or the plural -s on the last word
  // (`p/e-nya`, `p/e's`, `p/es`) also ask for the joined letters whole, as glossari search
  // asks them
  // (glossari.termbase.search._JOINED_ENDING): `p/e-nya` found nothing, `p/e's` other terms
  var JOINED_ENDING = /^(.*[\/&][\p{L}\p{N}]+?)(?:'?s|-?((?:nya|lah|kah|pun|tah|ku|mu)+))$/u;
  function joinedForm(q) {
    var typed = q.split(" "), last = typed.pop(), m = JOINED_ENDING.exec(last);
    if (!m || !prepared.rules || (m[2] !== undefined && !isClitic(m[2]))) { return []; }
    return [{ text: typed.concat([m[1]]).join(" "), whole: true }];
  }
  // clitics on a number or its percent sign are the number's (`3.25%-nya`, `rm4.50nya`), as
  // glossari search reads them (glossari.termbase.search._NUMBER_CLITIC); other letters stay,
  // and so do letters after a percent sign of no number (`%-nya`)
  var NUMBER_CLITIC = /([0-9](?: ?%)?)[-']?(\p{L}+)(?![\p{L}\p{N}])/gu;
  function numberClitics(q) {
    if (!prepared.rules) { return q; }
    return q.replace(NUMBER_CLITIC, function (m, before, letters) {
      return isClitic(letters) ? before : m;
    });
  }
  // words joined by `/` or `&`, each of two characters or more (`kwsp/epf`, `kwsp&epf`,
  // `kwsp//epf`, `wakalah/mudarabah`), when the query as typed finds nothing: each word, one
  // or the other, as glossari search asks them (glossari.termbase.search._parts); not an
  // acronym's letters (`p/e`, `at&t`)
  function slashParts(word) {
    if (word.indexOf("/") < 0 && word.indexOf("&") < 0) { return null; }
    word = word.replace(/([\p{L}\p{N}])\/{2,}(?=[\p{L}\p{N}])/gu, "$1/");
    var m = prepared.rules ? JOINED_ENDING.exec(word) : null;
    if (m && (m[2] === undefined || isClitic(m[2]))) { word = m[1]; }
    var parts = word.split(/[\/&]/);
    return parts.every(function (p) { return p.length > 1; }) ? parts : null;
  }
  function apart(q) {
    var asked = [[]], parted = false;
    q.split(" ").forEach(function (word) {
      var parts = slashParts(word);
      parted = parted || !!parts;
      var next = [];
      asked.forEach(function (before) {
        (parts || [word]).forEach(function (p) { next.push(before.concat([p])); });
      });
      asked = next.slice(0, 64);
    });
    return parted ? asked.map(function (w) { return { text: w.join(" "), whole: false }; }) : [];
  }
  // capitals joined by / or & with spaces around (`P / E`, `KWSP / EPF`) are joined without
  // them, as glossari search reads them (glossari.termbase.search._SPACED_JOIN): before the
  // fold, which loses the capitals
  var SPACED_JOIN = /(^|[^\p{L}\p{N}_])([A-Z][A-Z0-9]*(?:[ \t]*[\/&][ \t]*[A-Z][A-Z0-9]*)+)(?![\p{L}\p{N}_])/gu;
  function joinedClosed(text) {
    return text.replace(SPACED_JOIN, function (m, before, joined) {
      return before + joined.replace(/[ \t]+/g, "");
    });
  }
  // an acronym in capitals with the plural -s on the last word (`SCs`, `ETFs`) is also asked
  // in the singular, as glossari search asks it (glossari.termbase.search._ACRONYM_PLURAL):
  // read before the fold, which loses the capitals
  var ACRONYM_PLURAL = /(?:^|[^\p{L}\p{N}])([A-Z][A-Z0-9]*[A-Z])s[^\p{L}\p{N}]*$/u;
  function search(text) {
    var q = fold(joinedClosed(text));
    if (!q) { return []; }
    q = numberClitics(q);
    var plural = ACRONYM_PLURAL.exec(text);
    var hits = typed(q, plural ? plural[1].toLowerCase() : null);
    if (hits.length) { return hits; }
    var parts = apart(q);
    return parts.length ? find(parts) : [];
  }
  function typed(q, singular) {
    var asTyped = [{ text: q, whole: false }].concat(joinedForm(q));
    // a word reduplicated whole (the Malay plural: `kupon-kupon`, `kupon2`) is asked once
    // too, as glossari search asks a word's roots beside the word typed: read only as the two
    // words `kupon`, both in *Bon kupon sifar*, it ranked that term with *Kupon*, and before it
    // in Malay order, where glossari search puts *Kupon* first
    var single = prepared.rules ? q.split(" ").map(once).join(" ") : q;
    if (single !== q) { asTyped.push({ text: single, whole: false }); }
    var hits = find(asTyped);
    if (hits.length || !prepared.rules) { return hits; }
    var typed = q.split(" "), last = typed.pop(), before = typed.map(once);
    var roots = queryRoots(last);
    if (singular && roots.indexOf(singular) < 0) { roots.push(singular); }
    var asked = roots.map(function (root) {
      return { text: before.concat([lastWord(last).lead + root]).join(" "), whole: true };
    });
    var plain = before.concat([last]).join(" ");
    if (plain !== q) { asked.push({ text: plain, whole: false }); }
    return asked.length ? find(asked) : [];
  }

  function find(queries) {
    var qs = queries.map(function (q) {
      return { text: q.text, compact: compact(q.text), words: words(q.text), whole: q.whole };
    });
    var hits = [];
    prepared.terms.forEach(function (t, order) {
      var best = null;
      qs.forEach(function (q) {
        var na = rankNames(t.nms, q), nb = rankNames(t.nen, q);
        var ha = rank(t.kms, q), hb = rank(t.ken, q);
        var a = better(ha, na.r);
        var b = better(hb, nb.r);
        if (a < 0 && b < 0) { return; }
        var r = a < 0 ? b : (b < 0 ? a : Math.min(a, b));
        if (best && best.r <= r) { return; }
        var lang = (a >= 0 && (b < 0 || a <= b)) ? "ms" : "en";
        // the other name that matched, when neither headword did (an acronym is in its headword)
        var named = ha < 0 && hb < 0 ? (lang === "ms" ? na.name : nb.name) : null;
        best = { t: t, r: r, lang: lang, o: order, name: named };
      });
      if (best) { hits.push(best); }
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

  // the rules, for tests (tests/test_site_rules.py) and for a page's own scripts
  window.GLOSSARI_SEARCH = {
    fold: fold,
    queryRoots: function (word) { return queryRoots(fold(word)); },
    search: function (text, done) {
      whenReady(function () { done(search(text).map(function (h) { return h.t.file; })); });
    },
    ready: whenReady
  };

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { box.value = query; update(); }
}());
