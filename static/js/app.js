// Small behaviours without inline scripts: confirmations, the phone menu, adding formset rows.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      var header = toggle.closest(".site-header");
      var open = header.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var add = event.target.closest("[data-add-form]");
    if (add) {
      event.preventDefault();
      var prefix = add.getAttribute("data-add-form");
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var template = document.getElementById(prefix + "-empty");
      var target = document.getElementById(prefix + "-rows");
      if (!total || !template || !target) return;
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      target.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
    }
  });
  // Filters: changing a select reloads the results (the form still works without JavaScript).
  document.addEventListener("change", function (event) {
    var form = event.target.closest("form[data-autosubmit]");
    if (form && event.target.tagName === "SELECT") {
      if (window.htmx) { window.htmx.trigger(form, "submit"); } else { form.submit(); }
    }
  });
})();
