// Sends the antiforgery token with every htmx request, and gives focus to swapped-in alerts.
document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
        event.detail.headers["RequestVerificationToken"] = meta.getAttribute("content");
    }
});

document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var box = document.getElementById("htmx-error");
    if (!box) {
        box = document.createElement("div");
        box.id = "htmx-error";
        box.className = "alert error floating";
        box.setAttribute("role", "alert");
        document.body.appendChild(box);
    }
    box.textContent = status === 404
        ? "That record was not found or is not visible to you."
        : status === 403
            ? "You are not allowed to do that."
            : status === 409
                ? "The record changed while you were working on it. Reload the page to see its current state."
                : "The request failed (" + status + "). Reload the page and try again.";
    setTimeout(function () { box.remove(); }, 8000);
});

document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);

document.addEventListener("change", function (event) {
    var all = event.target.closest("[data-check-all]");
    if (all) {
        document.querySelectorAll(all.getAttribute("data-check-all")).forEach(function (box) {
            box.checked = all.checked;
        });
    }
});
