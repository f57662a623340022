/* Show only the fields the chosen kind of change uses (all stay visible without JavaScript). */
(function () {
  "use strict";
  var form = document.querySelector("form.change-form");
  var kind = form && form.querySelector("select[name=kind]");
  if (!kind) return;
  function update() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-change-kinds]"), function (input) {
      var wrapper = input.closest(".field");
      if (!wrapper) return;
      var used = input.getAttribute("data-change-kinds").split(" ").indexOf(kind.value) !== -1;
      wrapper.hidden = !used && !wrapper.classList.contains("field--error");
    });
  }
  kind.addEventListener("change", update);
  update();
})();
