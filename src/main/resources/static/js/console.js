// Console behaviour shared by every page: errors of htmx requests are shown in the page's message area.
document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) {
        return;
    }
    htmx.config.allowEval = false;
    htmx.config.responseHandling = [
        {code: "204", swap: false},
        {code: "[23]..", swap: true},
        {code: "[45]..", swap: true, error: true, target: "#flash", swapOverride: "innerHTML"},
        {code: "...", swap: false}
    ];
    // A work queue refreshes its rows every half minute: as many as are shown, with the pages brought in by
    // "show more" (WorkPlaceController).
    document.body.addEventListener("htmx:configRequest", function (event) {
        if (event.detail.elt.id === "queue-rows") {
            var shown = event.detail.elt.querySelectorAll("tr.case-row").length;
            if (shown > 0) {
                event.detail.parameters["shown"] = String(shown);
            }
        }
    });
    // A long form's error would otherwise appear out of sight, above the fold.
    document.body.addEventListener("htmx:afterSwap", function (event) {
        if (event.detail.target && event.detail.target.id === "flash") {
            event.detail.target.scrollIntoView({block: "start", behavior: "instant"});
        }
    });
});
