// The reply form of a conversation, sent without a reload. Enhancement only:
// without this file the form posts and the page comes back (PRG) with
// "Your message has been sent" at the top.
(function () {
  "use strict";

  var form = document.querySelector("[data-messaging-reply]");
  var thread = document.querySelector("[data-message-thread]");
  if (!form || !thread || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector("[data-messaging-status]");
  var errors = form.querySelector("[data-messaging-errors]");
  var body = form.querySelector("textarea[name='body']");
  var token = form.querySelector("input[name='token']");
  var button = form.querySelector("button[type='submit']");
  var crisis = document.querySelector("[data-messaging-crisis]");
  var sending = false;

  function showError(text) {
    errors.textContent = text;
    errors.hidden = !text;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) {
      return; // a double click sends once (the server's token would also catch it)
    }
    sending = true;
    button.disabled = true;
    status.textContent = form.getAttribute("data-sending-text") || "";
    showError("");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        var data = result.data;
        if (!result.ok) {
          status.textContent = "";
          var fieldErrors = (data.errors && data.errors.body) || [];
          showError(fieldErrors.length ? fieldErrors.join(" ") : data.error || "");
          return;
        }
        var holder = document.createElement("template");
        holder.innerHTML = data.html.trim(); // rendered and cleaned on the server
        thread.appendChild(holder.content);
        body.value = "";
        token.value = data.token;
        form.dispatchEvent(new CustomEvent("draft:sent")); // drafts.js drops the draft
        if (data.crisis && crisis) {
          crisis.hidden = false;
        }
        status.textContent = data.status;
      })
      .catch(function () {
        status.textContent = "";
        showError(form.getAttribute("data-offline-text") || "");
      })
      .then(function () {
        sending = false;
        button.disabled = false;
      });
  });
})();
