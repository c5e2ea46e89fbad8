/*
 * wijwerken: when the page loses its kernel, show a Dutch banner (#wijwerken-verbinding), make every field of the
 * workbook read-only and say so in the save status lines (nothing typed from then on could be saved).
 *
 * Voilà 0.5.13 sets `window.jupyterapp` once its front end has started; the app's widget manager
 * (`jupyterapp.widgetManagerPromise`) holds the page's KernelConnection from @jupyterlab/services, whose
 * `statusChanged` ("dead", "autorestarting" …) and `connectionStatusChanged` ("connected", "connecting",
 * "disconnected") signals tell us when the kernel died (SIGKILL) or the websocket to the server is gone.
 *
 * A kernel shut down through the kernel API (`DELETE /api/kernels/<id>`: the idle culler, the server) sends
 * neither: jupyter_server keeps the page's websocket open and no "dead" status arrives (measured: no banner for
 * 40 s and more). So the page also asks the server every CHECK_MS (HIDDEN_CHECK_MS in a background tab) for
 * `GET /api/kernels/<id>`: a lookup in the server's kernel manager (Voilà serves this route; no kernel CPU, and it
 * does not count as kernel activity for the idle culler). 404 or execution_state "dead" means the kernel is gone;
 * a refused request CHECK_FAILURES times in a row (or no answer within CHECK_TIMEOUT_MS, CHECK_SLOW times) means the
 * server or the network is gone.
 *
 * Other scripts hear about it through the window event "wijwerken:verbroken" (static/wijwerken-drafts.js keeps
 * the unsaved text in the browser).
 *
 * Also: what people type is shown as written. ipywidgets hands a label's text to the page's LaTeX typesetter (Voilà
 * bundles JupyterLab's MathJax), so a name like "Kosten $x^2$" became a formula; the widget manager's rendermime
 * registry here reports no typesetter, and ipywidgets then leaves the text alone.
 */
(function () {
  "use strict";

  var BANNER_ID = "wijwerken-verbinding";
  var RECONNECT_GRACE_MS = 3000;
  var APP_WAIT_MS = 120000;
  var CHECK_MS = 2000;
  var HIDDEN_CHECK_MS = 10000;  // a tab in the background asks less often
  var CHECK_TIMEOUT_MS = 8000;
  var CHECK_FAILURES = 2;  // refused or failed requests in a row: the server or the network is gone
  var CHECK_SLOW = 5;  // unanswered (timed out) requests in a row: a busy server is not a lost kernel
  var OFFLINE_STATUS = "Niet verbonden: wat je nu ziet, wordt niet meer opgeslagen.";
  var unloading = false;
  var kernelLost = false;
  var graceTimer = null;
  var failures = 0;
  var slow = 0;
  var allowed = true;

  // Registered before Voilà's own beforeunload handler (which disposes the connection), so a reload or
  // closing the tab does not flash the banner. wijwerken-drafts.js (loaded before this script) stops the
  // event before it gets here when it asks the participant whether to leave.
  window.addEventListener("beforeunload", function () { unloading = true; });
  window.addEventListener("pagehide", function () { unloading = true; });

  function setBanner(visible) {
    var banner = document.getElementById(BANNER_ID);
    if (!banner || unloading) {
      return;
    }
    banner.hidden = !visible;
    document.body.classList.toggle("wijwerken-verbroken", visible);
  }

  function lockFields() {
    var root = document.getElementById("rendered_cells") || document.body;
    var fields = root.querySelectorAll("textarea, input, select, button");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.closest(".wijwerken-concept")) {
        continue;  // the offer of kept text (wijwerken-drafts.js) stays usable
      }
      if (field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && /^(text|search|email|url|tel|number|password)?$/.test(field.type))) {
        field.readOnly = true;
      } else {
        field.disabled = true;
      }
      field.setAttribute("aria-disabled", "true");
    }
    var statuses = root.querySelectorAll(".ww-save-status");
    for (var j = 0; j < statuses.length; j++) {
      statuses[j].textContent = OFFLINE_STATUS;
      statuses[j].classList.add("ww-status-error");
    }
  }

  function loseKernel() {
    if (unloading) {
      return;
    }
    if (!kernelLost) {
      kernelLost = true;
      window.dispatchEvent(new CustomEvent("wijwerken:verbroken"));
    }
    lockFields();
    setBanner(true);
  }

  // Is the kernel still there? (See the comment at the top: an API shutdown is not told over the websocket.)
  function checkKernel(kernel) {
    if (kernelLost || unloading || kernel.isDisposed || !allowed) {
      return;
    }
    var url = kernel.serverSettings.baseUrl + "api/kernels/" + encodeURIComponent(kernel.id);
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = window.setTimeout(function () { if (controller) { controller.abort(); } }, CHECK_TIMEOUT_MS);
    // As Voilà's own requests: the server's token if there is one, and the _xsrf cookie echoed in a header (JupyterHub
    // takes a cookie-authenticated API request only with it).
    var token = kernel.serverSettings.token;
    var xsrf = (document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/) || [])[1];
    var headers = {};
    if (token) {
      headers.Authorization = "token " + token;
    }
    if (xsrf) {
      headers["X-XSRFToken"] = decodeURIComponent(xsrf);
    }
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: headers,
                 signal: controller ? controller.signal : undefined })
      .then(function (response) {
        if (response.status === 404) {
          loseKernel();
          return null;
        }
        if (response.status === 401 || response.status === 403) {
          allowed = false;  // this server does not let the page ask (e.g. a token): rely on the signals only
          return null;
        }
        if (!response.ok) {
          throw new Error("kernel check: HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (model) {
        if (model && model.execution_state === "dead") {
          loseKernel();
        } else if (model) {
          failures = 0;
          slow = 0;
        }
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") {
          slow += 1;
        } else {
          failures += 1;
        }
        if (failures >= CHECK_FAILURES || slow >= CHECK_SLOW) {
          loseKernel();
        }
      })
      .then(function () {
        window.clearTimeout(timeout);
        window.setTimeout(function () { checkKernel(kernel); }, document.hidden ? HIDDEN_CHECK_MS : CHECK_MS);
      });
  }

  function onConnectionStatus(status) {
    if (graceTimer !== null) {
      window.clearTimeout(graceTimer);
      graceTimer = null;
    }
    if (status === "connected") {
      if (!kernelLost) {
        setBanner(false);
      }
    } else if (status === "connecting") {
      // A short network hiccup reconnects by itself; only warn when it lasts.
      graceTimer = window.setTimeout(function () { setBanner(true); }, RECONNECT_GRACE_MS);
    } else if (status === "disconnected") {
      loseKernel();
    }
  }

  function onKernelStatus(status) {
    // After "autorestarting" the server runs a fresh kernel: the page's widgets are gone either way.
    if (status === "dead" || status === "autorestarting" || status === "restarting") {
      loseKernel();
    }
  }

  function watch(kernel) {
    window.wijwerkenKernel = kernel;
    kernel.statusChanged.connect(function (_sender, status) { onKernelStatus(status); });
    kernel.connectionStatusChanged.connect(function (_sender, status) { onConnectionStatus(status); });
    kernel.disposed.connect(function () { loseKernel(); });
    onKernelStatus(kernel.status);
    onConnectionStatus(kernel.connectionStatus);
    window.setTimeout(function () { checkKernel(kernel); }, CHECK_MS);
  }

  function waitForApp(deadline) {
    return new Promise(function (resolve, reject) {
      (function poll() {
        if (window.jupyterapp) {
          resolve(window.jupyterapp);
        } else if (Date.now() > deadline) {
          reject(new Error("Voilà front end did not start"));
        } else {
          window.setTimeout(poll, 100);
        }
      })();
    });
  }

  // A kernel that dies while starting (e.g. jupyter_client#487) leaves Voilà's loading screen up for ever.
  var LOADING_LIMIT_MS = 90000;
  window.setTimeout(function () {
    var loading = document.getElementById("loading");
    var text = document.getElementById("loading_text");
    if (loading && text && !unloading) {
      text.textContent = "Het laden duurt veel langer dan normaal. Herlaad de pagina; lukt het dan nog niet, " +
        "meld het bij je trainer.";
      var again = document.createElement("button");
      again.type = "button";
      again.className = "wijwerken-herlaad";
      again.textContent = "Pagina herladen";
      again.addEventListener("click", function () { window.location.reload(); });
      loading.appendChild(again);
    }
  }, LOADING_LIMIT_MS);

  function noMaths(manager) {
    var registry = manager && manager._rendermime;
    if (registry) {
      Object.defineProperty(registry, "latexTypesetter", { get: function () { return null; }, configurable: true });
    }
  }

  window.addEventListener("load", function () {
    waitForApp(Date.now() + APP_WAIT_MS)
      .then(function (app) { return app.widgetManagerPromise.promise; })
      .then(function (manager) {
        noMaths(manager);
        if (manager && manager.kernel) {
          watch(manager.kernel);
        }
      })
      .catch(function (err) {
        console.error("wijwerken: cannot watch the kernel connection", err);
      });
  });
})();
