# en/site.ftl: see ../mod.rs.
# Errors of reading the site, its theme and templates, building it and writing the output
# (src/site.rs, theme.rs, render/, write.rs). The published site's own words are not here.

# The site folder (site.rs)
site-root-unreadable = cannot read the site folder {$path}: {$cause}

# Themes (theme.rs)
site-theme-name = `{$name}` is not a theme name: themes are named (lowercase letters, digits, `-` and `_`), not paths
site-theme-missing = theme `{$name}` not found: no folder {$dir}
site-theme-unread = {$path} in the theme was not read: {$why}

# Templates (render/mod.rs, render/templates.rs): a sentence naming the template and line, then tera's report.
site-template-load-line = error in template {$file} at line {$line}: the templates could not be loaded. Tera's report:
site-template-load-file = error in template {$file}: the templates could not be loaded. Tera's report:
site-template-load-missing = template {$file} not found: the templates could not be loaded. Tera's report:
site-template-load = the templates could not be loaded. Tera's report:
site-template-render-line = error in template {$file} at line {$line}: page {$page} was not built. Tera's report:
site-template-render-file = error in template {$file}: page {$page} was not built. Tera's report:
site-template-render-missing = template {$file} not found: page {$page} was not built. Tera's report:
site-template-render = page {$page} was not built. Tera's report:
site-template-not-utf8 = template {$file} is not UTF-8: save it again as UTF-8
site-template-unread = template {$file} was not read: {$why}

# Building (render/pages/mod.rs)
site-build-changed = {$file} changed while the site was being built, and the change is not checked: build again

# The output folder (write.rs): a folder that is not gongkai's is never replaced.
site-output-site-folder = refusing to build into {$path}: it is the site folder or a folder above it, and a build replaces everything in it. Choose another folder with --output
site-output-sources = refusing to build into {$path}: it holds, or is inside, the site's sources (`content/`, `themes/`, `templates/`, `forms/`, `static/`). Choose another folder with --output
site-output-not-ours = refusing to build into {$path}: it is not empty and is not an earlier gongkai output (no `{$marker}` file), and a build replaces everything in it. Empty it, or choose another folder with --output
site-output-file = refusing to build into {$path}: it is a file, not a folder
site-write-escape = refusing to write `{$path}` outside the output folder
site-write-busy = another gongkai build is writing to {$path} right now: wait for it to finish, then build again
site-write-stopped = stopping: nothing more is written
site-write-create = cannot create {$path}: {$cause}
site-write-open = cannot open {$path}: {$cause}
site-write-read = cannot read {$path}: {$cause}
site-write-write = cannot write {$path}: {$cause}
site-write-replace = cannot replace {$path}: {$cause}
site-write-remove-leftover = cannot remove {$path}, left by an interrupted build: {$cause}
site-write-move-aside = cannot move the previous output {$path} aside: {$cause}
site-write-move-into-place = cannot move the new build {$path} into place: {$cause}
site-write-remove-previous = the new site is in place, but the previous output {$path} cannot be removed: {$cause}
site-write-lock = cannot lock {$path}: {$cause}

# What the operating system said (explain in write.rs); other causes are shown as the system says them.
site-io-not-found = it does not exist
site-io-permission = permission denied
site-io-exists = it already exists
site-io-full = the disk is full
site-io-read-only = the file system is read-only
site-io-not-folder = a part of the path is not a folder
site-io-is-folder = it is a folder
site-io-not-empty = the folder is not empty
site-io-address-in-use = the address is in use
site-io-address-unavailable = this machine has no such address
