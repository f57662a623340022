/* The maximum amount, recomputed as the base, rate and cap change (the server decides). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-instruction]");
  var output = document.querySelector("[data-maximum]");
  if (!form || !output) return;
  var money = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  function value(name) {
    var field = form.elements[name];
    var number = field ? parseFloat(String(field.value).replace(/[\s\u00a0\u202f€%]/g, "").replace(",", ".")) : NaN;
    return isFinite(number) ? number : null;
  }
  function update() {
    var base = value("eligible_base"), rate = value("rate");
    var extended = form.elements.extended_cap && form.elements.extended_cap.checked;
    if (base === null || rate === null || rate < 0 || rate > 50) { output.textContent = "—"; return; }
    var maximum = Math.min(Math.round(base * rate) / 100, extended ? 100000 : 50000);
    output.textContent = money.format(maximum) + "\u00a0€";
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
