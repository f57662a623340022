/*
 * Portail CMQ — the annual follow-up's pages, no dependencies.
 *
 *  - <form data-ft-editor> (a section of a sheet, with #ft-config): tables whose rows are
 *    added and removed in place; the section is saved as JSON to its draft endpoint a few
 *    seconds after typing, when the user leaves the section and when the page is hidden; it
 *    is also kept in localStorage ("cmq-followup:<sheet>:<section>") until the server has it,
 *    so that a reload or a lost connection never loses what was typed (restored on the next
 *    visit when newer than the server's version, with a notice). Errors come back per key
 *    ("field" or "table.index.column") and are shown next to each field or cell; a stale
 *    version (409) stops the autosave and keeps the input, with a clear message.
 *  - <form data-ft-campaign-form>: the default deadline follows the year typed.
 *  - <a data-ft-comment-on="N">: chooses section N in the comment form and focuses it.
 */
(function () {
  "use strict";

  var SAVE_DELAY = 2000; // ms after the last keystroke
  var MAX_WAIT = 10000; // ms at most between two saves while typing without a pause
  var BACKUP_DELAY = 250; // ms before the local copy is written
  var LEAVE_TIMEOUT = 5000; // ms the page waits for the save before leaving the section
  var RETRY_DELAYS = [3000, 6000, 15000, 30000, 60000];
  var PREFILLED_LABEL = "repris de la fiche N-1";

  function getStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem("__cmq_probe__", "1");
      storage.removeItem("__cmq_probe__");
      return storage;
    } catch (error) {
      return null;
    }
  }

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function clock(date) {
    return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    return pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + date.getFullYear() +
      " à " + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function plural(count, one, many) {
    return count + " " + (count > 1 ? many : one);
  }

  /* A canonical text of a section's data, to compare two versions whatever the types
     (true / "true") and the order of the keys; blank rows do not count. */
  function canon(data) {
    function text(value) {
      if (value === null || value === undefined) return "";
      if (value === true) return "true";
      if (value === false) return "false";
      if (Array.isArray(value)) return "[" + value.map(text).join("|") + "]";
      if (typeof value === "object") return JSON.stringify(value);
      return String(value).trim();
    }
    function isBlankRow(row) {
      return !Object.keys(row).some(function (key) {
        return key !== "prefilled" && text(row[key]) !== "";
      });
    }
    var out = {};
    Object.keys(data || {}).sort().forEach(function (key) {
      var value = data[key];
      if (Array.isArray(value) && value.length && typeof value[0] === "object" && value[0] !== null) {
        out[key] = value.filter(function (row) {
          return row && typeof row === "object" && !isBlankRow(row);
        }).map(function (row) {
          return Object.keys(row).sort().map(function (column) {
            return column + "=" + (column === "prefilled" ? (row[column] ? "1" : "") : text(row[column]));
          }).join(";");
        });
      } else if (Array.isArray(value)) {
        out[key] = value.map(text);
        while (out[key].length && out[key][out[key].length - 1] === "") out[key].pop();
      } else {
        out[key] = text(value);
      }
      if ((Array.isArray(out[key]) && !out[key].length) || out[key] === "") delete out[key];
    });
    return JSON.stringify(out);
  }

  /* ------------------------------------------------------------ The section editor */

  function initEditor(form) {
    var configElement = document.getElementById("ft-config");
    if (!configElement) return;
    var config = JSON.parse(configElement.textContent);
    var local = getStorage();
    var storageKey = config.storageKey;
    var version = config.version;
    var conflictVersion = null;
    var statusElement = form.querySelector("[data-ft-status]");
    var versionInput = form.querySelector("[data-ft-version]");
    var conflictBox = document.querySelector("[data-ft-conflict]");
    var noticeBox = document.querySelector("[data-ft-notice]");
    var summary = document.querySelector("[data-ft-summary]");
    var csrfInput = form.querySelector("[name=csrfmiddlewaretoken]");

    var dirty = false; // typed since the last answer of the server
    var blocked = false; // a conflict (or a locked sheet): no autosave until the user decides
    var inflight = null;
    var again = false;
    var saveTimer = null;
    var backupTimer = null;
    var retryTimer = null;
    var retries = 0;
    var firstChangeAt = 0;
    var unconfirmed = null; // data sent whose answer never came

    /* ---------------------------------------------------------- status line */

    function setStatus(kind, message) {
      if (!statusElement) return;
      statusElement.className = "ft-save-status ft-save-status--" + kind;
      statusElement.textContent = message;
    }

    function showNotice(message, actions) {
      if (!noticeBox) return;
      noticeBox.textContent = "";
      var paragraph = document.createElement("p");
      paragraph.textContent = message;
      noticeBox.appendChild(paragraph);
      if (actions && actions.length) {
        var bar = document.createElement("div");
        bar.className = "toolbar";
        actions.forEach(function (action) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "button button--small" + (action.secondary ? " button--secondary" : "");
          button.textContent = action.label;
          button.addEventListener("click", function () {
            noticeBox.hidden = true;
            action.run();
          });
          bar.appendChild(button);
        });
        noticeBox.appendChild(bar);
      }
      noticeBox.hidden = false;
    }

    /* ---------------------------------------------------------- rows in place */

    function tableOf(key) {
      return form.querySelector('[data-ft-table="' + key + '"]');
    }

    function renumber(table) {
      var key = table.getAttribute("data-ft-table");
      each(table.querySelectorAll("tbody [data-ft-row]"), function (row, index) {
        each(row.querySelectorAll("[data-ft-col]"), function (control) {
          var column = control.getAttribute("data-ft-col");
          control.name = key + "." + index + "." + column;
          if (column === "prefilled") return;
          control.id = "ft-" + key + "-" + index + "-" + column;
          var cell = control.closest("td");
          cell.setAttribute("data-ft-wrap", control.name);
          var label = cell.querySelector("label[data-ft-label]");
          if (label) {
            label.htmlFor = control.id;
            label.textContent = label.getAttribute("data-ft-label") + ", ligne " + (index + 1);
          }
          var error = cell.querySelector("[data-ft-error]");
          if (error) {
            error.id = control.id + "_error";
            error.setAttribute("data-ft-error", control.name);
            control.setAttribute("aria-describedby", error.id);
          }
        });
        var number = row.querySelector("[data-ft-rownum]");
        if (number) number.textContent = " la ligne " + (index + 1);
      });
    }

    function markPrefilled(row) {
      if (row.querySelector('[data-ft-col="prefilled"]')) return;
      row.classList.add("ft-row--prefilled");
      var cell = row.querySelector("td.actions");
      var input = document.createElement("input");
      input.type = "hidden";
      input.value = "true";
      input.setAttribute("data-ft-col", "prefilled");
      var badge = document.createElement("span");
      badge.className = "badge badge--prefiguration ft-prefilled";
      badge.textContent = PREFILLED_LABEL;
      cell.insertBefore(badge, cell.firstChild);
      cell.insertBefore(input, cell.firstChild);
    }

    function bindRow(row) {
      var remove = row.querySelector("[data-ft-remove]");
      if (!remove || remove.getAttribute("data-ft-bound")) return;
      remove.setAttribute("data-ft-bound", "1");
      remove.hidden = false;
      remove.addEventListener("click", function () {
        var table = row.closest("[data-ft-table]");
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber(table);
        changed();
        var target = next && next.querySelector("input:not([type=hidden]), select, textarea");
        if (target) {
          target.focus();
        } else {
          var add = table.closest("fieldset").querySelector("[data-ft-add]");
          if (add) add.focus();
        }
      });
    }

    function setControl(control, value) {
      if (control.tagName === "SELECT" && value !== "" && value !== null && value !== undefined) {
        var wanted = value === true ? "true" : value === false ? "false" : String(value);
        var found = Array.prototype.some.call(control.options, function (option) {
          return option.value === wanted;
        });
        if (!found) {
          var option = document.createElement("option");
          option.value = wanted;
          option.textContent = wanted + " (valeur inconnue)";
          control.appendChild(option);
        }
        control.value = wanted;
      } else {
        control.value = value === null || value === undefined ? "" :
          value === true ? "true" : value === false ? "false" : String(value);
      }
    }

    function addRow(key, values, focus) {
      var table = tableOf(key);
      var template = form.querySelector('template[data-ft-template="' + key + '"]');
      if (!table || !template) return null;
      var body = table.querySelector("[data-ft-rows]");
      var row = template.content.querySelector("tr").cloneNode(true);
      body.appendChild(row);
      if (values) {
        each(row.querySelectorAll("[data-ft-col]"), function (control) {
          setControl(control, values[control.getAttribute("data-ft-col")]);
        });
        if (values.prefilled) markPrefilled(row);
      }
      bindRow(row);
      renumber(table);
      if (focus) {
        var first = row.querySelector("input:not([type=hidden]), select, textarea");
        if (first) first.focus();
      }
      return row;
    }

    /* ---------------------------------------------------------- data in and out */

    function serialize() {
      var data = {};
      var rows = {};
      each(form.querySelectorAll("[data-ft-field]"), function (control) {
        var key = control.getAttribute("data-ft-field");
        if (control.type === "radio") {
          if (!(key in data)) data[key] = "";
          if (control.checked) data[key] = control.value;
        } else {
          data[key] = control.value;
        }
      });
      each(form.querySelectorAll("[data-ft-three]"), function (control) {
        var key = control.getAttribute("data-ft-three");
        (data[key] = data[key] || []).push(control.value);
      });
      each(form.querySelectorAll("[data-ft-table]"), function (table) {
        var key = table.getAttribute("data-ft-table");
        data[key] = [];
        rows[key] = [];
        each(table.querySelectorAll("tbody [data-ft-row]"), function (row) {
          var values = {};
          var blank = true;
          each(row.querySelectorAll("[data-ft-col]"), function (control) {
            var column = control.getAttribute("data-ft-col");
            if (column === "prefilled") {
              values.prefilled = true;
            } else {
              values[column] = control.value;
              if (String(control.value).trim() !== "") blank = false;
            }
          });
          if (blank) return; // a row with nothing typed is not sent
          data[key].push(values);
          rows[key].push(row);
        });
      });
      return { data: data, rows: rows };
    }

    function fill(data) {
      data = data || {};
      each(form.querySelectorAll("[data-ft-field]"), function (control) {
        var key = control.getAttribute("data-ft-field");
        var value = data[key];
        if (control.type === "radio") {
          var text = value === true ? "true" : value === false ? "false" : String(value || "");
          control.checked = control.value === text;
        } else {
          setControl(control, value);
        }
      });
      var positions = {};
      each(form.querySelectorAll("[data-ft-three]"), function (control) {
        var key = control.getAttribute("data-ft-three");
        var index = positions[key] || 0;
        positions[key] = index + 1;
        var list = Array.isArray(data[key]) ? data[key] : [];
        control.value = list[index] === undefined || list[index] === null ? "" : String(list[index]);
      });
      each(form.querySelectorAll("[data-ft-table]"), function (table) {
        var key = table.getAttribute("data-ft-table");
        each(table.querySelectorAll("tbody [data-ft-row]"), function (row) { row.remove(); });
        (Array.isArray(data[key]) ? data[key] : []).forEach(function (values) {
          if (values && typeof values === "object") addRow(key, values, false);
        });
        renumber(table);
      });
    }

    /* ---------------------------------------------------------- errors */

    function titleOf(element) {
      var wrap = element && element.closest("[data-ft-title]");
      return wrap ? wrap.getAttribute("data-ft-title") : "";
    }

    function clearErrors() {
      each(form.querySelectorAll("[data-ft-error]"), function (paragraph) {
        paragraph.hidden = true;
        var text = paragraph.querySelector("[data-ft-error-text]");
        if (text) text.textContent = "";
      });
      each(form.querySelectorAll(".field--error"), function (element) {
        element.classList.remove("field--error");
      });
      each(form.querySelectorAll("[aria-invalid]"), function (element) {
        element.removeAttribute("aria-invalid");
      });
    }

    function showErrors(errors, rows) {
      clearErrors();
      var items = [];
      Object.keys(errors || {}).forEach(function (key) {
        var messages = [].concat(errors[key]).join(" ");
        var parts = key.split(".");
        var paragraph = null;
        var control = null;
        var wrap = null;
        var label = "";
        if (parts.length === 3) {
          var row = (rows[parts[0]] || [])[parseInt(parts[1], 10)];
          control = row && row.querySelector('[data-ft-col="' + parts[2] + '"]');
          wrap = control && control.closest("td");
          paragraph = wrap && wrap.querySelector("[data-ft-error]");
          var cellLabel = wrap && wrap.querySelector("label[data-ft-label]");
          label = titleOf(wrap) + ", " + (cellLabel ? cellLabel.textContent : "");
          if (row) row.classList.add("field--error");
        } else {
          wrap = form.querySelector('[data-ft-wrap="' + key + '"]');
          paragraph = wrap && wrap.querySelector('[data-ft-error="' + key + '"]');
          control = wrap && wrap.querySelector("input:not([type=hidden]), select, textarea");
          label = titleOf(wrap);
        }
        if (paragraph) {
          paragraph.querySelector("[data-ft-error-text]").textContent = messages;
          paragraph.hidden = false;
        }
        if (wrap) wrap.classList.add("field--error");
        var boxes = wrap && parts.length !== 3 ? wrap.querySelectorAll("[data-ft-three]") : [];
        if (boxes.length) {
          // « Exactly three »: a group error; only the empty boxes are marked, the first
          // of them is where the summary's link leads.
          var empty = [].filter.call(boxes, function (box) { return box.value.trim() === ""; });
          (empty.length ? empty : [].slice.call(boxes)).forEach(function (box) {
            box.setAttribute("aria-invalid", "true");
          });
          control = empty.length ? empty[0] : boxes[0];
        } else if (control) {
          control.setAttribute("aria-invalid", "true");
        }
        items.push({ id: control ? control.id : wrap ? wrap.id : "", label: label, text: messages });
      });
      if (!summary) return;
      var list = summary.querySelector("[data-ft-summary-list]");
      list.textContent = "";
      items.forEach(function (item) {
        var entry = document.createElement("li");
        if (item.id) {
          var link = document.createElement("a");
          link.href = "#" + item.id;
          link.textContent = (item.label ? item.label + " : " : "") + item.text;
          entry.appendChild(link);
        } else {
          entry.textContent = item.text;
        }
        list.appendChild(entry);
      });
      summary.hidden = !items.length;
    }

    if (summary) {
      summary.addEventListener("click", function (event) {
        var link = event.target.closest('a[href^="#"]');
        if (!link) return;
        var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (!target) return;
        event.preventDefault();
        if (!target.matches("input, select, textarea")) {
          target = target.querySelector("input:not([type=hidden]), select, textarea") || target;
        }
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      });
    }

    function updateNavigation(answer) {
      var state = document.querySelector('[data-ft-nav="' + config.section + '"] [data-ft-state]');
      if (state) {
        state.className = "ft-state ft-state--" + answer.state;
        state.textContent = answer.state === "complete" ? "✓ complète" :
          answer.state === "errors" ? plural(answer.error_count, "erreur", "erreurs") :
          answer.state === "partial" ? "incomplète" : "à remplir";
      }
      var badge = document.querySelector(".ft-sheet-title .badge");
      if (badge && answer.sheet_status_display) {
        badge.className = "badge badge--" + answer.sheet_badge;
        badge.textContent = answer.sheet_status_display;
      }
    }

    /* ---------------------------------------------------------- local copy */

    function readBackup() {
      if (!local) return null;
      try {
        var copy = JSON.parse(local.getItem(storageKey) || "null");
        return copy && typeof copy === "object" && copy.data ? copy : null;
      } catch (error) {
        return null;
      }
    }

    function backup() {
      if (backupTimer) window.clearTimeout(backupTimer);
      backupTimer = null;
      if (!local) return;
      try {
        local.setItem(storageKey, JSON.stringify({
          data: serialize().data,
          version: version,
          unconfirmed: unconfirmed,
          savedAt: new Date().toISOString()
        }));
      } catch (error) {
        /* Storage full or refused: the server save remains. */
      }
    }

    function dropBackup() {
      if (local) local.removeItem(storageKey);
    }

    /* ---------------------------------------------------------- saving */

    function schedule() {
      if (blocked) return;
      if (saveTimer) window.clearTimeout(saveTimer);
      var now = Date.now();
      if (!firstChangeAt) firstChangeAt = now;
      var wait = Math.max(0, Math.min(SAVE_DELAY, firstChangeAt + MAX_WAIT - now));
      saveTimer = window.setTimeout(function () { save(); }, wait);
    }

    function changed() {
      dirty = true;
      setStatus("pending", "Modifications non enregistrées…");
      if (!backupTimer) backupTimer = window.setTimeout(backup, BACKUP_DELAY);
      schedule();
    }

    function retryLater() {
      if (retryTimer) return;
      var delay = RETRY_DELAYS[Math.min(retries, RETRY_DELAYS.length - 1)];
      retries += 1;
      retryTimer = window.setTimeout(function () {
        retryTimer = null;
        if (dirty) save();
      }, delay);
    }

    function lost(snapshot, message) {
      unconfirmed = snapshot.data;
      backup();
      setStatus("offline", message);
      retryLater();
      return false;
    }

    function answered(status, payload, snapshot, sent) {
      if (status === 200 && payload.ok) {
        retries = 0;
        unconfirmed = null;
        version = payload.version;
        if (versionInput) versionInput.value = version;
        var current = serialize();
        if (canon(current.data) === sent) {
          dirty = false;
          dropBackup();
        } else {
          backup();
        }
        showErrors(payload.errors, snapshot.rows);
        updateNavigation(payload);
        var when = payload.saved_at_display || clock(new Date());
        var errorsText = payload.error_count ?
          " — " + plural(payload.error_count, "erreur", "erreurs") + " à corriger." : ".";
        setStatus(payload.error_count ? "error" : "saved", "Enregistré à " + when + errorsText);
        return true;
      }
      if (status === 409) {
        blocked = true;
        backup();
        if (payload.conflict) conflictVersion = payload.version;
        if (conflictBox) {
          conflictBox.querySelector("[data-ft-conflict-text]").textContent = payload.error ||
            "Cette rubrique a été modifiée ailleurs.";
          var overwrite = conflictBox.querySelector("[data-ft-overwrite]");
          if (overwrite) overwrite.hidden = !payload.conflict;
          conflictBox.hidden = false;
          conflictBox.focus();
        }
        setStatus("error", "Non enregistré : " + (payload.conflict ?
          "la rubrique a été enregistrée ailleurs entre-temps." : (payload.error || "")));
        return false;
      }
      if (status === 400 || status === 403) {
        backup();
        setStatus("error", "Non enregistré : " + (payload.error || "le serveur a refusé la saisie.") +
          " Votre saisie est conservée sur ce poste.");
        return false;
      }
      return lost(snapshot, "Le serveur ne répond pas correctement (" + status + ") : votre saisie est " +
        "conservée sur ce poste et sera enregistrée dès que possible.");
    }

    function save(options) {
      options = options || {};
      if (saveTimer) window.clearTimeout(saveTimer);
      saveTimer = null;
      if (blocked && !options.force) return Promise.resolve(false);
      if (inflight) {
        again = true;
        return inflight;
      }
      firstChangeAt = 0;
      var snapshot = serialize();
      var sent = canon(snapshot.data);
      var body = { version: version, data: snapshot.data };
      if (unconfirmed) body.unconfirmed = unconfirmed;
      backup();
      setStatus("saving", "Enregistrement…");
      var request;
      try {
        request = window.fetch(config.draftUrl, {
          method: "POST",
          credentials: "same-origin",
          keepalive: !!options.keepalive,
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-CSRFToken": csrfInput ? csrfInput.value : "",
            "X-Requested-With": "XMLHttpRequest"
          },
          body: JSON.stringify(body)
        });
      } catch (error) {
        request = Promise.reject(error);
      }
      inflight = request
        .then(function (response) {
          if (response.redirected) {
            backup();
            setStatus("error", "Votre session a expiré : reconnectez-vous (dans un autre onglet) " +
              "puis revenez ; votre saisie est conservée sur ce poste.");
            return false;
          }
          return response.json().catch(function () { return {}; }).then(function (payload) {
            return answered(response.status, payload || {}, snapshot, sent);
          });
        })
        .catch(function () {
          return lost(snapshot, "Connexion perdue : votre saisie est conservée sur ce poste et " +
            "sera enregistrée dès le retour de la connexion.");
        })
        .then(function (result) {
          inflight = null;
          if (again) {
            again = false;
            if (dirty && !blocked) return save();
          }
          return result;
        });
      return inflight;
    }

    /* Save what is pending (waiting for a save in progress), for leaving the section. */
    function flush() {
      if (blocked) return Promise.resolve(false);
      if (inflight) {
        return inflight.then(function () { return dirty ? save() : true; });
      }
      return dirty ? save() : Promise.resolve(true);
    }

    function leaveTo(href) {
      setStatus("saving", "Enregistrement avant de quitter la rubrique…");
      var done = false;
      function go() {
        if (done) return;
        done = true;
        window.location.href = href;
      }
      flush().then(go, go);
      window.setTimeout(go, LEAVE_TIMEOUT);
    }

    /* ---------------------------------------------------------- start */

    each(form.querySelectorAll("[data-ft-spare]"), function (row) { row.remove(); });
    each(form.querySelectorAll("[data-ft-table]"), function (table) {
      each(table.querySelectorAll("tbody [data-ft-row]"), bindRow);
      renumber(table);
    });
    each(form.querySelectorAll("[data-ft-add]"), function (button) {
      button.closest("[data-ft-add-wrap]").hidden = false;
      button.addEventListener("click", function () {
        addRow(button.getAttribute("data-ft-add"), null, true);
      });
    });

    // What the browser kept: restored when newer than the server's version.
    var copy = readBackup();
    if (copy) {
      var serverText = canon(config.data);
      var localText = canon(copy.data);
      var when = copy.savedAt ? formatDate(copy.savedAt) : "";
      var ours = copy.version === config.serverVersion ||
        (copy.unconfirmed && canon(copy.unconfirmed) === serverText);
      if (localText === serverText) {
        dropBackup();
      } else if (ours) {
        fill(copy.data);
        version = config.serverVersion;
        if (versionInput) versionInput.value = version;
        dirty = true;
        showNotice("Votre saisie" + (when ? " du " + when : "") + " n'avait pas été enregistrée " +
          "sur le serveur : elle a été restaurée depuis ce navigateur et va être enregistrée.");
        setStatus("pending", "Saisie restaurée depuis ce navigateur, enregistrement en cours…");
        window.setTimeout(function () { save(); }, 300);
      } else {
        showNotice("Ce navigateur garde une saisie" + (when ? " du " + when : "") + " qui n'a " +
          "pas été enregistrée, mais la rubrique a été enregistrée ailleurs depuis. La version " +
          "enregistrée est affichée.", [
          {
            label: "Restaurer ma saisie locale",
            run: function () {
              fill(copy.data);
              version = config.serverVersion;
              if (versionInput) versionInput.value = version;
              changed();
            }
          },
          { label: "Ignorer", secondary: true, run: dropBackup }
        ]);
      }
    }

    form.addEventListener("input", function (event) {
      if (event.target.closest("[data-ft-editor]") === form) changed();
    });
    form.addEventListener("change", function (event) {
      if (event.target.closest("[data-ft-editor]") === form) changed();
    });

    // The buttons save at once (and move on for « … et passer à la rubrique suivante »).
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      var next = submitter && submitter.getAttribute("data-ft-save-next");
      dirty = true;
      save().then(function (ok) {
        if (ok && next) window.location.href = next;
      });
    });

    // Leaving the section by a link: save first (the local copy stays if that fails).
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
          event.shiftKey || event.altKey) return;
      var link = event.target.closest("a[href]");
      if (!link || (link.target && link.target !== "_self")) return;
      if (link.origin !== window.location.origin) return;
      if (link.pathname === window.location.pathname && link.hash) return;
      if (!dirty && !inflight) return;
      if (blocked) return;
      event.preventDefault();
      leaveTo(link.href);
    });

    // Reload, closed tab, another page: the local copy is written, the save still sent.
    function onHide() {
      if (!dirty || blocked) return;
      backup();
      if (!inflight) save({ keepalive: true });
    }
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") onHide();
    });
    window.addEventListener("online", function () {
      if (dirty && !blocked) save();
    });

    if (conflictBox) {
      var reload = conflictBox.querySelector("[data-ft-reload]");
      if (reload) {
        reload.addEventListener("click", function () {
          dropBackup();
          dirty = false;
          window.location.reload();
        });
      }
      var overwrite = conflictBox.querySelector("[data-ft-overwrite]");
      if (overwrite) {
        overwrite.addEventListener("click", function () {
          if (conflictVersion !== null) version = conflictVersion;
          blocked = false;
          conflictBox.hidden = true;
          dirty = true;
          save({ force: true });
        });
      }
    }

    // Listeners attached: what is typed from now on is saved (tests wait for this mark).
    form.setAttribute("data-ft-ready", "true");
  }

  /* ------------------------------------------------------------ Other pages */

  function initCampaignForm(form) {
    var year = form.querySelector("#id_year");
    var help = form.querySelector("#id_deadline_helptext");
    if (!year || !help) return;
    var original = help.textContent;
    function update() {
      var value = parseInt(year.value, 10);
      help.textContent = value >= 2000 && value <= 2100 ?
        "Laissée vide : le 31/03/" + (value + 1) + "." : original;
    }
    year.addEventListener("input", update);
    update();
  }

  function initCommentLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest("[data-ft-comment-on]");
      if (!link) return;
      var select = document.getElementById("id_section");
      var text = document.getElementById("id_text");
      if (!select || !text) return;
      event.preventDefault();
      select.value = link.getAttribute("data-ft-comment-on");
      select.dispatchEvent(new Event("change", { bubbles: true }));
      text.scrollIntoView({ block: "center" });
      text.focus({ preventScroll: true });
    });
  }

  function init() {
    each(document.querySelectorAll("form[data-ft-editor]"), initEditor);
    each(document.querySelectorAll("form[data-ft-campaign-form]"), initCampaignForm);
    initCommentLinks();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
