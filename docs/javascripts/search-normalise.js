/*
 * The search normalisation of generator/site/search_terms.py, in the browser: the query is reduced to the
 * same forms the build wrote into each page, so a name is found however it is spelled.
 * Keep the two in step: tests/test_search_terms.py runs both on the same words.
 */
(function (root) {
  "use strict";

  // generator/facts/text.py fold_arabic: marks and tatweel out, letter variants merged, case folded.
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه",
    "ؤ": "و", "ئ": "ي", "ء": "",
    "گ": "غ", "چ": "ج", "پ": "ب", "ڤ": "ف"
  };
  // JavaScript lower-cases where Python case-folds; these are the differences a name can meet.
  var CASEFOLD = { "ß": "ss", "ẞ": "ss", "ς": "σ" };
  var NON_WORD = /[^\p{L}\p{N}_]+/u;

  var DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var ARTICLES = ["وال", "فال", "بال", "كال"];
  var CLITICS = "وفبلك";
  var VOWELS = "اويaeiouy";
  var SKELETON = {
    "غ": "ج", "ز": "س", "ص": "س", "ث": "س", "ذ": "س", "ظ": "س", "ط": "ت", "ض": "د", "ف": "ب",
    "ق": "ك", "ح": "ه",
    "c": "k", "q": "k", "z": "s", "w": "v", "p": "b", "f": "b"
  };

  function mapChars(text, table) {
    var out = "";
    for (var ch of text) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    return out;
  }

  function foldArabic(text) {
    var t = String(text).normalize("NFKC").replace(DIACRITICS, "");
    t = mapChars(mapChars(t, LETTERS).toLowerCase(), CASEFOLD);
    return t.split(NON_WORD).filter(Boolean).join(" ");
  }

  function searchKey(text) {
    var digits = "";
    for (var ch of String(text)) {
      var i = DIGITS.indexOf(ch);
      digits += i < 0 ? ch : String(i % 10);
    }
    return foldArabic(digits).normalize("NFD").replace(/\p{M}/gu, "");
  }

  // Lengths in code points, as Python counts them (the prefixes themselves are single code units).
  function len(word) { return Array.from(word).length; }

  function bareWord(word) {
    for (var i = 0; i < ARTICLES.length; i++) {
      if (word.startsWith(ARTICLES[i]) && len(word) - 3 >= 2) return word.slice(3);
    }
    if (word.startsWith("لل") && len(word) - 2 >= 3) return word.slice(2);
    if (word.startsWith("ال") && len(word) - 2 >= 2) return word.slice(2);
    return word;
  }

  function uncliticWord(word) {
    var stripped = bareWord(word);
    if (stripped !== word) return stripped;
    if (len(word) >= 4 && CLITICS.indexOf(word[0]) >= 0) return bareWord(word.slice(1));
    return word;
  }

  function skeletonWord(word) {
    var out = [];
    var i = 0;
    for (var ch of word) {
      if (i++ && VOWELS.indexOf(ch) >= 0) continue;
      ch = mapChars(ch, SKELETON);
      if (!out.length || out[out.length - 1] !== ch) out.push(ch);
    }
    return out.join("");
  }

  function unique(items) {
    return items.filter(function (x, i) { return items.indexOf(x) === i; });
  }

  function wordVariants(word) {
    var variants = [word, bareWord(word)];
    if (len(word) >= 4 && CLITICS.indexOf(word[0]) >= 0) variants.push(word.slice(1), bareWord(word.slice(1)));
    return unique(variants);
  }

  function wordForms(word) {
    var variants = wordVariants(word);
    return unique(variants.concat(variants.map(skeletonWord)));
  }

  var api = {
    foldArabic: foldArabic, searchKey: searchKey, bareWord: bareWord, uncliticWord: uncliticWord,
    skeletonWord: skeletonWord, wordVariants: wordVariants, wordForms: wordForms
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.factsheetSearchText = api;
})(typeof self !== "undefined" ? self : this);
