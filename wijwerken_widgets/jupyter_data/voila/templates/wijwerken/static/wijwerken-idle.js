/*
 * wijwerken: the warning before an idle page closes (ui/idle.py). The page's header holds a hidden notice
 * (.ww-idle, with data-seconds: the server's idle limit, and data-warn: how long before it the warning shows) only
 * on a server that stops idle kernels of open pages (JupyterHub). Typing, clicking, scrolling or a key resets the
 * clock and hides the notice; at most once a minute such input also reaches the kernel (a kernel_info_request on
 * the page's KernelConnection, window.wijwerkenKernel from wijwerken.js), which the server counts as activity.
 */
(function () {
  "use strict";

  var PING_MS = 60000;
  var CHECK_MS = 1000;
  var lastInput = Date.now();
  var lastPing = 0;

  function notice() {
    return document.querySelector(".ww-idle[data-seconds]");
  }

  function ping() {
    var kernel = window.wijwerkenKernel;
    if (kernel && !kernel.isDisposed && Date.now() - lastPing >= PING_MS) {
      lastPing = Date.now();
      kernel.requestKernelInfo().catch(function () { /* a lost kernel is wijwerken.js's business */ });
    }
  }

  function input() {
    lastInput = Date.now();
    var box = notice();
    if (box && !box.hidden) {
      box.hidden = true;
    }
    ping();
  }

  ["keydown", "pointerdown", "wheel", "touchstart", "scroll"].forEach(function (name) {
    window.addEventListener(name, input, { capture: true, passive: true });
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest(".ww-idle-button")) {
      lastPing = 0;  // the button always reaches the kernel
      input();
    }
  }, true);

  window.setInterval(function () {
    var box = notice();
    if (!box) {
      return;
    }
    var seconds = Number(box.dataset.seconds);
    var warn = Number(box.dataset.warn);
    var idle = (Date.now() - lastInput) / 1000;
    if (box.hidden && idle >= seconds - warn && idle < seconds + 60) {
      box.hidden = false;
    }
  }, CHECK_MS);
})();
