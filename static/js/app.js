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
      if (window.htmx && form.hasAttribute("hx-get")) { window.htmx.trigger(form, "submit"); } else { form.submit(); }
    }
  });
})();

// Forms that must not lose what was typed (scoring in the field, reports): every change is kept on the
// device; "Lưu nháp" saves in the background and, if the connection drops, keeps the content and retries.
(function () {
  "use strict";
  var T = {
    restored: document.documentElement.lang === "en" ? "Restored what you typed before the page was closed; save it." : "Đã khôi phục nội dung đồng chí nhập trước đó nhưng chưa lưu. Hãy lưu lại.",
    saving: document.documentElement.lang === "en" ? "Saving…" : "Đang lưu…",
    offline: document.documentElement.lang === "en" ? "No connection. What you typed is kept on this device; retrying in %s s…" : "Mất kết nối. Nội dung vẫn được giữ trên máy; sẽ tự thử lưu lại sau %s giây…",
    refused: document.documentElement.lang === "en" ? "Not saved: your session has ended or you may no longer score this. What you typed is kept on this device; log in again and reload the page." : "Chưa lưu được: phiên đăng nhập đã hết hoặc đồng chí không còn quyền chấm. Nội dung vẫn được giữ trên máy; hãy đăng nhập lại rồi tải lại trang.",
    noSubmit: document.documentElement.lang === "en" ? "No connection: cannot submit now. Save a draft; it will be sent when the connection is back." : "Không có kết nối: chưa gửi được. Hãy lưu nháp; nội dung sẽ được lưu khi có mạng trở lại."
  };

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "file" && el.type !== "submit" && el.type !== "hidden";
    });
  }
  function snapshot(form) {
    var data = {};
    fields(form).forEach(function (el) {
      data[el.name] = (el.type === "checkbox" || el.type === "radio") ? el.checked : el.value;
    });
    return data;
  }
  function versionOf(form) {
    var v = form.querySelector("input[name=version]");
    return v ? v.value : "";
  }
  function store(form) {
    try {
      localStorage.setItem("draft:" + form.dataset.keepDraft, JSON.stringify({ version: versionOf(form), data: snapshot(form) }));
    } catch (e) { /* storage full or disabled: the form still holds the content */ }
  }
  function forget(form) {
    try { localStorage.removeItem("draft:" + form.dataset.keepDraft); } catch (e) { /* ignore */ }
  }
  function status(form, text, kind) {
    var box = form.querySelector(".save-status");
    if (!box) {
      box = document.createElement("div");
      box.className = "save-status";
      box.setAttribute("role", "status");
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = text;
    box.className = "save-status msg " + (kind || "info");
  }
  function restore(form) {
    var raw;
    try { raw = localStorage.getItem("draft:" + form.dataset.keepDraft); } catch (e) { return; }
    if (!raw) return;
    var saved;
    try { saved = JSON.parse(raw); } catch (e) { return; }
    if (!saved || saved.version !== versionOf(form)) { forget(form); return; }
    var changed = false;
    fields(form).forEach(function (el) {
      if (!(el.name in saved.data)) return;
      var value = saved.data[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked !== value) { el.checked = value; changed = true; }
      } else if (el.value !== value) { el.value = value; changed = true; }
    });
    if (changed) status(form, T.restored, "warning");
  }
  function total(form) {
    var out = form.querySelector("[data-total]");
    if (!out) return;
    var points = 0, maximum = 0, complete = true;
    form.querySelectorAll("input.score").forEach(function (el) {
      var max = parseFloat(el.dataset.max);
      var value = parseFloat((el.value || "").replace(",", "."));
      maximum += max;
      if (isNaN(value)) { complete = false; return; }
      points += Math.min(Math.max(value, 0), max);
    });
    out.textContent = maximum ? (Math.round(10000 * points / maximum) / 100).toString().replace(".", ",") + (complete ? "" : " …") : "—";
  }

  function save(form, attempt) {
    var body = new FormData(form);
    body.append("save", "1");
    status(form, T.saving, "info");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status >= 500) throw new Error("server");
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!json || response.redirected) {
        // A login page or a refusal is an answer, not a lost connection: keep the content, do not retry.
        return { ok: false, data: { message: T.refused } };
      }
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.ok && result.data.ok) {
        var v = form.querySelector("input[name=version]");
        if (v) v.value = String(result.data.version);
        forget(form);
        status(form, result.data.message, "success");
      } else {
        store(form);
        status(form, result.data.message, "error");
      }
    }).catch(function () {
      store(form);
      var wait = Math.min(30, Math.pow(2, attempt + 1));
      status(form, T.offline.replace("%s", wait), "warning");
      clearTimeout(form._retry);
      form._retry = setTimeout(function () { save(form, attempt + 1); }, wait * 1000);
      form._pending = true;
    });
  }

  document.querySelectorAll("form[data-keep-draft]").forEach(function (form) {
    restore(form);
    total(form);
    form.addEventListener("input", function () { store(form); total(form); });
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      store(form);
      var submitter = event.submitter;
      if (!form.hasAttribute("data-autosave")) return;
      if (submitter && submitter.name === "save") {
        event.preventDefault();
        save(form, 0);
      } else if (!navigator.onLine) {
        event.preventDefault();
        status(form, T.noSubmit, "error");
      }
    });
  });
  window.addEventListener("online", function () {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      if (form._pending) { form._pending = false; clearTimeout(form._retry); save(form, 0); }
    });
  });
})();
