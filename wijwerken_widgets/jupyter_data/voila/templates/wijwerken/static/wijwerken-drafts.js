/*
 * wijwerken: text typed into the workbook stays in this browser until the kernel has stored it.
 *
 * The kernel (wijwerken_widgets/ui/drafts.py) marks each kept field with the classes `ww-draft` and
 * `ww-dk-<slug>` and keeps one hidden element `.ww-draft-ledger` whose text is JSON:
 *   {"who": <opaque participant id>, "saved": {<slug>: <hash of the stored value>}, "texts": {...}}
 * On every keystroke the field's text is put in localStorage under wijwerken-concept:<who>:<page>:<slug>, unless
 * it is exactly what is stored; as soon as the ledger shows that exact value as stored, the copy is removed.
 * After a reload, a kept text that differs from what is stored is offered back next to its field.
 * While the kernel is there and some text is not yet stored, leaving the page asks first.
 *
 * hash() is FNV-1a (32 bit) over UTF-16 code units, the same as fnv1a() in drafts.py (tests check both).
 * Loaded before static/wijwerken.js: its beforeunload listener must run before that one and before Voilà's
 * (which sends the kernel a shutdown beacon), so it can stop them when the participant may still choose to stay.
 */
(function () {
  "use strict";

  var PREFIX = "wijwerken-concept";
  var SCAN_MS = 1000;
  var MAX_AGE_MS = 30 * 24 * 3600 * 1000;
  var PREVIEW_CHARS = 300;
  var kernelLost = false;
  var leaving = false;
  var forgotten = false;  // logged out (ui/logout.py): keep nothing more, offer nothing back
  var heldBack = false;  // Voilà's beforeunload (shutdown beacon) was stopped: send it on pagehide instead
  var offered = {};
  var ledgerText = null;
  var ledger = null;

  function hash(text) {
    var value = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return ("0000000" + value.toString(16)).slice(-8);
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (err) {
      return null;  // storage blocked: the page works as before, without kept drafts
    }
  }

  function readLedger() {
    var element = document.querySelector(".ww-draft-ledger");
    var text = element ? element.textContent : null;
    if (text !== ledgerText) {
      ledgerText = text;
      try {
        ledger = text ? JSON.parse(text) : null;
      } catch (err) {
        ledger = null;
      }
    }
    return ledger;
  }

  function keyOf(slug) {
    return PREFIX + ":" + ledger.who + ":" + window.location.pathname + ":" + slug;
  }

  // Every kept field now on the page: {slug, input, node}.
  function fields() {
    var found = [];
    var nodes = document.querySelectorAll(".ww-draft");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var slug = null;
      for (var j = 0; j < node.classList.length; j++) {
        if (node.classList[j].indexOf("ww-dk-") === 0) {
          slug = node.classList[j].slice(6);
        }
      }
      var input = node.matches("textarea, input") ? node : node.querySelector("textarea, input");
      if (slug && input) {
        found.push({ slug: slug, input: input, node: node });
      }
    }
    return found;
  }

  function isStored(field) {
    return ledger.saved[field.slug] === hash(field.input.value);
  }

  function readKept(store, field) {
    try {
      var kept = JSON.parse(store.getItem(keyOf(field.slug)) || "null");
      return kept && typeof kept.value === "string" ? kept : null;
    } catch (err) {
      return null;
    }
  }

  // Typed: keep the field's text in localStorage, or forget the copy when the text is exactly what is stored.
  function remember(field) {
    var store = storage();
    if (!store || forgotten || !readLedger()) {
      return;
    }
    try {
      if (!isStored(field)) {
        store.setItem(keyOf(field.slug), JSON.stringify({ value: field.input.value, at: Date.now() }));
      } else if (!kernelLost) {
        store.removeItem(keyOf(field.slug));
      }
    } catch (err) {
      console.error("wijwerken: cannot keep the text in this browser", err);
    }
  }

  function fieldOf(element) {
    var node = element.closest ? element.closest(".ww-draft") : null;
    if (!node) {
      return null;
    }
    var all = fields();
    for (var i = 0; i < all.length; i++) {
      if (all[i].node === node) {
        return all[i];
      }
    }
    return null;
  }

  function clock(ms) {
    // In the workbook's time zone (the ledger's "tz"), as the kernel's "Opgeslagen 10:24" lines are.
    var zone = (ledger && ledger.tz) || undefined;
    try {
      return new Date(ms).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: zone });
    } catch (err) {  // an unknown zone name: the browser's own
      return new Date(ms).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
    }
  }

  function button(text, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "wijwerken-concept-knop";
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  // Offer a kept text back next to its field: put it back (then it saves as usual) or throw it away.
  function offer(field, draft) {
    var words = ledger.texts || {};
    var box = document.createElement("div");
    box.className = "wijwerken-concept";
    box.setAttribute("role", "status");
    box.setAttribute("data-slug", field.slug);
    var intro = document.createElement("p");
    intro.textContent = (words.found || "").replace("{tijd}", clock(draft.at));
    var preview = document.createElement("blockquote");
    preview.className = "wijwerken-concept-tekst";
    preview.textContent = draft.value.length > PREVIEW_CHARS ? draft.value.slice(0, PREVIEW_CHARS) + "…" : draft.value;
    var restore = button(words.restore_button || "", function () {
      field.input.value = draft.value;
      field.input.dispatchEvent(new Event("input", { bubbles: true }));
      field.input.dispatchEvent(new Event("change", { bubbles: true }));
      box.remove();
      remember(field);
      field.input.focus();
    });
    var discard = button(words.discard_button || "", function () {
      var store = storage();
      if (store) {
        store.removeItem(keyOf(field.slug));
      }
      box.remove();
    });
    box.appendChild(intro);
    box.appendChild(preview);
    box.appendChild(restore);
    box.appendChild(discard);
    field.node.parentNode.insertBefore(box, field.node.nextSibling);
  }

  function scan() {
    var store = storage();
    if (!store || forgotten || !readLedger() || kernelLost) {
      return;
    }
    var all = fields();
    for (var i = 0; i < all.length; i++) {
      var field = all[i];
      var kept = readKept(store, field);
      var stale = kept && Date.now() - (kept.at || 0) > MAX_AGE_MS;
      if (kept && (stale || ledger.saved[field.slug] === hash(kept.value))) {
        store.removeItem(keyOf(field.slug));  // stored by now (or long forgotten): nothing to offer
        kept = null;
      }
      if (!offered[field.slug]) {  // offered once per page, when the field is first seen
        offered[field.slug] = true;
        if (kept && kept.value !== field.input.value) {
          offer(field, kept);
        }
      }
    }
  }

  // Some text on the page is not yet stored (while the kernel is there to store it).
  function unsaved() {
    if (kernelLost || !readLedger()) {
      return false;
    }
    var all = fields();
    for (var i = 0; i < all.length; i++) {
      if (!isStored(all[i])) {
        return true;
      }
    }
    return false;
  }

  function shutdownBeacon() {
    var kernel = window.wijwerkenKernel;
    var base = document.body && document.body.getAttribute("data-base-url");
    if (!kernel || !base || !navigator.sendBeacon) {
      return;
    }
    var form = new FormData();
    var xsrf = document.cookie.match("\\b_xsrf=([^;]*)\\b");
    form.append("_xsrf", (xsrf && xsrf[1]) || "");
    navigator.sendBeacon(base + "api/shutdown/" + kernel.id, form);
  }

  document.addEventListener("input", function (event) {
    var field = fieldOf(event.target);
    if (field) {
      remember(field);
    }
  }, true);

  window.addEventListener("beforeunload", function (event) {
    heldBack = false;
    if (leaving || !unsaved()) {
      return;
    }
    // Ask first; stop Voilà's listener (it would shut the kernel down even when the participant stays).
    heldBack = true;
    event.stopImmediatePropagation();
    event.preventDefault();
    event.returnValue = "";
  });

  window.addEventListener("pagehide", function () {
    if (heldBack) {
      shutdownBeacon();
    }
  });

  window.addEventListener("wijwerken:verbroken", function () {
    kernelLost = true;
    var all = readLedger() ? fields() : [];
    for (var i = 0; i < all.length; i++) {
      remember(all[i]);
    }
  });

  // Every second: offer kept texts back, and forget the copies whose exact text the ledger now shows as stored.
  window.setInterval(scan, SCAN_MS);

  window.wijwerkenDrafts = {
    hash: hash,
    unsaved: unsaved,
    leave: function () {
      leaving = true;  // the banner's reload button: the text is kept in this browser, no need to ask
      window.location.reload();
    },
    // Logging out (ui/logout.py): remove every kept text of participant `who` and stop keeping or asking.
    forget: function (who) {
      forgotten = true;
      leaving = true;
      var store = storage();
      var mine = PREFIX + ":" + who + ":";
      if (!store) {
        return;
      }
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(mine) === 0) {
          store.removeItem(key);
        }
      }
    }
  };
})();
