/* The free-consultation form shows its times in the member's own time zone.
   Without JavaScript the page shows the specialist's zone and a select to
   change it; with it, the browser's zone is detected once and the page asks
   for its times in that zone (?tz=...). Choosing another zone in the select
   shows the times in it at once. */
(function () {
    "use strict";
    var form = document.querySelector("[data-zone-form]");
    if (!form) {
        return;
    }
    var select = form.querySelector("select[name=tz]");
    if (!select) {
        return;
    }
    select.addEventListener("change", function () {
        form.submit();
    });
    var params = new URLSearchParams(window.location.search);
    // A zone already chosen, or a form sent back with errors (what the member wrote stays).
    if (params.has("tz") || document.querySelector("[data-booking-form][data-bound]")) {
        return;
    }
    var detected;
    try {
        detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
        return;
    }
    if (!detected || detected === select.value) {
        return;
    }
    var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === detected;
    });
    if (known) {
        params.set("tz", detected);
        window.location.replace(window.location.pathname + "?" + params.toString());
    }
})();
