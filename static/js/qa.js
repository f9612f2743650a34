// Live "similar questions" while a member types a title. Enhancement only:
// without this file the ask form has a "Check for similar questions" step.
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-similar-url");
  var heading = (script && script.getAttribute("data-heading")) || "Similar questions";
  var input = document.querySelector(".qa-ask input[name='title']");
  var region = document.querySelector("[data-qa-similar]");
  if (!url || !input || !region || !window.fetch) {
    return;
  }
  var timer = null;
  var last = input.value.trim(); // already checked on the server

  function show(results) {
    region.textContent = "";
    if (!results.length) {
      return;
    }
    var title = document.createElement("p");
    title.className = "qa-similar__heading";
    title.textContent = heading;
    var list = document.createElement("ul");
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    region.appendChild(title);
    region.appendChild(list);
  }

  function lookUp() {
    var query = input.value.trim();
    if (query === last) {
      return;
    }
    last = query;
    if (query.length < 8) {
      show([]);
      return;
    }
    fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) {
          show(data.results || []);
        }
      })
      .catch(function () {
        /* Offline or rate-limited: the suggestions are only a help. */
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 400);
  });
})();
