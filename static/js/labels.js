/*
 * Portail CMQ — the labelling's pages, no dependencies.
 *
 *  - <form data-label-autosave> (a criterion's presentation): the form is saved to its own
 *    URL (asking for JSON) a few seconds after the user stops typing, and when the page is
 *    hidden. The answer carries the new version, written back into the form so that the next
 *    save starts from it. A 409 (someone else saved a newer version) stops the autosave and
 *    says so: the text typed stays in the page, and in the browser's draft (portal.js
 *    data-autosave), until the user reloads or saves over it on purpose.
 */
(function () {
  "use strict";

  var SAVE_DELAY = 3000; // ms after the last keystroke

  function initAutosave(form) {
    var status = form.querySelector("[data-autosave-status]");
    var version = form.querySelector("input[name='version']");
    var timer = null;
    var blocked = false;
    var dirty = false;

    function say(text, isError) {
      if (!status) return;
      status.textContent = text;
      status.className = isError ? "field-error" : "help";
    }

    function save() {
      timer = null;
      if (blocked || !dirty) return;
      dirty = false;
      var body = new FormData(form);
      say("Enregistrement…");
      fetch(form.action || window.location.href, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { status: response.status, data: data };
          });
        })
        .then(function (result) {
          if (result.status === 200) {
            if (version) version.value = result.data.version;
            var now = new Date();
            say(
              "Enregistré automatiquement à " +
                now.toLocaleTimeString("fr-FR") +
                " (version " + result.data.version + ")."
            );
          } else if (result.status === 409 || result.status === 403) {
            blocked = true;
            say(result.data.error + " L'enregistrement automatique est arrêté ; votre texte reste dans cette page.", true);
          } else {
            var errors = result.data.errors || {};
            var messages = [];
            Object.keys(errors).forEach(function (name) {
              messages = messages.concat(errors[name]);
            });
            say(messages.join(" ") || "Enregistrement impossible.", true);
          }
        })
        .catch(function () {
          dirty = true; // offline: the browser's draft keeps the text; try again later
          say("Pas de connexion : votre texte est conservé dans ce navigateur, nouvel essai bientôt.", true);
          timer = window.setTimeout(save, SAVE_DELAY * 5);
        });
    }

    form.addEventListener("input", function () {
      dirty = true;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
    form.setAttribute("data-label-autosave-ready", ""); // listening from now on
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-label-autosave]"), initAutosave);
  });
})();
