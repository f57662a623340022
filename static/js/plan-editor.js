/* Financing plan editor: rows added and removed in place, live totals and shares. Runs
   before portal.js (deferred), so that a saved draft with more rows finds them. */
(function () {
  "use strict";
  var editor = document.querySelector("[data-plan-editor]");
  if (!editor) return;
  var prefix = editor.getAttribute("data-prefix");
  var form = editor.closest("form");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var maxForms = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
  var rows = editor.querySelector("[data-plan-rows]");
  var template = document.getElementById("plan-row-template");
  var money = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function cents(value) {
    var number = parseFloat(String(value || "").replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
    return isFinite(number) ? Math.round(number * 100) : 0;
  }
  function euros(amount) { return money.format(amount / 100) + "\u00a0€"; }
  function percent(part, whole) { return whole ? money.format((100 * part) / whole) + "\u00a0%" : "—"; }

  function update() {
    var totals = { expense: 0, revenue: 0 };
    var region = null;
    var regions = 0;
    var list = rows.querySelectorAll("[data-plan-row]");
    list.forEach(function (row) {
      var kind = row.querySelector("[data-plan-kind]").value;
      var amount = cents(row.querySelector("[data-plan-amount]").value);
      if (totals.hasOwnProperty(kind)) totals[kind] += amount;
      var flag = row.querySelector("[data-plan-region]");
      if (flag && flag.checked && kind === "revenue") { region = (region || 0) + amount; regions += 1; }
    });
    list.forEach(function (row) {
      var kind = row.querySelector("[data-plan-kind]").value;
      var cell = row.querySelector("[data-plan-share]");
      var amount = cents(row.querySelector("[data-plan-amount]").value);
      cell.textContent = totals.hasOwnProperty(kind) && amount ? percent(amount, totals[kind]) : "—";
    });
    editor.querySelector('[data-plan-total="expense"]').textContent = euros(totals.expense);
    editor.querySelector('[data-plan-total="revenue"]').textContent = euros(totals.revenue);
    var balance = editor.querySelector("[data-plan-balance]");
    if (!totals.expense && !totals.revenue) {
      balance.className = "badge";
      balance.textContent = "Aucun montant saisi";
    } else if (totals.expense === totals.revenue) {
      balance.className = "badge badge--labelled";
      balance.textContent = "Plan équilibré";
    } else {
      balance.className = "badge badge--expired";
      balance.textContent = "Plan déséquilibré : écart de " + euros(Math.abs(totals.expense - totals.revenue));
    }
    var note = editor.querySelector("[data-plan-region-note]");
    if (regions > 1) {
      note.textContent = "Une seule ligne peut être la subvention de la Région.";
    } else if (!regions) {
      note.textContent = "Aucune ligne « subvention de la Région ».";
    } else if (totals.expense) {
      note.textContent = "Subvention de la Région : " + percent(region, totals.expense) +
        " des dépenses" + (region * 2 > totals.expense ? " (plus de 50 % : refusé à l'instruction)." : ".");
    } else {
      note.textContent = "";
    }
  }

  function bind(row) {
    var remove = row.querySelector("[data-plan-remove]");
    if (!remove) return;
    remove.hidden = false;
    remove.addEventListener("click", function () {
      var previous = row.previousElementSibling;
      if (previous && previous.hasAttribute("data-plan-error")) previous.remove();
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      update();
      form.dispatchEvent(new Event("change", { bubbles: true }));
      var target = next && next.querySelector("input, select");
      (target || editor.querySelector("[data-plan-add-kind]")).focus();
    });
  }

  function addRow(kind, focus) {
    var index = parseInt(total.value, 10) || 0;
    if (maxForms && index >= parseInt(maxForms.value, 10)) return null;
    var html = template.innerHTML.replace(/__prefix__/g, index).replace(/__number__/g, index + 1);
    rows.insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    var row = rows.lastElementChild;
    if (kind) row.querySelector("[data-plan-kind]").value = kind;
    bind(row);
    if (focus) row.querySelector("[data-plan-kind]").focus();
    update();
    return row;
  }

  // A draft saved (portal.js autosave) with rows added since: create them first.
  try {
    var key = form.getAttribute("data-autosave");
    var draft = key && JSON.parse(window.localStorage.getItem("cmq-draft:" + key) || "null");
    var highest = -1;
    var pattern = new RegExp("^" + prefix + "-(\\d+)-");
    Object.keys((draft && draft.fields) || {}).forEach(function (name) {
      var match = name.match(pattern);
      if (match) highest = Math.max(highest, parseInt(match[1], 10));
    });
    while ((parseInt(total.value, 10) || 0) <= highest && highest < 1000) {
      if (!addRow("", false)) break;
    }
  } catch (error) { /* no storage: nothing to restore */ }

  rows.querySelectorAll("[data-plan-row]").forEach(bind);
  editor.querySelector("[data-plan-add]").hidden = false;
  editor.querySelector("[data-plan-totals]").hidden = false;
  editor.querySelectorAll("[data-plan-add-kind]").forEach(function (button) {
    button.addEventListener("click", function () { addRow(button.getAttribute("data-plan-add-kind"), true); });
  });
  editor.addEventListener("input", update);
  editor.addEventListener("change", update);
  update();
})();
