/* The end of a role-play round (pages/dag3/roleplay_timer.py): besides the message on the page, a short sound and
 * the tab's title, so a trio that is deep in conversation notices it. Only when this page saw the clock run: a
 * reload after the end stays quiet. The sound is made here (Web Audio), no file is fetched.
 * window.wijwerkenTimer.signals counts the ends signalled (tests). */
(function () {
  "use strict";
  var state = { signals: 0, sawRunning: false, title: null };
  window.wijwerkenTimer = state;
  var audio = null;

  function context() {
    var Make = window.AudioContext || window.webkitAudioContext;
    if (!Make) {
      return null;
    }
    if (audio === null) {
      try {
        audio = new Make();
      } catch (e) {
        return null;
      }
    }
    if (audio.state === "suspended") {
      audio.resume();
    }
    return audio;
  }

  /* Browsers only play sound after the person used the page: wake the sound at the first click or key. */
  function prime() {
    context();
    document.removeEventListener("pointerdown", prime, true);
    document.removeEventListener("keydown", prime, true);
  }
  document.addEventListener("pointerdown", prime, true);
  document.addEventListener("keydown", prime, true);

  function chime() {
    var ctx = context();
    if (ctx === null) {
      return;
    }
    [0, 0.4, 0.8].forEach(function (at) {
      var tone = ctx.createOscillator();
      var volume = ctx.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.25, ctx.currentTime + at);
      volume.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + at + 0.3);
      tone.connect(volume);
      volume.connect(ctx.destination);
      tone.start(ctx.currentTime + at);
      tone.stop(ctx.currentTime + at + 0.3);
    });
  }

  function check() {
    if (document.querySelector(".ww-timer-running")) {
      state.sawRunning = true;
    }
    var up = document.querySelector(".ww-time-up");
    if (up && state.sawRunning && !up.dataset.wijwerkenSignalled) {
      up.dataset.wijwerkenSignalled = "1";
      state.sawRunning = false;
      state.signals += 1;
      if (state.title === null) {
        state.title = document.title;
      }
      document.title = "⏰ " + up.textContent.replace(/\s+/g, " ").trim();
      chime();
    } else if (!up && state.title !== null) {
      document.title = state.title;
      state.title = null;
    }
  }

  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.setTimeout(function () {  /* not requestAnimationFrame: it stops in a background tab */
        pending = false;
        check();
      }, 50);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
