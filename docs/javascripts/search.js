/*
 * The site search dialog (theme/partials/search.html) over the Pagefind index that the factsheet
 * plugin writes after each build (generator/site/search_terms.py).
 *
 * Pagefind finds candidate pages; the order shown comes from how well the query matches each
 * candidate's names, compared in the normalised forms of search-normalise.js. Pagefind's own score
 * knows nothing of Arabic spelling and would let an event whose title repeats a name outrank the
 * page of the person who bears it.
 */
(function () {
  "use strict";

  var normalise = window.factsheetSearchText;
  var dialog = document.getElementById("fact-search");
  var opener = document.querySelector("[data-fact-search-open]");
  if (!normalise || !dialog || !opener || typeof dialog.showModal !== "function") return;

  // This file is <site>/javascripts/search.js, whatever page loads it and wherever the site is hosted.
  var siteRoot = new URL("../", document.currentScript.src);
  var CANDIDATES = 8;   // results of each Pagefind query whose names are compared
  var PAGE_SIZE = 10;   // results shown at a time
  var DEBOUNCE_MS = 120;

  var form = dialog.querySelector("[data-fact-search-form]");
  var input = dialog.querySelector("#fact-search-input");
  var statusLine = dialog.querySelector("[data-fact-search-status]");
  var list = dialog.querySelector("[data-fact-search-results]");
  var more = dialog.querySelector("[data-fact-search-more]");
  var closer = dialog.querySelector("[data-fact-search-close]");
  // Counts use the digits of the pages: the build's setting, or else whatever the dates on the page use.
  var digitsSetting = dialog.getAttribute("data-digits");
  var firstDate = document.querySelector("time");
  var easternDigits = digitsSetting ? digitsSetting === "eastern"
    : /[٠-٩]/.test(firstDate ? firstDate.textContent : "");

  var pagefind = null;
  var sequence = 0;
  var timer = 0;
  var ordered = [];
  var shown = 0;

  // --- strings ---------------------------------------------------------------------------------

  function digits(n) {
    var text = String(n);
    return easternDigits ? text.replace(/[0-9]/g, function (d) { return "٠١٢٣٤٥٦٧٨٩"[d]; }) : text;
  }

  function countText(n) {
    // Arabic counted nouns: one and two have their own words, 3-10 take the plural, the rest the singular.
    if (n === 1) return "نتيجة واحدة";
    if (n === 2) return "نتيجتان";
    var rest = n % 100;
    return digits(n) + (rest >= 3 && rest <= 10 ? " نتائج" : " نتيجة");
  }

  function setStatus(text) {
    statusLine.textContent = text;
  }

  // --- Pagefind --------------------------------------------------------------------------------

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        return pf.options({
          baseUrl: siteRoot.pathname,
          // Names first: a page whose hidden names match outranks one that only mentions them.
          ranking: { metaWeights: { names: 10.0, roles: 2.0, terms: 6.0, title: 5.0, kind: 0.0 } }
        }).then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // --- ranking ---------------------------------------------------------------------------------

  // A word as the ranking compares it: its variants (with or without article and particle) and their skeletons.
  function wordShape(word) {
    var plain = normalise.wordVariants(word);
    return { plain: plain, skeleton: uniqueStrings(plain.map(normalise.skeletonWord)) };
  }

  function queryForms(query) {
    var key = normalise.searchKey(query);
    if (!key) return null;
    var words = key.split(" ");
    var bare = words.map(normalise.bareWord);
    var unclitic = words.map(normalise.uncliticWord);
    var text = uniqueStrings([words.join(" "), bare.join(" "), unclitic.join(" ")]);
    var skeletons = uniqueStrings([
      bare.map(normalise.skeletonWord).join(" "), unclitic.map(normalise.skeletonWord).join(" ")
    ]).filter(function (q) { return text.indexOf(q) < 0; });
    return { words: words.map(wordShape), text: text, searches: text.concat(skeletons) };
  }

  function uniqueStrings(items) {
    return items.filter(function (x, i) { return x && items.indexOf(x) === i; });
  }

  function parseNames(meta) {
    return String(meta || "").split("|").map(function (name) {
      return name.trim().split(/\s+/).filter(Boolean).map(wordShape);
    }).filter(function (words) { return words.length; });
  }

  function share(a, b) { return a.some(function (x) { return b.indexOf(x) >= 0; }); }
  function startsAny(a, b) {
    return a.some(function (x) { return x.length >= 2 && b.some(function (y) { return y.indexOf(x) === 0; }); });
  }

  // Tiers, best first. A reader who types a name wants the page of whoever bears it, then pages whose
  // names hold every word typed, then positions held; spellings that agree only in their consonants
  // (another transliteration) come next, then words typed in part, then pages that merely mention them.
  var TEXT_ONLY = 7;

  function matchWords(query, name, field, test) {
    return query.every(function (q) { return name.some(function (w) { return test(q[field], w[field]); }); });
  }

  function inOrder(query, name, field) {
    return query.length === name.length && query.every(function (q, i) { return share(q[field], name[i][field]); });
  }

  function nameTier(query, name) {
    if (inOrder(query, name, "plain")) return 0;
    if (matchWords(query, name, "plain", share)) return 1;
    if (inOrder(query, name, "skeleton")) return 3;
    if (matchWords(query, name, "skeleton", share)) return 4;
    if (matchWords(query, name, "plain", startsAny)) return 5;
    if (matchWords(query, name, "skeleton", startsAny)) return 6;
    return TEXT_ONLY;
  }

  function roleTier(query, role) {
    return matchWords(query, role, "plain", share) ? 2 : TEXT_ONLY;
  }

  // The best tier over a page's names and roles; among names of that tier, the one the query covers most.
  function nameMatch(query, meta) {
    var best = [TEXT_ONLY, 0];
    var consider = function (tier, name) {
      var coverage = query.length / name.length;
      if (tier < best[0] || (tier === best[0] && coverage > best[1])) best = [tier, coverage];
    };
    parseNames(meta.names).forEach(function (name) { consider(nameTier(query, name), name); });
    parseNames(meta.roles).forEach(function (role) { consider(roleTier(query, role), role); });
    return best;
  }

  function byMatch(a, b) {
    return (a.tier - b.tier) || (b.coverage - a.coverage) || (b.score - a.score) || (a.order - b.order);
  }

  function search(query) {
    var forms = queryForms(query);
    var mine = ++sequence;
    if (!forms) {
      ordered = [];
      shown = 0;
      render(0);
      done(query, "اكتب اسمًا أو كلمة للبحث.");
      return Promise.resolve();
    }
    setStatus("جارٍ البحث…");
    dialog.setAttribute("aria-busy", "true");
    dialog.removeAttribute("data-searched");
    return loadPagefind().then(function (pf) {
      return Promise.all(forms.searches.map(function (q) { return pf.search(q); }));
    }).then(function (responses) {
      if (mine !== sequence) return null;
      var found = new Map();
      var order = 0;
      responses.forEach(function (response, i) {
        var byText = i < forms.text.length;
        var results = (response && response.results) || [];
        var top = results.length ? results[0].score || 1 : 1;
        results.forEach(function (result, rank) {
          var entry = found.get(result.id);
          if (!entry) {
            entry = { result: result, score: 0, order: order++, candidate: false, byText: false,
                      tier: TEXT_ONLY, coverage: 0 };
            found.set(result.id, entry);
          }
          // Scores of different queries are not on one scale; each is taken relative to its best.
          entry.score = Math.max(entry.score, result.score / top);
          entry.candidate = entry.candidate || rank < CANDIDATES;
          entry.byText = entry.byText || byText;
        });
      });
      var entries = Array.from(found.values());
      var candidates = entries.filter(function (e) { return e.candidate; });
      return Promise.all(candidates.map(function (entry) {
        return entry.result.data().then(function (data) {
          entry.data = data;
          var match = nameMatch(forms.words, data.meta || {});
          entry.tier = match[0];
          entry.coverage = match[1];
        });
      })).then(function () { return entries; });
    }).then(function (entries) {
      if (!entries || mine !== sequence) return;
      // A skeleton is there to catch another spelling of a name: a page it brings whose names do not
      // match is a coincidence of consonants, not a result.
      entries = entries.filter(function (e) { return e.byText || e.tier < TEXT_ONLY; });
      var candidates = entries.filter(function (e) { return e.candidate; }).sort(byMatch);
      var others = entries.filter(function (e) { return !e.candidate; }).sort(byMatch);
      ordered = candidates.concat(others);
      list.textContent = "";
      shown = 0;
      return showMore().then(function () {
        if (mine !== sequence) return;
        done(query, ordered.length ? countText(ordered.length)
          : "لا نتائج عن «" + query.trim() + "». جرّب كتابة أخرى أو كلمات أقل.");
      });
    }).catch(function () {
      if (mine !== sequence) return;
      done(query, "تعذّر تحميل فهرس البحث. أعد تحميل الصفحة وحاول مجددًا.");
    });
  }

  // The results for `query` are all on screen; data-searched tells scripts (and tests) which query they answer.
  function done(query, status) {
    dialog.removeAttribute("aria-busy");
    setStatus(status);
    dialog.setAttribute("data-searched", query);
  }

  // --- results ---------------------------------------------------------------------------------

  function showMore() {
    var batch = ordered.slice(shown, shown + PAGE_SIZE);
    var mine = sequence;
    return Promise.all(batch.map(function (entry) {
      return entry.data ? entry.data : entry.result.data().then(function (d) { entry.data = d; return d; });
    })).then(function () {
      if (mine !== sequence) return;
      batch.forEach(function (entry) { list.appendChild(resultItem(entry.data)); });
      shown += batch.length;
      render(shown);
    });
  }

  function render(count) {
    if (!count) list.textContent = "";
    more.hidden = shown >= ordered.length;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "fact-search__result";
    var link = document.createElement("a");
    link.className = "fact-search__link";
    link.href = data.url;
    var title = document.createElement("span");
    title.className = "fact-search__name";
    title.textContent = meta.title || data.url;
    link.appendChild(title);
    if (meta.kind) {
      var kind = document.createElement("span");
      kind.className = "fact-search__kind";
      kind.textContent = meta.kind;
      link.appendChild(kind);
    }
    var excerpt = document.createElement("span");
    excerpt.className = "fact-search__excerpt";
    appendExcerpt(excerpt, data.excerpt || "");
    link.appendChild(excerpt);
    item.appendChild(link);
    return item;
  }

  // Pagefind's excerpt is HTML with <mark> around matches. Only text and <mark> are carried over,
  // parsed inside an inert <template> so nothing in it can run or load.
  function appendExcerpt(target, html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
  }

  // --- opening, closing, keyboard ---------------------------------------------------------------

  function open() {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    if (!input.value) setStatus("اكتب اسمًا أو كلمة للبحث.");
    loadPagefind();
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  opener.addEventListener("pointerenter", loadPagefind, { once: true });
  closer.addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop lands on the <dialog> element itself.
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, DEBOUNCE_MS);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    // Enter goes to the best result once the results for what is typed are in.
    search(input.value).then(function () {
      var first = resultLinks()[0];
      if (first) first.click();
    });
  });

  more.addEventListener("click", function () {
    var before = resultLinks().length;
    showMore().then(function () {
      var next = resultLinks()[before];
      if (next) next.focus();
    });
  });

  // Arrow keys walk between the search box and the results, as in a list box. Escape closes at once:
  // in a filled search box Chromium would spend the first Escape on clearing it.
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (at < 0 && document.activeElement !== input) return;
    event.preventDefault();
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });

  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.defaultPrevented || event.altKey) return;
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey;
    var ctrlK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if ((slash && !isTyping(event.target)) || ctrlK) {
      event.preventDefault();
      open();
    }
  });
})();
