/*
 * Portail CMQ — progressive enhancements, no dependencies.
 *
 *  - #error-summary: focused on load; its links move focus to the field in error.
 *  - <form data-autosave="KEY">: draft kept in localStorage under "cmq-draft:KEY".
 *    Fields with data-autosave-ignore, passwords, hidden and file inputs are never stored.
 *  - <div data-job-status-url="…">: polls a background job every second and updates the
 *    <progress>, [data-job-text], [data-job-download] and [data-job-error] inside it.
 *  - <button data-confirm="Message"> (or <a>, <input type="submit">): asks before acting.
 *  - <a href="…" data-post-form="ID">: the link's address is POSTed through the form #ID (which
 *    carries the CSRF token): an action offered as a link. Without script, the GET shows a
 *    page with the button to confirm it.
 */
(function () {
  "use strict";

  var DRAFT_PREFIX = "cmq-draft:";
  var SUBMITTED_KEY = "cmq-draft-submitted";
  var AUTOSAVE_DELAY = 500;
  var POLL_INTERVAL = 1000;
  var MAX_POLL_FAILURES = 5;

  /* ------------------------------------------------------------ Helpers */

  function getStorage(name) {
    try {
      var storage = window[name];
      var probe = "__cmq_probe__";
      storage.setItem(probe, probe);
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  var local = getStorage("localStorage");
  var session = getStorage("sessionStorage");

  function readJSON(storage, key) {
    if (!storage) return null;
    try {
      var raw = storage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (error) {
      return null;
    }
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    try {
      return date.toLocaleString("fr-FR", { dateStyle: "long", timeStyle: "short" });
    } catch (error) {
      return date.toLocaleString("fr-FR");
    }
  }

  function makeButton(label, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    return button;
  }

  /* ------------------------------------------------- (a) Error summary */

  function initErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();

    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = document.getElementById(id);
      if (!target) return;
      // A group container (radios, checkboxes): focus its first input.
      if (!target.matches("input, select, textarea, button, [tabindex]")) {
        target = target.querySelector("input, select, textarea, button") || target;
      }
      event.preventDefault();
      var wrapper = target.closest(".field, fieldset") || target;
      wrapper.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  }

  /* ---------------------------------------------- (b) Draft autosave */

  var TEXT_TYPES = [
    "text", "email", "url", "tel", "number", "search", "date", "datetime-local",
    "month", "week", "time", "color", "range"
  ];

  function isSavable(element) {
    if (!element.name || element.disabled) return false;
    if (element.name === "csrfmiddlewaretoken") return false;
    if (element.hasAttribute("data-autosave-ignore")) return false;
    if (element.closest("[data-autosave-ignore]")) return false;
    var tag = element.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    var type = (element.getAttribute("type") || "text").toLowerCase();
    if (type === "checkbox" || type === "radio") return true;
    return TEXT_TYPES.indexOf(type) !== -1;
  }

  function savableElements(form) {
    return Array.prototype.filter.call(form.elements, isSavable);
  }

  /* Values by field name, each a list: the text of text fields (in document order),
     the selected options of selects, the values of checked boxes/radios. */
  function collect(form) {
    var values = {};
    savableElements(form).forEach(function (element) {
      var list = values[element.name] || (values[element.name] = []);
      var type = (element.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        if (element.checked) list.push(element.value);
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.options, function (option) {
          if (option.selected) list.push(option.value);
        });
      } else {
        list.push(element.value);
      }
    });
    return values;
  }

  function sameValues(a, b) {
    return a.length === b.length && a.every(function (value, index) {
      return value === b[index];
    });
  }

  function differs(draftFields, currentFields) {
    return Object.keys(draftFields).some(function (name) {
      if (!Object.prototype.hasOwnProperty.call(currentFields, name)) return false;
      return !sameValues(draftFields[name], currentFields[name]);
    });
  }

  function apply(form, fields) {
    var textIndex = {};
    savableElements(form).forEach(function (element) {
      if (!Object.prototype.hasOwnProperty.call(fields, element.name)) return;
      var values = fields[element.name];
      var type = (element.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        var before = element.checked;
        element.checked = values.indexOf(element.value) !== -1;
        if (before !== element.checked) {
          element.dispatchEvent(new Event("change", { bubbles: true }));
        }
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
        element.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        var index = textIndex[element.name] || 0;
        textIndex[element.name] = index + 1;
        if (index < values.length && element.value !== values[index]) {
          element.value = values[index];
          element.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    });
  }

  /* A form submitted on the previous page: if the server answered without an error summary
     (i.e. it accepted the data and redirected), the draft is no longer needed. */
  function clearSubmittedDraft() {
    if (!session) return;
    var key = session.getItem(SUBMITTED_KEY);
    if (key === null) return;
    session.removeItem(SUBMITTED_KEY);
    if (!document.getElementById("error-summary") && local) {
      local.removeItem(DRAFT_PREFIX + key);
    }
  }

  function initAutosave(form) {
    var key = form.getAttribute("data-autosave");
    if (!key || !local) return;
    var storageKey = DRAFT_PREFIX + key;
    var timer = null;
    var pending = null; // { draft, notice, edited } while the notice awaits an answer

    function save() {
      timer = null;
      try {
        local.setItem(storageKey, JSON.stringify({
          savedAt: new Date().toISOString(),
          page: window.location.pathname,
          fields: collect(form)
        }));
      } catch (error) {
        /* Storage full or unavailable: autosave is a convenience, never an obstacle. */
      }
    }

    function schedule(event) {
      if (event && event.target && !isSavable(event.target)) return;
      if (pending) pending.edited = true;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, AUTOSAVE_DELAY);
    }

    function flush() {
      if (timer) {
        window.clearTimeout(timer);
        save();
      }
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function () {
      flush();
      if (session) {
        try {
          session.setItem(SUBMITTED_KEY, key);
        } catch (error) {
          /* ignore */
        }
      }
    });
    window.addEventListener("pagehide", flush);

    var draft = readJSON(local, storageKey);
    if (!draft || !draft.fields || typeof draft.fields !== "object") return;
    if (!differs(draft.fields, collect(form))) return;

    var notice = document.createElement("div");
    notice.className = "message message--info draft-notice";
    notice.setAttribute("role", "status");

    var text = document.createElement("p");
    var when = draft.savedAt ? formatDate(draft.savedAt) : "";
    text.textContent = when
      ? "Un brouillon non enregistré du " + when + " a été retrouvé."
      : "Un brouillon non enregistré a été retrouvé.";

    var actions = document.createElement("div");
    actions.className = "toolbar";
    var restore = makeButton("Restaurer le brouillon", "button button--small");
    var ignore = makeButton("Ignorer", "button button--secondary button--small");
    actions.appendChild(restore);
    actions.appendChild(ignore);
    notice.appendChild(text);
    notice.appendChild(actions);
    form.parentNode.insertBefore(notice, form);

    pending = { draft: draft, notice: notice, edited: false };

    restore.addEventListener("click", function () {
      var saved = pending.draft;
      pending = null;
      apply(form, saved.fields);
      save();
      actions.remove();
      text.textContent = "Le brouillon a été restauré. Pensez à enregistrer le formulaire.";
      notice.setAttribute("tabindex", "-1");
      notice.focus();
    });

    ignore.addEventListener("click", function () {
      // If the user has typed since, the stored draft is now their current work: keep it.
      if (!pending.edited) local.removeItem(storageKey);
      pending = null;
      notice.remove();
      var first = savableElements(form).filter(function (element) {
        return element.type !== "hidden";
      })[0];
      if (first) first.focus();
    });
  }

  /* ------------------------------------------------ (c) Job polling */

  function formatPercent(percent) {
    return Math.round(percent) + "\u00a0%";
  }

  function initJob(container) {
    var url = container.getAttribute("data-job-status-url");
    if (!url) return;
    var progress = container.querySelector("progress");
    var text = container.querySelector("[data-job-text]");
    var download = container.querySelector("[data-job-download]");
    var errorBox = container.querySelector("[data-job-error]");
    var failures = 0;
    var lastStatus = null;
    var lastBucket = -1;

    if (text && !text.hasAttribute("aria-live")) text.setAttribute("aria-live", "polite");
    if (download && !download.getAttribute("href")) download.hidden = true;

    function setText(message) {
      if (text && text.textContent !== message) text.textContent = message;
    }

    function showError(message) {
      container.classList.add("job-status--failed");
      if (errorBox) {
        errorBox.textContent = message;
        errorBox.hidden = false;
        setText("La tâche a échoué.");
      } else {
        setText("Échec : " + message);
      }
    }

    function update(data) {
      var status = data.status;
      var percent = Number(data.percent);
      if (!isFinite(percent) && data.total) {
        percent = (100 * Number(data.progress || 0)) / Number(data.total);
      }
      if (isFinite(percent)) percent = Math.max(0, Math.min(100, percent));

      if (progress) {
        progress.max = 100;
        if (status === "done") {
          progress.value = 100;
        } else if (isFinite(percent) && (status === "running" || percent > 0)) {
          progress.value = percent;
        } else if (status === "pending") {
          progress.removeAttribute("value"); // indeterminate
        }
        progress.textContent = isFinite(percent) ? formatPercent(percent) : "";
      }

      if (status === "done") {
        container.classList.remove("job-status--running");
        container.classList.add("job-status--done");
        if (download && data.download_url) {
          download.href = data.download_url;
          download.hidden = false;
          setText("Terminé : le fichier est prêt.");
        } else {
          setText("Terminé.");
        }
        return true;
      }
      if (status === "failed") {
        container.classList.remove("job-status--running");
        showError(data.error || "une erreur inattendue est survenue.");
        return true;
      }

      container.classList.toggle("job-status--running", status === "running");
      // Rewrite the (live) text only on a change of status or of 10 % step, so that
      // screen readers are not flooded with one announcement per second.
      var bucket = isFinite(percent) ? Math.floor(percent / 10) : -1;
      if (status !== lastStatus || bucket !== lastBucket) {
        if (status === "running") {
          var message = "En cours : " + (isFinite(percent) ? formatPercent(percent) : "…");
          if (data.total) {
            message += " (" + (data.progress || 0) + " sur " + data.total + ")";
          }
          setText(message);
        } else {
          setText("En attente de traitement…");
        }
      }
      lastStatus = status;
      lastBucket = bucket;
      return false;
    }

    function poll() {
      fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store"
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          if (!update(data || {})) window.setTimeout(poll, POLL_INTERVAL);
        })
        .catch(function () {
          failures += 1;
          if (failures >= MAX_POLL_FAILURES) {
            showError("impossible de connaître l'état de la tâche. Rechargez la page.");
          } else {
            window.setTimeout(poll, POLL_INTERVAL * (failures + 1));
          }
        });
    }

    poll();
  }

  /* --------------------------------------------------- (d) Confirmation */

  function initConfirm() {
    document.addEventListener("click", function (event) {
      var trigger = event.target.closest("[data-confirm]");
      if (!trigger || trigger.tagName === "FORM") return;
      if (!window.confirm(trigger.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true);
  }

  /* -------------------------------------------------- (e) POSTing links */

  function initPostLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-post-form]");
      if (!link || event.defaultPrevented) return;
      var form = document.getElementById(link.getAttribute("data-post-form"));
      if (!form) return;
      event.preventDefault();
      form.action = link.href;
      form.submit();
    });
  }

  /* ------------------------------------------------------------ Start */

  function init() {
    clearSubmittedDraft();
    initErrorSummary();
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), initAutosave);
    Array.prototype.forEach.call(document.querySelectorAll("[data-job-status-url]"), initJob);
  }

  initConfirm();
  initPostLinks();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
