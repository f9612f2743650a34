// Small enhancements only: every link and form works without this file.
(function () {
  "use strict";

  // Say something in the share box's live region. Emptied first, so the same
  // message is announced again when the button is pressed twice.
  function announce(root, text) {
    var status = root.querySelector(".share__status");
    if (!status) {
      return;
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  // "Copy link": only where the Clipboard API exists (secure contexts).
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var root = button.closest(".share") || document;
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
        function () {
          announce(root, button.getAttribute("data-copied-text") || "Link copied.");
        },
        function () {
          announce(root, button.getAttribute("data-failed-text") || "Could not copy the link.");
        }
      );
    });
  });

  // "More options…": the device's own share sheet, where there is one.
  document.querySelectorAll("[data-web-share]").forEach(function (button) {
    if (!navigator.share) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator
        .share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
        .catch(function () {
          /* The person closed the share sheet: nothing to do. */
        });
    });
  });
})();
