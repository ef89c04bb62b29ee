// gongkai serve: reloads the page when the site is rebuilt and shows build
// errors over the last good page. Only ever served by `gongkai serve`.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? Number(new URL(script.src).searchParams.get("g") || 0) : 0;
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  // The words come with the report, in the language of the run: gongkai
  // speaks to the webmaster, whatever the language of the site.
  function show(report) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "gongkai-overlay";
    overlay.lang = report.lang;
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "gongkai-overlay-title");
    overlay.setAttribute("aria-describedby", "gongkai-overlay-note");
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
      "color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px";
    var title = document.createElement("h2");
    title.id = "gongkai-overlay-title";
    title.textContent = report.summary;
    title.style.cssText = "color:#ff8a80;font:bold 20px/1.4 sans-serif;margin:0 0 12px";
    overlay.appendChild(title);
    var note = document.createElement("p");
    note.id = "gongkai-overlay-note";
    note.textContent = report.note;
    note.style.cssText = "font-family:sans-serif;margin:0 0 16px";
    overlay.appendChild(note);
    report.errors.forEach(function (e) {
      var item = document.createElement("pre");
      item.textContent = e;
      item.style.cssText = "white-space:pre-wrap;background:#000;border-left:4px solid #ff5252;padding:12px;margin:0 0 12px";
      overlay.appendChild(item);
    });
    document.body.appendChild(overlay);
  }

  function connect() {
    var source = new EventSource("/__gongkai/events?g=" + generation);
    source.addEventListener("reload", function (event) {
      if (Number(event.data) !== generation) {
        location.reload();
      }
    });
    // The edited report is ready before the listings: only its page reloads now.
    source.addEventListener("fresh", function (event) {
      var parts = event.data.split(" ");
      var path = location.pathname;
      for (var i = 1; i < parts.length; i++) {
        if (path === parts[i] || path === parts[i] + "index.html") {
          location.reload();
          return;
        }
      }
    });
    source.addEventListener("failed", function (event) {
      show(JSON.parse(event.data));
    });
  }

  connect();
})();
