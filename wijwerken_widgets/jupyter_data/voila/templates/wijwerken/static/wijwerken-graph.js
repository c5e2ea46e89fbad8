/*
 * wijwerken: carry node positions that a participant dragged in a stakeholder graph back to the kernel.
 *
 * A graph is drawn by vis-network inside a sandboxed iframe (no same-origin access). After a drag it posts
 * {type: "wijwerken-positions", positions: {id: {x, y}}} to this page. Only messages from one of this page's own
 * graph iframes (a `.ww-graph` box) are taken; the positions are typed into that box's hidden text widget
 * (`.ww-graph-positions`), which ipywidgets syncs to the kernel like any typing. The kernel validates them.
 */
(function () {
  "use strict";

  var MAX_LENGTH = 500000;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "wijwerken-positions" || typeof data.positions !== "object") {
      return;
    }
    var frames = document.querySelectorAll(".ww-graph iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) {
        continue;
      }
      var box = frames[i].closest(".ww-graph");
      var input = box && box.querySelector(".ww-graph-positions input");
      var text = JSON.stringify(data.positions);
      if (input && text.length <= MAX_LENGTH) {
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      return;
    }
  });
})();
