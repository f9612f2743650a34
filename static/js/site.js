// Small enhancements only: every link and form works without this file.
(function () {
  "use strict";

  function announce(root, text) {
    var status = root.querySelector(".share__status");
    if (status) {
      status.textContent = text;
    }
  }

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard) {
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
