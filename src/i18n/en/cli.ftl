# The command line: help, argument errors, site.toml errors, build and check output.

# Help (cmd/cli.rs): what each command and option does.
cli-about = Static site generator for 政府信息公开工作年度报告: checks each report against its national format and builds a site ready to publish
cli-arg-root = The site folder (holding `site.toml` and `content/`); the current folder by default
cli-arg-lang = Language of messages and help: `zh` (Chinese, the default) or `en` (English); before `lang` in `site.toml` and the `LANG` environment variable
cli-arg-help = Print help
cli-arg-version = Print version
cli-check-about = Check every report against its form; exit 1 on errors
cli-check-format = Output style: `human` (for people, the default) or `json` (one JSON object per line, for programs)
cli-check-deny-warnings = Fail (exit 1) on warnings too
cli-check-no-cache = parse and check every report again, without the site's cache (by default, an unchanged report's last parse and check are reused from `.gongkai-cache/`)
cli-build-about = Check, then build the site into a static folder (the previous output is replaced as a whole)
cli-build-output = Output folder (default: `public/` in the site)
cli-build-base-url = Absolute URL the site is published at (feed, sitemap, canonical links)
cli-build-strict = Any error publishes nothing (no report with errors is withheld alone); exit 1
cli-build-drafts = Publish drafts (reports with `draft: true`) too, marked 草稿 (draft) on their pages
cli-build-exit-codes = Exit status: 0 every report published; 3 published, but some reports withheld (a report with errors is not published, and the version published before stays online); 1 nothing published (errors with --strict, errors that concern the whole site, a template error, or every report withheld); 2 could not run (`site.toml` or a form is invalid, the output cannot be written)
cli-serve-about = Preview the site: build, serve on 127.0.0.1, rebuild and reload on every change
cli-serve-port = Port (default 8420; a free one is used when it is taken)
cli-serve-bind = Address to listen on (default 127.0.0.1); only change it on a trusted network
cli-serve-open = Open the browser
cli-serve-poll = Watch by polling (network drives, WSL, or when the inotify limit is reached)
cli-serve-no-drafts = Hide drafts, as `build` does (the preview shows them by default, marked 草稿)
cli-init-about = Create a new site in a folder, ready to build
cli-init-dir = The folder to create
cli-import-about = Import published reports (saved web pages, Word .docx files, copied text) as report files; never overwrites
cli-import-inputs = Files, or folders whose every file is imported
cli-import-agency = The agency's folder name (lowercase ASCII letters, digits and `-`)
cli-import-year = The report year, when the title does not state it
cli-import-dry-run = Print what would be written; write nothing
cli-import-force = Write even when some table figures could not be placed in a cell
cli-new-about = Create a new report, agency or document of the catalogue
cli-new-report-about = A report pre-filled for its year's form: `content/reports/AGENCY/YEAR.md`
cli-new-report-agency = The agency's folder name
cli-new-report-year = The year the report covers
cli-new-agency-about = An agency description: `content/reports/SLUG/agency.yaml`
cli-new-agency-slug = Folder name used in URLs (lowercase ASCII letters, digits and `-`)
cli-new-agency-name = Full official name
cli-new-agency-kind = Kind of agency: 部门 / 乡镇 / 街道 / 人民政府
cli-new-document-about = A document of the catalogue to fill in, with comments: `content/documents/FOLDER/NAME.md`
cli-new-document-folder = The folder: an agency's folder name (such as `baibu`), or a category
cli-new-document-title = The document's title
cli-new-document-name = The file name without `.md` (lowercase ASCII, digits, -); today's date by default
cli-help-about = Print the help of a command, e.g. `gongkai help new report`
cli-help-command = The command (and its subcommand)

# Names of option values in the help, as in --root <DIR>.
cli-value-folder = DIR
cli-value-lang = LANG
cli-value-format = FORMAT
cli-value-url = URL
cli-value-port = PORT
cli-value-address = ADDRESS
cli-value-file = FILE
cli-value-slug = SLUG
cli-value-year = YEAR
cli-value-name = NAME
cli-value-kind = KIND
cli-value-title = TITLE
cli-value-command = COMMAND

# The layout of the help: headings and the usage line.
cli-heading-usage = Usage:{" "}
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-usage-options = [OPTIONS]

# The first line of an error (main.rs and the commands), and how causes are joined.
cli-error = error: {$message}
cli-error-cause = {$message}: {$cause}
# Between the items of a list.
cli-list-separator = {", "}

# Mistakes on the command line (cmd/cli_error.rs).
cli-err-unknown-arg = unexpected argument `{$arg}`
cli-err-unknown-command = unrecognized command `{$command}`
cli-err-no-value = a value is required for `{$arg}`
cli-err-invalid-value = invalid value `{$value}` for `{$arg}`; possible values: {$valid}
cli-err-bad-value = invalid value `{$value}` for `{$arg}`: {$reason}
cli-err-missing-args = required arguments were not provided: {$args}
cli-err-missing-command = `{$command}` requires a command: {$valid}
cli-err-repeated = `{$arg}` cannot be used more than once
cli-err-conflict = `{$arg}` cannot be used with {$other}
cli-err-extra-value = unexpected value `{$value}` for `{$arg}`
cli-err-tip = tip: did you mean `{$suggestion}`?
cli-err-usage = Usage: {$usage}
cli-err-more = For more information, try `--help`.
cli-err-reason-unknown = not in the expected format
cli-err-reason-empty = the value is empty
cli-err-reason-too-large = the number is out of range
cli-err-reason-integer = a whole number is expected
cli-err-reason-address = not a valid IP address (such as 127.0.0.1)
cli-err-reason-range = must be between {$min} and {$max}
cli-err-reason-detail = {$detail}
cli-err-terminal = cannot write to the terminal: {$reason}

# Output of check and build (cmd/check.rs, cmd/build.rs).
cli-check-err-output = cannot write the findings: {$reason}
cli-build-done = built { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} ({ $reports ->
    [one] 1 report
   *[other] { $reports } reports
}) into {$output} in {$ms} ms ({ $unchanged ->
    [one] 1 file
   *[other] { $unchanged } files
} unchanged)
cli-build-refused = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} found: nothing was built; {$output} was left untouched
cli-build-nothing-built = nothing was built; {$output} was left untouched
cli-build-err-content = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} found: the previous output was left untouched
cli-build-untouched = the previous output was left untouched
cli-build-site-errors = { $errors ->
    [one] 1 error concerns
   *[other] { $errors } errors concern
} the whole site (not one report): nothing was built; {$output} is left as it was
cli-build-withheld-head = { $count ->
    [one] 1 report withheld:
   *[other] { $count } reports withheld:
}
cli-build-withheld-line = {$file} ({$reason}; {$previous})
cli-build-withheld-documents-head = { $count ->
    [one] 1 document of the catalogue withheld:
   *[other] {$count} documents of the catalogue withheld:
}
cli-build-withheld-document = {$file} ({$reason})
cli-build-reason-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
cli-build-reason-unread = could not be read
cli-build-reason-agency = its agency's `agency.yaml` has { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
cli-build-reason-undescribed = its agency has no `agency.yaml`
cli-build-reason-neighbour = disagrees with the neighbouring year's report kept online, { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
cli-build-previous-kept-date = the version published on {$date} stays online
cli-build-previous-kept = the version published before stays online
cli-build-previous-none = not published before
cli-build-drafts-head = { $count ->
    [one] 1 draft
   *[other] { $count } drafts
} not published (publish drafts with --drafts):
cli-build-draft-line = {$file} ({$previous})
cli-build-kept-findings = errors found against the versions kept online:
cli-build-all-withheld = every report ({$count}) is withheld: nothing was built; {$output} is left as it was
cli-build-lost-unrecorded = {$file} has errors and its page is online, but there is no record of the text it was published from (the output was built by an earlier gongkai, or the record was removed): it cannot be kept
cli-build-lost-failing = {$file} has errors, and the version of it published before now fails the checks too ({ $errors ->
    [one] 1 error
   *[other] { $errors } errors
}): it cannot be kept
cli-build-lost-end = so that no report online disappears, nothing was built; {$output} is left as it was. Fix the reports above and build again (to take a report off the site, delete its file)


# Errors of site.toml (config.rs, config/toml_error.rs): where, then what.
cli-config-at = {$path}:{$line}:{$col}: {$problem}
cli-config-missing = {$path} not found: this is not a gongkai site. Give the site folder with `--root`, or create a site with `gongkai init DIR`
cli-config-unreadable = cannot read {$path}: {$reason}
cli-config-theme = `theme = {$value}` is not a theme of this site: themes are named (lowercase letters, digits, `-` and `_`), each the folder `themes/NAME` of the site or the built-in `default`; this site's themes: {$themes}
cli-config-deadline = `{$key} = "{$value}"` in `[deadlines]` is not a valid date: write it as `MM-DD`, such as `01-31`
cli-config-similarity = `similarity` in `[check]` must be between 0 and 1, such as 0.5
cli-config-similarity-across = `similarity_across` in `[check]` must be between 0 and 1, such as 0.5
cli-config-jump-ratio = `jump_ratio` in `[check]` must be more than 1, such as 5
cli-config-jump-min = `jump_min` in `[check]` must be 0 or more, such as 50
cli-config-latest-year = `latest_year = {$value}` in `[check]` is not a year: write four digits, such as 2024
cli-config-severity-code = “{$code}” in `[check.severity]` is not a rule's code: write a code as `check` prints it, such as `"X-JUMP"`
cli-config-severity-input = `[check.severity]` cannot change “{$code}”: codes starting with `IN-` are errors in the files themselves, not rules to adjust
cli-config-severity-value = the value “{$value}” of “{$code}” in `[check.severity]` is not valid: use `"error"`, `"warning"`, `"notice"` or `"off"`
cli-config-index = `index_pattern = "{$value}"` in `[documents]` cannot be used: {$why}
cli-config-index-brace = its braces do not pair
cli-config-index-unknown = there is no `{"{"}{$name}{"}"}`: use `{"{"}code{"}"}` (the agency's code), `{"{"}year{"}"}` (the year published), `{"{"}serial{"}"}` (the serial number)
cli-config-index-adjacent = `{"{"}code{"}"}` or `{"{"}serial{"}"}` must be followed by text (such as `/` or `-`), or where it ends cannot be told
cli-config-index-serial = it must hold `{"{"}serial{"}"}` (the serial number), such as `{"{"}code{"}"}/{"{"}year{"}"}-{"{"}serial{"}"}`
cli-config-kind-counts = `counts_as = "{$value}"` of the kind 「{$kind}」 in `[documents]` cannot be used: write `rules` (规章) or `normative` (行政规范性文件)
cli-config-word-empty = a list in `[documents]` has an empty word
cli-config-word-twice = a list in `[documents]` has 「{$word}」 twice
cli-config-base-url = `base_url = "{$value}"` must start with `http://` or `https://`
cli-config-base-url-bad = `base_url = "{$value}"` is not a valid URL: {$why}; give the full address the site is published at, e.g. `https://www.example.gov.cn/xxgk/`
cli-config-base-url-chars = a URL cannot hold blanks, `?`, `#` or `\`
cli-config-base-url-host = the host name is invalid (e.g. `www.example.gov.cn`, `192.0.2.1` or `[2001:db8::1]`)
cli-config-base-url-port = the port must be a number from 1 to 65535
cli-base-url-flag = `--base-url` is invalid: {$problem}
cli-config-lang = `lang = "{$value}"` is not a language gongkai speaks: use `zh` (Chinese) or `en` (English)
cli-config-unknown-key = unknown key `{$key}`; valid keys: {$valid}
cli-config-unknown-key-none = unknown key `{$key}`; no keys are allowed here
cli-config-top-level-key = . `{$key}` belongs to the top level: write it at the start of the file, before the first `[…]` table
cli-config-missing-key = missing key `{$key}`
cli-config-wrong-type = wrong type of value: expected {$expected}, found {$found}
cli-config-type-text = quoted text
cli-config-type-integer = a whole number
cli-config-type-number = a number
cli-config-type-boolean = `true` or `false`
cli-config-type-array = an array
cli-config-type-table = a table
cli-config-duplicate = duplicate key: each key may be written once
cli-config-unquoted = text must be in straight double quotes, as in `title = "政府信息公开"`
cli-config-no-equals = `=` is missing after the key: write `key = value`
cli-config-no-value = the value after `=` is missing
cli-config-unclosed-string = unclosed quote: the text has no closing quote
cli-config-unclosed-table = the table name has no closing `]`: write it as `[deadlines]`
cli-config-syntax = not valid TOML (the parser says: {$detail})
cli-config-full-width = ; the line has the full-width sign 「{$mark}」: type the half-width `{$ascii}` instead
cli-config-site-code = `site_code = "{$value}"` in `[identity]` is not a valid site code (网站标识码): 10 digits, such as `3304240001`, or `bm` and 8 digits for a department's site, such as `bm12000001`
cli-config-icp = `icp = "{$value}"` in `[identity]` is not a valid ICP number: a province's one-character name, `ICP备`, digits and `号`, optionally `-` and a number, such as `浙ICP备12345678号-1`
cli-config-police = `police = "{$value}"` in `[identity]` is not a valid public security record number: a province's one-character name, `公网安备`, 14 digits and `号`, such as `浙公网安备 33042402000123号`
cli-config-email = `email = "{$value}"` in `[identity]` is not a valid e-mail address, such as `xxgk@example.gov.cn`
cli-config-logo = `logo = "{$value}"` in `[identity]` must be a file of the `static/` folder, written relative to it, such as `images/logo.svg` (no `..`, not starting with `/`)
cli-config-logo-missing = `logo = "{$value}"` in `[identity]`: the `static/` folder has no such file
cli-build-no-cache = build in full, without any cache (by default, when content, theme and settings are as at the last build, its output is kept, and an unchanged report's last parse and check are reused from `.gongkai-cache/`)
cli-build-up-to-date = nothing changed in content, theme or settings: the last build's { $pages } pages ({ $reports } reports) in { $output } are kept, in { $ms } ms (--no-cache builds in full)

# Editor completion, the summary workbook, shell completions, the progress bar (cmd/schema.rs, cmd/export.rs, cmd/completions.rs).
cli-arg-quiet = No progress bar (it shows only on a terminal, for runs of more than a second)
cli-schema-about = Write the `JSON Schema` of the front matter (reports of each form, agency.yaml, documents) for editor completion
cli-schema-output = Output folder (default: `schemas/` in the site)
cli-export-about = Export figures for reporting upward
cli-export-xlsx-about = Write an `xlsx` workbook (tables 二, 三, 四 and the findings): of a report (`--agency` and `--year`), of an agency's years (`--agency`), or a year's summary (`--year`, optionally `--parent`)
cli-export-agency = The agency's folder name
cli-export-year = The report year
cli-export-parent = Sum only this agency and the agencies under it (default: the whole site)
cli-export-output = The workbook file (default: in the site folder, named after what is exported)
cli-completions-about = Print a shell completion script, e.g. `gongkai completions bash`
cli-completions-shell = The shell: `bash`, `zsh`, `fish`, `powershell` or `elvish`
cli-value-shell = SHELL
