// Wagtail admin: choosing a saved reply fills the reason with its text, so the
// moderator sees and can change what the author will read. Enhancement only:
// without this file an empty reason takes the chosen reply's text on submit.
// A form opts in with data-saved-replies="<id of a json_script {pk: text}>".
(function () {
  "use strict";

  function enhance(form) {
    var source = document.getElementById(form.getAttribute("data-saved-replies"));
    var select = form.querySelector("select[name='saved_reply']");
    var reason = form.querySelector("textarea[name='reason']");
    if (!source || !select || !reason) {
      return;
    }
    var texts;
    try {
      texts = JSON.parse(source.textContent);
    } catch (error) {
      return;
    }
    select.addEventListener("change", function () {
      var text = texts[select.value];
      if (typeof text === "string") {
        reason.value = text;
        reason.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-saved-replies]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
