/* Trips list: the filters apply as they change, without a full reload.
   The form still works without JavaScript; here we fetch the same URL,
   swap in its results and keep the address shareable. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-filters]");
  if (!form || !window.fetch || !window.DOMParser) return;
  var target = document.getElementById(form.getAttribute("data-live-filters"));
  var timer = null;
  var pending = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") params.append(key, value);
    });
    var text = params.toString();
    return form.getAttribute("action") + (text ? "?" + text : "");
  }

  // The fresh page's messages under each field (an unknown official, a window
  // that ends before it starts, the officials a name could be), without
  // replacing the fields themselves, which hold the focus and what is typed.
  function syncErrors(fresh) {
    if (!fresh) return;
    Array.prototype.forEach.call(form.querySelectorAll(".field"), function (field) {
      var other = fresh.querySelector("." + field.className.split(" ").join("."));
      Array.prototype.forEach.call(field.querySelectorAll(".field-error, .field-choices"), function (node) {
        node.remove();
      });
      var control = field.querySelector("input:not([type=hidden]), select");
      if (control) {
        control.removeAttribute("aria-invalid");
        control.removeAttribute("aria-describedby");
      }
      if (!other) return;
      Array.prototype.forEach.call(other.querySelectorAll(".field-error, .field-choices"), function (node) {
        field.insertBefore(document.importNode(node, true), field.querySelector(".combobox-list"));
      });
      var was = other.querySelector("input:not([type=hidden]), select");
      if (control && was && was.hasAttribute("aria-invalid")) {
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", was.getAttribute("aria-describedby"));
      }
    });
  }

  function update() {
    var url = query();
    if (pending) pending.abort();
    pending = new AbortController();
    target.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById(target.id);
        if (!fresh) return;
        target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes).map(function (node) {
          return document.importNode(node, true);
        }));
        syncErrors(doc.querySelector("form[data-live-filters]"));
        document.title = doc.title;
        history.replaceState(null, "", url);
      })
      .catch(function () { /* aborted by a newer change, or offline: the form still submits */ })
      .finally(function () { target.removeAttribute("aria-busy"); });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type !== "search") update();
  });
  form.addEventListener("input", function (event) {
    if (event.target.type !== "search") return;
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
})();
