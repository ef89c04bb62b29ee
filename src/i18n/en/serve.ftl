# en/serve.ftl: see ../mod.rs.
# What the preview (gongkai serve, src/serve/) says in the terminal, in the browser's overlay and error pages.

# The preview cannot start (ServeError in mod.rs)
serve-listen = cannot listen on {$addr}: {$cause}
serve-work = cannot create the preview folder {$path}: {$cause}
serve-watch = cannot watch the site's files: {$error}

# Terminal: start, changes, how each build ended (mod.rs)
serve-port-taken = port {$port} is taken: using a free port
serve-exposed = warning: listening on {$ip}: anyone who can reach this machine can read the preview
serve-listening = previewing {$root} (Ctrl-C to stop): {$url}
serve-stopped = stopped
serve-list-separator = {", "}
serve-changed = changed: {$files}
serve-changed-more = changed: {$files} and {$more} more
serve-built = built in {$ms} ms
serve-rebuilt = rebuilt in {$ms} ms
# The line after a failed build: what failed (serve-failure-*), the time, and what the preview shows meanwhile (serve-then-*).
serve-failed = {$what} ({$ms} ms). {$then}
serve-then-previous = The preview still shows the last good build; pages reload once it is fixed
serve-then-withheld = each report with errors shows its last good version (a new one is not shown yet) and every other edit is live; pages reload once it is fixed
serve-then-nothing = Nothing has been built yet; pages reload once it is fixed
serve-error = error: {$error}
serve-data-failed = error: the open data files could not be updated: {$error}

# What failed: the start of the terminal's line and the overlay's heading (live.rs)
serve-failure-check = check failed: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
serve-failure-site = the site cannot be read
serve-failure-template = a template or the theme has an error: the site was not built
serve-failure-output = the preview's files could not be written
serve-failure-changed = a report changed while the site was being built: it was not built

# The overlay's note in the browser (mod.rs, shown by reload.js)
serve-overlay-previous = Below is the page as last built without errors. Fix the files and the page reloads by itself.
serve-overlay-withheld = A report with errors is shown below as it last passed the checks (a new one is not shown yet); every other page shows your edits. Fix the files and the page reloads by itself.
serve-overlay-nothing = Nothing has been built yet. Fix the files and the page reloads by itself.

# Watching files (watch.rs)
serve-watch-limit = warning: the system's limit of watched files is reached (`fs.inotify.max_user_watches`); watching by polling every {$ms} ms instead
serve-watch-limit-help = help: raise the limit with `sudo sysctl fs.inotify.max_user_watches=524288`
serve-watch-native = warning: cannot watch files natively ({$error}); watching by polling every {$ms} ms instead
serve-watch-error = warning: file watching: {$error}

# The preview server's error pages (http.rs, limits.rs); the status line keeps HTTP's reason phrase.
serve-http-busy = the preview is busy: try again in a moment
serve-http-bad-request = malformed request
serve-http-method = the preview answers `GET` and `HEAD` requests only
serve-http-timeout = the request did not arrive in time
serve-http-too-long = the requested address is too long
serve-http-headers-too-large = the request headers are too large
serve-page-title = gongkai preview
serve-page-nothing-built = Nothing has been built yet: see the errors in the terminal.
