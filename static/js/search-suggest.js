// Suggestions under the header's search box while someone types: an ARIA 1.2
// combobox with a list popup (no automatic selection). Enhancement only:
// without this file the box is a plain search form.
(function () {
  "use strict";

  var form = document.querySelector("form.site-search[data-suggest-url]");
  var input = form && form.querySelector("input[name='q']");
  if (!form || !input || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-suggest-url");
  var listId = input.id + "-suggestions";
  var list = document.createElement("ul");
  list.id = listId;
  list.className = "site-search__suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.getAttribute("data-suggestions-label") || "Suggestions");
  list.hidden = true;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(list);
  form.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  var options = [];
  var active = -1;
  var timer = null;
  var asked = "";

  function setActive(index) {
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function go(option) {
    window.location.assign(option.getAttribute("data-url"));
  }

  function show(suggestions) {
    list.textContent = "";
    options = suggestions.map(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = listId + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-url", suggestion.url);
      var title = document.createElement("span");
      title.className = "site-search__suggestion-title";
      title.textContent = suggestion.title;
      var kind = document.createElement("span");
      kind.className = "site-search__suggestion-kind";
      kind.textContent = suggestion.kind_label;
      option.appendChild(title);
      option.appendChild(document.createTextNode(" "));
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the box until we leave
      });
      option.addEventListener("click", function () {
        go(option);
      });
      list.appendChild(option);
      return option;
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (options.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var template = form.getAttribute(options.length === 1 ? "data-count-one" : "data-count-many") || "%s";
      status.textContent = template.replace("%s", options.length);
    } else {
      close();
      status.textContent = "";
    }
  }

  function lookUp() {
    var query = input.value.trim();
    if (query === asked) {
      return;
    }
    asked = query;
    if (query.length < 2) {
      show([]);
      return;
    }
    fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query && document.activeElement === input) {
          show(data.suggestions || []);
        }
      })
      .catch(function () {
        /* Offline or rate-limited: the box still searches. */
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) {
        return;
      }
      event.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = active + step;
      setActive(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      go(options[active]);
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener("blur", close);
})();
