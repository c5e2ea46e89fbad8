/*
 * wijwerken: accessible names, states and live regions that ipywidgets 8 does not give its widgets by itself
 * (WCAG 2.1: 1.3.1, 4.1.2, 4.1.3). The kernel cannot set attributes on a widget's elements, only CSS classes, so
 * this script fixes them up after ipywidgets drew them, and again whenever it redraws (a MutationObserver).
 *
 * - A visible field label (`<label class="ww-label">`, the last in its HTML widget; `ui/blocks.py` `labelled`)
 *   names the control of the widget right after it (select, text field, slider, toggle group) with
 *   `aria-labelledby`, unless that control has a description label of its own.
 * - A slider's handle (`role=slider`, drawn by noUiSlider) and its typable number are named by the slider's
 *   description label.
 * - A ToggleButtons group is a `role=group` named by its description label; every toggle button says whether it is
 *   chosen (`aria-pressed`, kept in step with ipywidgets' `mod-active` class). RadioButtons: `role=radiogroup`.
 * - Save status lines (`.ww-save-status`) and a form's feedback line (`.ww-feedback`) are polite live regions
 *   (`role=status`), so a screen reader says "Opgeslagen 14:03"; a notice box is a status, or an alert when it
 *   reports an error.
 */
(function () {
  "use strict";

  var CONTROLS = "select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), [role=slider]";
  var LIVE = "[role=status], [role=alert], [aria-live]";
  var MARK = "data-ww-labelled";  // aria-labelledby set by this script (so it may be set again)
  var count = 0;

  function idOf(el) {
    if (!el.id) {
      count += 1;
      el.id = "ww-a11y-" + count;
    }
    return el.id;
  }

  // Only write what changed: every write is a DOM mutation that observers (and tests waiting for a quiet page) see.
  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  }

  function each(root, selector, fn) {
    var found = root.querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) {
      fn(found[i]);
    }
  }

  // The widget's own description label (ipywidgets hides it when the description is empty).
  function descriptionLabel(widget) {
    var label = widget.querySelector(":scope > label.widget-label");
    return label && label.textContent.trim() && label.style.display !== "none" ? label : null;
  }

  function nameFrom(el, label) {
    setAttr(el, "aria-labelledby", idOf(label));
    setAttr(el, MARK, "");
  }

  // What a label above a widget names: its toggle or radio group, else its first form control.
  function controlOf(widget) {
    if (descriptionLabel(widget)) {
      return null;
    }
    if (widget.classList.contains("widget-toggle-buttons")) {
      return widget.querySelector(":scope > div");
    }
    if (widget.classList.contains("widget-radio")) {
      return widget.querySelector(".widget-radio-box");
    }
    return widget.querySelector(CONTROLS);
  }

  function linkFieldLabels(root) {
    each(root, ".widget-html label.ww-label", function (label) {
      var html = label.closest(".widget-html");
      var labels = html.querySelectorAll("label.ww-label");
      var next = html.nextElementSibling;
      var control = labels[labels.length - 1] === label && next ? controlOf(next) : null;
      if (!control || (control.hasAttribute("aria-labelledby") && !control.hasAttribute(MARK))) {
        return;
      }
      if (!control.hasAttribute(MARK) && control.hasAttribute("aria-label")) {
        return;
      }
      nameFrom(control, label);
    });
  }

  function nameSliders(root) {
    each(root, ".widget-slider", function (widget) {
      var label = descriptionLabel(widget);
      if (label) {
        each(widget, "[role=slider]", function (handle) { nameFrom(handle, label); });
        // The number beside it can be typed in (contenteditable): a text field with the same name.
        each(widget, ".widget-readout[contenteditable=true]", function (readout) {
          setAttr(readout, "role", "textbox");
          nameFrom(readout, label);
        });
      }
    });
  }

  function toggleStates(root) {
    each(root, ".widget-toggle-buttons", function (widget) {
      var group = widget.querySelector(":scope > div");
      var label = descriptionLabel(widget);
      if (group) {
        setAttr(group, "role", "group");
        if (label) {
          nameFrom(group, label);
        }
      }
    });
    each(root, "button.widget-toggle-button", function (button) {
      setAttr(button, "aria-pressed", button.classList.contains("mod-active") ? "true" : "false");
    });
    each(root, ".widget-radio", function (widget) {
      var box = widget.querySelector(".widget-radio-box");
      var label = descriptionLabel(widget);
      if (box) {
        setAttr(box, "role", "radiogroup");
        if (label) {
          nameFrom(box, label);
        }
      }
    });
  }

  function liveRegions(root) {
    each(root, ".ww-save-status, .ww-feedback", function (el) {
      setAttr(el, "role", "status");
      setAttr(el, "aria-live", "polite");
    });
    each(root, ".ww-notice-widget, .ww-notice", function (el) {
      if (el.parentElement && el.parentElement.closest(LIVE)) {
        return;  // inside a live region already (a feedback line)
      }
      var error = el.matches(".ww-notice-error") || el.querySelector(".ww-notice-error") !== null;
      setAttr(el, "role", error ? "alert" : "status");
    });
  }

  function fix() {
    var root = document.body;
    linkFieldLabels(root);
    nameSliders(root);
    toggleStates(root);
    liveRegions(root);
  }

  // Only structure and classes matter (ipywidgets marks the chosen toggle with a class); the attributes written
  // here are not observed, so fixing never triggers itself.
  new MutationObserver(fix).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["class", "style"],
  });
  fix();
})();
