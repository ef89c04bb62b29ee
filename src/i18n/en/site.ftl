# en/site.ftl: see ../mod.rs.
# Errors of reading the site, its theme and templates, building it and writing the output
# (src/site.rs, theme.rs, render/, write.rs). The published site's own words are not here.

# The site folder (site.rs)
site-root-unreadable = cannot read the site folder {$path}: {$cause}

# Themes (theme.rs)
site-theme-name = `{$name}` is not a theme name: themes are named (lowercase letters, digits, `-` and `_`), not paths
site-theme-missing = theme `{$name}` not found: no folder {$dir}
site-theme-unread = {$path} in the theme was not read: {$why}

# Templates (render/mod.rs, render/templates.rs): a sentence naming the template and line; the reason and tera's snippet follow.
site-template-load-line = error in template {$file} at line {$line}: the templates could not be loaded.
site-template-load-file = error in template {$file}: the templates could not be loaded.
site-template-load-missing = template {$file} not found: the templates could not be loaded.
site-template-load = the templates could not be loaded.
site-template-render-line = error in template {$file} at line {$line}: page {$page} was not built.
site-template-render-file = error in template {$file}: page {$page} was not built.
site-template-render-missing = template {$file} not found: page {$page} was not built.
site-template-render = page {$page} was not built.
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
site-write-collision = the static file `static/{$path}` has the path of the file `{$path}` that gongkai generates, which would overwrite it: rename `static/{$path}` or move it to another folder
site-static-unread = the static file {$file} was not read: {$why}
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


## tera's errors (src/render/tera_error.rs): the common ones said again, the others in tera's words.

site-tera-reason = reason: {$reason}
site-tera-own-words = in the words of the template engine tera: {$text}
site-tera-undefined-variable = the variable `{$name}` is not defined
site-tera-undefined-field = the field `{$name}` is not defined
site-tera-available = {$sentence}; the fields available: {$names}
site-tera-unexpected = syntax error: found {$found} where {$expected} belongs
site-tera-expected-expression = an expression (a variable, a number or quoted text)
site-tera-expected-name = a name
site-tera-expected-attribute = an attribute name
site-tera-unknown-filter = there is no filter named `{$name}`
site-tera-unknown-test = there is no test named `{$name}`
site-tera-unknown-function = there is no function named `{$name}`
site-tera-unclosed-string = text opened with {$quote} lacks its closing {$quote}
site-tera-end-of-input = the template ends before its tag does: is a `{"%}"}`, `{"}}"}`, or an `{"{% endif %}"}`, `{"{% endfor %}"}` or `{"{% endblock %}"}` missing?
site-tera-unknown-tag = unknown tag: tags are `if`, `for`, `block`, `extends`, `include`, `set` and the like
site-tera-unexpected-character = a character the template syntax does not know
site-tera-undefined-value = the value to print is not defined
site-tera-missing-parent = the template {$file} extends {$parent}, which does not exist
site-tera-circular-extend = the templates {$file} extends form a loop: {$chain}
site-tera-circular-include = the templates {$file} includes form a loop: {$chain}
site-tera-token-string = quoted text
site-tera-token-number = a number
site-tera-token-bool = a true/false value
site-tera-token-content = the template's plain text
site-tera-token-comment = a comment
