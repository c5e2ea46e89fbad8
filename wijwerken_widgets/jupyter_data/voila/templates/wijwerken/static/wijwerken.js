/*
 * wijwerken: show a Dutch banner (#wijwerken-verbinding) when the page loses its kernel.
 *
 * Voilà 0.5.13 sets `window.jupyterapp` once its front end has started; the app's widget manager
 * (`jupyterapp.widgetManagerPromise`) holds the page's KernelConnection from @jupyterlab/services, whose
 * `statusChanged` ("dead", "autorestarting" …) and `connectionStatusChanged` ("connected", "connecting",
 * "disconnected") signals tell us when the kernel died or the websocket to the server is gone.
 */
(function () {
  "use strict";

  var BANNER_ID = "wijwerken-verbinding";
  var RECONNECT_GRACE_MS = 3000;
  var APP_WAIT_MS = 120000;
  var unloading = false;
  var kernelLost = false;
  var graceTimer = null;

  // Registered before Voilà's own beforeunload handler (which disposes the connection), so a reload or
  // closing the tab does not flash the banner.
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

  function loseKernel() {
    kernelLost = true;
    setBanner(true);
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
    kernel.statusChanged.connect(function (_sender, status) { onKernelStatus(status); });
    kernel.connectionStatusChanged.connect(function (_sender, status) { onConnectionStatus(status); });
    kernel.disposed.connect(function () { loseKernel(); });
    onKernelStatus(kernel.status);
    onConnectionStatus(kernel.connectionStatus);
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

  window.addEventListener("load", function () {
    waitForApp(Date.now() + APP_WAIT_MS)
      .then(function (app) { return app.widgetManagerPromise.promise; })
      .then(function (manager) {
        if (manager && manager.kernel) {
          watch(manager.kernel);
        }
      })
      .catch(function (err) {
        console.error("wijwerken: cannot watch the kernel connection", err);
      });
  });
})();
