// The offline banner. Enhancement only: without this file forms post as
// usual and the browser shows its own page when there is no connection.
// While the browser is offline a form is not sent (its text stays where it
// is) and the banner says so; it goes when the connection comes back.
(function () {
  "use strict";

  var banner = document.querySelector("[data-offline-banner]");
  if (!banner || !("onLine" in navigator)) {
    return;
  }

  // The banner is a live region that is always in the page: it is filled in
  // (and read out) when the connection goes, and emptied when it returns.
  function show(text) {
    var title = document.createElement("strong");
    title.className = "offline-banner__title";
    title.textContent = banner.getAttribute("data-title");
    var sentence = document.createElement("span");
    sentence.textContent = text;
    banner.replaceChildren(title, document.createTextNode(" "), sentence);
    // A field brought into view (focus, a link to an error) stops below it.
    document.documentElement.style.scrollPaddingTop = banner.offsetHeight + 8 + "px";
  }

  function hide() {
    banner.replaceChildren();
    document.documentElement.style.scrollPaddingTop = "";
  }

  window.addEventListener("offline", function () {
    show(banner.getAttribute("data-text"));
  });
  window.addEventListener("online", hide);
  if (!navigator.onLine) {
    show(banner.getAttribute("data-text"));
  }

  // Caught on the way down, before any form's own script (the message form
  // sends with fetch): nothing is sent, nothing is cleared, no draft is
  // marked as sent.
  document.addEventListener(
    "submit",
    function (event) {
      if (navigator.onLine) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      show(banner.getAttribute("data-blocked-text"));
    },
    true
  );
})();
