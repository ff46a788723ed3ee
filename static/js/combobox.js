/* Type-ahead fields: officials suggested as you type (ARIA 1.2 combobox with a
   list box). The field works without JavaScript: the server takes a name, part
   of one, or a slug. Here a <div class="combobox" data-suggest="URL"> gains a
   list of suggestions fetched from URL?q=, driven by the arrow keys, Enter and
   Escape or the mouse. data-mode="fill" (a filter) puts the picked official's
   slug in a hidden field of the input's name and shows the name; data-mode="go"
   (a search) opens the picked official's page. */
(function () {
  "use strict";
  if (!window.fetch || !window.URL) return;
  var MIN_CHARS = 2;
  var DELAY_MS = 150;

  function setup(root, number) {
    var input = root.querySelector("input");
    if (!input) return;
    var mode = root.getAttribute("data-mode") || "go";
    var base = root.getAttribute("data-suggest");
    var id = input.id || "combobox-" + number;
    var label = root.querySelector("label");

    var listbox = document.createElement("ul");
    listbox.id = id + "-listbox";
    listbox.className = "combobox-list";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", (label ? label.textContent.trim() : "Official") + ": suggestions");
    listbox.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    root.appendChild(listbox);
    root.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var hidden = null;
    if (mode === "fill") {
      // The form sends the slug of the official picked, or the text as typed.
      hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = input.name;
      hidden.value = input.getAttribute("data-value") || input.value;
      input.removeAttribute("name");
      root.appendChild(hidden);
    }

    var results = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var asked = "";

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = listbox.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(found) {
      results = found;
      listbox.textContent = "";
      found.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = id + "-option-" + index;
        option.className = "combobox-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-index", String(index));
        var name = document.createElement("span");
        name.className = "combobox-name";
        name.textContent = item.name;
        var detail = document.createElement("span");
        detail.className = "combobox-detail";
        detail.textContent = item.detail;
        option.appendChild(name);
        option.appendChild(detail);
        listbox.appendChild(option);
      });
      active = -1;
      if (found.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = found.length + (found.length === 1 ? " official" : " officials") +
          " suggested; use the up and down arrows to choose.";
      } else {
        close();
        status.textContent = "No official suggested.";
      }
    }

    function suggest(text) {
      if (text === asked) return;
      asked = text;
      if (pending) pending.abort();
      pending = new AbortController();
      var url = new URL(base, window.location.href);
      url.searchParams.set("q", text);
      fetch(url, { signal: pending.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() === text && document.activeElement === input) show(data.results || []);
        })
        .catch(function () { /* superseded by a newer request, or offline: the field still works */ });
    }

    function choose(index) {
      var item = results[index];
      if (!item) return;
      close();
      if (mode === "go") {
        window.location.assign(item.url);
        return;
      }
      input.value = item.name;
      hidden.value = item.slug;
      asked = item.name;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    input.addEventListener("input", function () {
      if (hidden) hidden.value = input.value;
      var text = input.value.trim();
      clearTimeout(timer);
      if (text.length < MIN_CHARS) {
        asked = "";
        close();
        return;
      }
      timer = setTimeout(function () { suggest(text); }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && results.length) {
          listbox.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        if (results.length) highlight((active + 1) % results.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open && results.length) highlight(active <= 0 ? results.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", close);
    // Keep the focus in the field while an option is clicked.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) choose(Number(option.getAttribute("data-index")));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".combobox[data-suggest]"), setup);
})();
