// gongkai serve: reloads the page when the site is rebuilt and shows build
// errors over the last good page. Only ever served by `gongkai serve`.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? Number(new URL(script.src).searchParams.get("g") || 0) : 0;
  var overlay = null;
  // The generation of the edited page being swapped in (see `swap`).
  var swapping = 0;

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

  // What a page is apart from its <main>: the language, the head, and the
  // body without <main>, this script's tag and the overlay. Serialising the
  // page the browser holds and the page just fetched gives the same text
  // when nothing else changed.
  function frame(doc) {
    var body = doc.body.outerHTML;
    var cut = [doc.querySelector("main"), doc.getElementById("gongkai-overlay")];
    cut = cut.concat(Array.prototype.slice.call(doc.querySelectorAll('script[src^="/__gongkai/"]')));
    cut.forEach(function (el) {
      if (el) {
        body = body.replace(el.outerHTML, "");
      }
    });
    return doc.documentElement.lang + "\n" + doc.head.outerHTML + "\n" + body;
  }

  // The edited page, built for generation `g`, replaces the one shown
  // without a reload: its new <main> is put in place of the old, so the
  // browser shows the edit at once and keeps the scroll position. Anything
  // else that changed (the title, the navigation), a script in the new
  // <main> (it would not run), or any failure reloads the page instead.
  function swap(g) {
    swapping = g;
    fetch(location.pathname, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (text) {
        if (g !== swapping) {
          return; // a newer edit is on its way
        }
        var next = new DOMParser().parseFromString(text, "text/html");
        var mains = document.querySelectorAll("main");
        var fresh = next.querySelectorAll("main");
        if (mains.length !== 1 || fresh.length !== 1 || fresh[0].querySelector("script") || frame(document) !== frame(next)) {
          location.reload();
          return;
        }
        mains[0].replaceWith(document.adoptNode(fresh[0]));
        generation = g;
        swapping = 0;
        if (script) {
          script.setAttribute("data-generation", String(g));
        }
        hide();
        document.dispatchEvent(new CustomEvent("gongkai:updated", { detail: { generation: g } }));
      })
      .catch(function () {
        location.reload();
      });
  }

  function connect() {
    var source = new EventSource("/__gongkai/events?g=" + generation);
    source.addEventListener("reload", function (event) {
      var g = Number(event.data);
      // The page being swapped in is of this generation already.
      if (g !== generation && g !== swapping) {
        location.reload();
      }
    });
    // The edited report is ready before the listings: only its page changes now.
    source.addEventListener("fresh", function (event) {
      var parts = event.data.split(" ");
      var path = location.pathname;
      for (var i = 1; i < parts.length; i++) {
        if (path === parts[i] || path === parts[i] + "index.html") {
          swap(Number(parts[0]));
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
