// Drafts in this browser of what a member is writing. Enhancement only.
//
// A form marked data-draft="<kind>:<object>" has its text saved to
// localStorage as the member types, under a key made of an opaque value
// per user (data-draft-user on <body>, no name, e-mail or id) and the
// form's kind. The draft comes back when the page opens with the form empty;
// text the server drew (after an error, a preview) always wins. It goes when
// the form is sent, at logout and on the logged-out page, and for good when
// the member switches drafts off on this device. Passwords, tokens and hidden
// fields are never saved.
(function () {
  "use strict";

  var PREFIX = "sg-draft:";
  var OFF = "sg-drafts-off";
  var MAX_AGE = 30 * 24 * 3600 * 1000; // a forgotten draft goes after 30 days
  var storage;
  try {
    storage = window.localStorage;
    storage.setItem(PREFIX + "probe", "1");
    storage.removeItem(PREFIX + "probe");
  } catch (error) {
    return; // storage blocked or full: no drafts, the forms work as before
  }

  function draftKeys() {
    var found = [];
    for (var i = 0; i < storage.length; i += 1) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        found.push(key);
      }
    }
    return found;
  }

  function removeAll() {
    draftKeys().forEach(function (key) {
      storage.removeItem(key);
    });
  }

  function read(key) {
    try {
      return JSON.parse(storage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  // Logging out: the logout forms, and the page that says "You are logged out".
  document.addEventListener("submit", function (event) {
    if (event.target.hasAttribute("data-drafts-clear-on-submit")) {
      removeAll();
    }
  });
  if (document.querySelector("[data-drafts-clear]")) {
    removeAll();
  }

  var user = document.body.getAttribute("data-draft-user");
  if (!user) {
    return;
  }
  var userPrefix = PREFIX + user + ":";

  function isOff() {
    return storage.getItem(OFF) === "1";
  }

  // What is kept of a form: what the member chose and wrote, never secrets.
  function draftable(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      var type = (field.type || "").toLowerCase();
      if (!field.name || field.disabled || field.hasAttribute("data-draft-skip")) {
        return false;
      }
      if (/token|password|csrf/i.test(field.name)) {
        return false;
      }
      return field.tagName === "TEXTAREA" || field.tagName === "SELECT" || type === "text" || type === "checkbox";
    });
  }

  function isText(field) {
    return field.tagName === "TEXTAREA" || field.type === "text";
  }

  function save(form, key) {
    if (isOff()) {
      return;
    }
    var values = {};
    var written = false;
    draftable(form).forEach(function (field) {
      values[field.name] = field.type === "checkbox" ? field.checked : field.value;
      written = written || (isText(field) && field.value.trim() !== "");
    });
    if (!written) {
      storage.removeItem(key);
      return;
    }
    try {
      storage.setItem(key, JSON.stringify({ values: values, saved: Date.now(), sent: false }));
    } catch (error) {
      /* Storage full: the text is still in the form. */
    }
  }

  // Only into empty text fields; choices (topic, anonymous) only when the
  // server drew no text at all, so they match the text they came with.
  function restore(form, values) {
    var choices = !hasServerText(form);
    draftable(form).forEach(function (field) {
      if (!(field.name in values)) {
        return;
      }
      if (isText(field)) {
        if (field.value === "") {
          field.value = values[field.name];
        }
      } else if (choices && field.type === "checkbox") {
        field.checked = Boolean(values[field.name]);
      } else if (choices) {
        field.value = values[field.name];
      }
    });
  }

  function hasServerText(form) {
    return draftable(form).some(function (field) {
      return isText(field) && field.value.trim() !== "";
    });
  }

  var forms = {};
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    forms[userPrefix + form.getAttribute("data-draft")] = form;
  });

  // Old drafts, and drafts of forms sent from another page (the ask form
  // leads to the new question), go. A draft marked sent whose form comes
  // back with the server's text (an error, a preview) stays a draft.
  draftKeys().forEach(function (key) {
    var draft = read(key);
    if (!draft || Date.now() - draft.saved > MAX_AGE || (draft.sent && key.indexOf(userPrefix) === 0 && !forms[key])) {
      storage.removeItem(key);
    }
  });

  Object.keys(forms).forEach(function (key) {
    var form = forms[key];
    var draft = read(key);
    if (draft && !isOff()) {
      if (!draft.sent) {
        restore(form, draft.values);
      } else if (hasServerText(form)) {
        save(form, key); // not sent after all: keep what the server gave back
      } else {
        storage.removeItem(key); // sent: the form came back empty
      }
    }

    var timer = null;
    function saveSoon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        save(form, key);
      }, 400);
    }
    function saveNow() {
      window.clearTimeout(timer);
      save(form, key);
    }
    form.addEventListener("input", saveSoon);
    form.addEventListener("change", saveNow);
    window.addEventListener("pagehide", saveNow);

    // Sent: forms that post mark the draft and the next page decides (above);
    // the message form, sent by its own script, says when it went.
    form.addEventListener("submit", function () {
      if (form.hasAttribute("data-draft-async")) {
        return;
      }
      saveNow();
      var draft = read(key);
      if (draft) {
        draft.sent = true;
        storage.setItem(key, JSON.stringify(draft));
      }
      window.removeEventListener("pagehide", saveNow);
    });
    form.addEventListener("draft:sent", function () {
      window.clearTimeout(timer);
      storage.removeItem(key);
    });
  });

  // "Keep drafts on this device": near each form and on the account page.
  document.querySelectorAll("[data-draft-control]").forEach(function (control) {
    var status = control.querySelector("[data-draft-status]");
    var button = control.querySelector("[data-draft-toggle]");
    function draw() {
      var off = isOff();
      status.textContent = control.getAttribute(off ? "data-off-text" : "data-on-text");
      button.textContent = control.getAttribute(off ? "data-turn-on" : "data-turn-off");
    }
    button.addEventListener("click", function () {
      if (isOff()) {
        storage.removeItem(OFF);
        Object.keys(forms).forEach(function (key) {
          save(forms[key], key);
        });
      } else {
        removeAll();
        storage.setItem(OFF, "1");
      }
      document.querySelectorAll("[data-draft-control]").forEach(function (other) {
        other.dispatchEvent(new CustomEvent("draft:redraw"));
      });
    });
    control.addEventListener("draft:redraw", draw);
    draw();
    control.hidden = false;
  });
})();
