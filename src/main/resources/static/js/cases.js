// Case pages: the map of a case, picking a point on a map or from the device, and sending a report from a phone on a
// weak network: the form is re-sent with the same idempotency key until it gets through, so it is stored once.
(function () {
    "use strict";
    var CHANGJI = [44.011, 87.308];

    function tiles(map) {
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
            maxZoom: 19, attribution: "&copy; OpenStreetMap"
        }).addTo(map);
    }

    function showCase() {
        var element = document.getElementById("case-map");
        if (!element || !window.L) {
            return;
        }
        var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)];
        var map = L.map(element).setView(point, 16);
        tiles(map);
        L.marker(point).addTo(map);
    }

    function pickPoint() {
        var element = document.querySelector("[data-pick]");
        if (!element || !window.L) {
            return;
        }
        var map = L.map(element).setView(CHANGJI, 13);
        tiles(map);
        var marker = null;
        function place(lat, lng) {
            document.getElementById("intake-latitude").value = lat.toFixed(6);
            document.getElementById("intake-longitude").value = lng.toFixed(6);
            if (marker) {
                marker.setLatLng([lat, lng]);
            } else {
                marker = L.marker([lat, lng]).addTo(map);
            }
        }
        map.on("click", function (e) { place(e.latlng.lat, e.latlng.lng); });
        var locate = document.getElementById("locate");
        if (locate && navigator.geolocation) {
            locate.addEventListener("click", function () {
                navigator.geolocation.getCurrentPosition(function (position) {
                    place(position.coords.latitude, position.coords.longitude);
                    map.setView([position.coords.latitude, position.coords.longitude], 17);
                });
            });
        }
    }

    function csrfHeaders() {
        var headers = {"HX-Request": "true"};
        try {
            var extra = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
            Object.keys(extra).forEach(function (name) { headers[name] = extra[name]; });
        } catch (e) {
            // no CSRF header on the page
        }
        return headers;
    }

    function sleep(ms) {
        return new Promise(function (resolve) { setTimeout(resolve, ms); });
    }

    function online() {
        return navigator.onLine ? Promise.resolve() : new Promise(function (resolve) {
            window.addEventListener("online", resolve, {once: true});
        });
    }

    async function send(form) {
        var data = new FormData(form);
        var state = document.getElementById("send-state");
        var button = form.querySelector("[type=submit]");
        button.disabled = true;
        for (var attempt = 0; ; attempt++) {
            if (!navigator.onLine && state) {
                state.textContent = state.dataset.offline;
            }
            await online();
            if (state) {
                state.textContent = attempt === 0 ? state.dataset.sending : state.dataset.retrying;
            }
            try {
                var response = await fetch(form.getAttribute("action"), {method: "POST", body: data, headers: csrfHeaders()});
                if (response.status >= 500) {
                    throw new Error("server " + response.status);
                }
                var redirect = response.headers.get("HX-Redirect");
                if (response.ok && redirect) {
                    window.location.href = redirect;
                    return;
                }
                document.getElementById("flash").innerHTML = await response.text();
                if (state) {
                    state.textContent = "";
                }
                button.disabled = false;
                return;
            } catch (e) {
                await sleep(Math.min(30000, 1000 * Math.pow(2, attempt)));
            }
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        showCase();
        pickPoint();
        var form = document.getElementById("mobile-report");
        if (form) {
            form.addEventListener("submit", function (e) {
                e.preventDefault();
                send(form);
            });
        }
    });
})();
