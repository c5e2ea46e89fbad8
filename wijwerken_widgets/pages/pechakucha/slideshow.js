/* The pecha kucha file's own slideshow (inlined by slideshow.py; no library, no request).
 *
 * Shows one slide at a time. Playing: each slide stays data-seconds seconds, then the next one comes; the timer
 * shows the seconds left. Pause/Verder (or the space bar) stops and continues; the arrow keys go back and on.
 * Oefenmodus: the presenter moves on by hand, the timer counts the seconds spent on the slide, a slide over its time
 * says so in words, and after the last slide a table shows every slide's time and which ones were too long.
 * Every word shown comes from the data-* attributes of #pk (the page's YAML).
 */
(function () {
  "use strict";
  var root = document.getElementById("pk");
  var slides = Array.prototype.slice.call(document.querySelectorAll(".pk-slide"));
  var seconds = Number(root.getAttribute("data-seconds")) || 20;
  var words = JSON.parse(document.getElementById("pk-words").textContent);
  var playButton = document.getElementById("pk-play");
  var rehearseButton = document.getElementById("pk-rehearse");
  var timer = document.getElementById("pk-timer");
  var counter = document.getElementById("pk-counter");
  var summary = document.getElementById("pk-summary");
  var current = 0, playing = true, rehearsing = false, shownAt = Date.now(), left = seconds * 1000;
  var spent = [], ended = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function show(index) {
    current = Math.max(0, Math.min(index, slides.length - 1));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    summary.hidden = true;
    counter.textContent = fill(words.counter, { nummer: current + 1, totaal: slides.length });
    root.setAttribute("data-current", String(current + 1));
    ended = false;
    shownAt = Date.now();
    left = seconds * 1000;
    tick();
  }

  function record() {
    if (rehearsing) { spent[current] = (spent[current] || 0) + (Date.now() - shownAt) / 1000; }
  }

  function next() {
    record();
    if (current === slides.length - 1) {
      if (rehearsing) { showSummary(); } else { ended = true; setPlaying(false); }
      return;
    }
    show(current + 1);
  }

  function previous() { record(); show(current - 1); }

  function setPlaying(on) {
    if (on && !playing) { shownAt = Date.now() - (seconds * 1000 - left); }
    playing = on;
    playButton.textContent = on ? words.pause : words.play;
    playButton.setAttribute("aria-pressed", on ? "false" : "true");
    tick();
  }

  function setRehearsing(on) {
    rehearsing = on;
    spent = [];
    rehearseButton.textContent = on ? words.stop_rehearsing : words.rehearse;
    rehearseButton.setAttribute("aria-pressed", on ? "true" : "false");
    root.classList.toggle("pk-rehearsing", on);
    playButton.hidden = on;
    setPlaying(!on);
    show(0);
  }

  function tick() {
    var elapsed = (Date.now() - shownAt) / 1000;
    timer.classList.remove("pk-over");
    if (rehearsing) {
      var whole = Math.floor(elapsed);
      if (elapsed > seconds) {
        timer.textContent = fill(words.overrun, { seconden: whole, over: whole - seconds });
        timer.classList.add("pk-over");
      } else {
        timer.textContent = fill(words.spent, { seconden: whole });
      }
      return;
    }
    if (ended) {
      timer.textContent = words.end;
      return;
    }
    if (!playing) {
      timer.textContent = fill(words.left, { seconden: Math.ceil(left / 1000) }) + " \u00b7 " + words.paused;
      return;
    }
    left = seconds * 1000 - (Date.now() - shownAt);
    if (left <= 0) { next(); return; }
    timer.textContent = fill(words.left, { seconden: Math.ceil(left / 1000) });
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;  // a typed title is text, never HTML
    row.appendChild(td);
  }

  function showSummary() {
    var body = summary.querySelector("tbody"), over = 0;
    body.textContent = "";
    slides.forEach(function (slide, i) {
      var time = Math.round(spent[i] || 0), late = time > seconds, row = document.createElement("tr");
      if (late) { over += 1; row.className = "pk-over"; }
      cell(row, String(i + 1));
      cell(row, slide.querySelector("h2").textContent);
      cell(row, time + " s");
      cell(row, late ? fill(words.too_long, { over: time - seconds }) : words.on_time);
      body.appendChild(row);
    });
    summary.querySelector(".pk-total").textContent = fill(words.summary_total, { aantal: over, totaal: slides.length });
    slides.forEach(function (slide) { slide.hidden = true; });
    summary.hidden = false;
    summary.focus();
  }

  playButton.addEventListener("click", function () { setPlaying(!playing); });
  rehearseButton.addEventListener("click", function () { setRehearsing(!rehearsing); });
  document.getElementById("pk-next").addEventListener("click", next);
  document.getElementById("pk-previous").addEventListener("click", previous);
  document.addEventListener("keydown", function (event) {
    if (event.target.closest && event.target.closest("button") && (event.key === " " || event.key === "Enter")) {
      return;  // a focused button handles its own key
    }
    if (event.key === " " || event.key === "Spacebar") {
      event.preventDefault();
      if (!rehearsing) { setPlaying(!playing); } else { next(); }
    } else if (event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault(); next();
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault(); previous();
    }
  });
  root.classList.add("pk-script");
  show(0);
  setPlaying(true);
  window.setInterval(tick, 200);
}());
