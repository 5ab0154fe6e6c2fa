// The grid map: grids as vector layers coloured by kind, management type or overdue visits; drawing new grids and
// editing one grid's shape with Leaflet.draw. Everything it needs comes from data attributes of #grid-map.
(function () {
    "use strict";
    var KIND = {RESIDENTIAL: "#0d6efd", INSTITUTIONAL: "#d63384", POLICE_PATROL: "#198754"};
    var TYPE = {ROUTINE: "#198754", GENERAL_PREVENTION: "#ffc107", KEY_ATTENTION: "#fd7e14", CONCENTRATED_RECTIFICATION: "#dc3545"};

    function colour(feature, by) {
        var p = feature.properties;
        if (by === "type") { return TYPE[p.managementType] || "#6c757d"; }
        if (by === "overdue") { return p.overdueVisits === 0 ? "#198754" : p.overdueVisits <= 3 ? "#ffc107" : "#dc3545"; }
        return KIND[p.kind] || "#6c757d";
    }

    function style(by) {
        return function (feature) {
            var police = feature.properties.kind === "POLICE_PATROL";
            return {color: colour(feature, by), weight: police ? 3 : 1.5, dashArray: police ? "6 4" : null,
                fillOpacity: police ? 0.03 : 0.25, className: "gr-grid gr-grid-" + feature.properties.code};
        };
    }

    // Leaflet.draw's own texts are English; the page hands over the localized ones.
    function localizeDraw(element) {
        var d = element.dataset;
        if (!L.drawLocal || !d.textPolygon) { return; }
        L.drawLocal.draw.toolbar.buttons.polygon = d.textPolygon;
        L.drawLocal.draw.toolbar.buttons.rectangle = d.textRectangle;
        L.drawLocal.draw.toolbar.actions.text = d.textCancel;
        L.drawLocal.draw.toolbar.finish.text = d.textFinish;
        L.drawLocal.draw.toolbar.undo.text = d.textUndo;
        L.drawLocal.draw.handlers.polygon.tooltip.start = d.textStart;
        L.drawLocal.draw.handlers.polygon.tooltip.cont = d.textContinue;
        L.drawLocal.draw.handlers.polygon.tooltip.end = d.textEnd;
        L.drawLocal.draw.handlers.rectangle.tooltip.start = d.textStart;
        L.drawLocal.edit.toolbar.buttons.edit = d.textEdit;
        L.drawLocal.edit.toolbar.buttons.remove = d.textRemove;
        L.drawLocal.edit.toolbar.actions.save.text = d.textFinish;
        L.drawLocal.edit.toolbar.actions.cancel.text = d.textCancel;
    }

    function baseMap(element) {
        localizeDraw(element);
        var map = L.map(element, {preferCanvas: false});
        var tiles = element.dataset.tileUrl;
        if (tiles) {
            L.tileLayer(tiles, {attribution: element.dataset.attribution || "", maxZoom: 19}).addTo(map);
        }
        return map;
    }

    function showNetwork(element) {
        var map = baseMap(element);
        var by = element.dataset.colour || "kind";
        fetch(element.dataset.layerUrl, {headers: {"Accept": "application/geo+json"}})
            .then(function (r) { return r.json(); })
            .then(function (data) {
                var layer = L.geoJSON(data, {
                    style: style(by),
                    onEachFeature: function (feature, path) {
                        var p = feature.properties;
                        var link = document.createElement("a");
                        link.href = "/grids/" + p.id;
                        link.textContent = p.name + " (" + p.code + ")";
                        path.bindPopup(link);
                        path.bindTooltip(p.name);
                    }
                }).addTo(map);
                element.dataset.loaded = String(data.features.length);
                if (data.features.length > 0) {
                    map.fitBounds(layer.getBounds());
                } else {
                    map.setView([44.01, 87.30], 13);
                }
            });
        if (element.dataset.draw === "true" && L.Control.Draw) {
            var drawn = new L.FeatureGroup().addTo(map);
            map.addControl(new L.Control.Draw({draw: {polyline: false, circle: false, marker: false, circlemarker: false,
                rectangle: true, polygon: {allowIntersection: false}}, edit: {featureGroup: drawn, edit: false, remove: true}}));
            map.on(L.Draw.Event.CREATED, function (event) {
                drawn.clearLayers();
                drawn.addLayer(event.layer);
                var field = document.getElementById("draw-geometry");
                field.value = JSON.stringify(event.layer.toGeoJSON().geometry);
                document.getElementById("draw-form").classList.remove("d-none");
            });
        }
    }

    function showGrid(element) {
        var map = baseMap(element);
        fetch(element.dataset.shapeUrl).then(function (r) { return r.json(); }).then(function (geometry) {
            var editable = new L.FeatureGroup().addTo(map);
            L.geoJSON(geometry, {style: {color: "#b3261e", weight: 2, fillOpacity: 0.2, className: "gr-grid-shape"}})
                .eachLayer(function (l) { editable.addLayer(l); });
            map.fitBounds(editable.getBounds());
            if (element.dataset.edit === "true" && L.Control.Draw) {
                map.addControl(new L.Control.Draw({draw: false, edit: {featureGroup: editable, remove: false}}));
                map.on(L.Draw.Event.EDITED, function () {
                    var layer = editable.getLayers()[0];
                    document.getElementById("shape-geometry").value = JSON.stringify(layer.toGeoJSON().geometry);
                    document.getElementById("shape-form").classList.remove("d-none");
                });
            }
        });
    }

    function showShapes(element) {
        var map = baseMap(element);
        var group = L.featureGroup().addTo(map);
        document.querySelectorAll("[data-geometry]").forEach(function (node) {
            L.geoJSON(JSON.parse(node.dataset.geometry), {style: {color: node.dataset.colour || "#dc3545", weight: 1, fillOpacity: 0.4}})
                .addTo(group);
        });
        if (element.dataset.layerUrl) {
            fetch(element.dataset.layerUrl).then(function (r) { return r.json(); }).then(function (data) {
                var grids = L.geoJSON(data, {style: style("kind")}).addTo(map);
                group.bringToFront();
                if (data.features.length > 0) { map.fitBounds(grids.getBounds()); }
            });
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var element = document.getElementById("grid-map");
        if (!element || !window.L) { return; }
        var mode = element.dataset.mode;
        if (mode === "grid") { showGrid(element); } else if (mode === "shapes") { showShapes(element); } else { showNetwork(element); }
    });
})();
