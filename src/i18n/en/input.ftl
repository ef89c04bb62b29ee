# Reading and parsing input: reports, agency files, pages, form files. See ../mod.rs.
# The forms' own labels are quoted verbatim in 「」; keys are in `backticks`.

# Between the items of a list (list() in front.rs).
in-list-separator = {", "}

## yaml.rs: the YAML front matter's syntax

# Kinds of value, after "found".
in-kind-empty = an empty value
in-kind-scalar = a single value
in-kind-list = a list
in-kind-map = a map of keys
in-yaml-colon = YAML syntax error: {$detail} (a `key: value` line is misplaced: check its indentation, or quote a value that contains `: `)
in-yaml-indent = YAML syntax error: {$detail} (check the indentation and that every `[` has its `]`)
in-yaml-tab = YAML syntax error: {$detail} (YAML indentation must use spaces, not tabs)
in-yaml-deep = YAML syntax error: {$detail} (the values are nested far too deeply)
in-yaml-quote = YAML syntax error: {$detail} (check that every quote is closed and every escape is valid)
in-yaml-other = YAML syntax error: {$detail}
in-yaml-after-end = this text comes after the end of the front matter's YAML (a `...` or `---` line above it ended it) and would be ignored
in-yaml-ends-here = the YAML ends here
in-yaml-anchor = YAML anchors (`&name`) are not supported in reports: write the value out (a `&` typed before a figure makes it an anchor and loses the figure)
in-yaml-alias = YAML aliases (`*name`) are not supported in reports: write the value out
in-yaml-too-deep = the values are nested more than {$max} levels deep
in-yaml-duplicate = the key `{$key}` is written twice
in-yaml-first-here = first written here

## parse/punct.rs: full-width punctuation typed by a Chinese input method

in-mark-colon = a full-width colon 「：」
in-mark-comma = full-width commas 「，」
in-mark-enumeration-comma = enumeration commas 「、」
in-mark-semicolon = full-width semicolons 「；」
in-mark-brackets = full-width brackets 「{$pair}」
in-mark-digits = full-width digits
in-punct-colon = `{$key}` is followed by a full-width colon 「：」, which YAML does not read as a colon: the line cannot be read
in-punct-colon-help = write a half-width colon and a space: `{$fixed}`
in-punct-colon-bare-help = write a half-width colon: `{$fixed}`
in-punct-list = the list of `{$key}` has {$marks}: YAML reads only half-width punctuation, so the whole list would be one value
in-punct-list-help = write it with half-width punctuation: `{$fixed}`
in-punct-line = the line of `{$key}` has {$marks}: YAML reads only half-width punctuation, so the line cannot be read
in-punct-line-help = write it with half-width punctuation: `{$fixed}`

## parse/front.rs: front matter and keys

in-no-front-matter = the file does not start with front matter (a `---` line)
in-front-not-closed = the front matter is not closed: add a `---` line after it
in-more-unknown-keys = { $more ->
    [one] 1 more unknown key in this file is not listed
   *[other] { $more } more unknown keys in this file are not listed
}
in-unknown-key = unknown key `{$key}` in {$place}
in-unknown-key-label = not a key here
in-did-you-mean = did you mean `{$key}`?
in-expected-keys = expected one of: {$keys}
in-not-a-map = {$place} must be a map of `key: value` lines, found {$found}
# Where a key is, after "in" or before "must be".
in-place-front = the front matter
in-place-table = table `{$key}` ({$caption})
in-place-row = `{$row}`
in-place-missing = `missing_in_original` (the tables of this form)
in-place-agency = the agency file
in-place-contact = `contact`
in-place-page = a page's front matter
in-place-document = a document's front matter

## parse/mod.rs: a report's front matter

in-front-help = a report starts with `---`, then `year: 2024` and the tables' figures, then `---`, then the Markdown narrative; `gongkai new report` writes one
in-front-empty = the front matter is empty: it needs at least `year:`
in-no-year = the front matter has no `year:`
in-no-year-help = add a line such as `year: 2024` (the year the report covers)
in-bad-year = `year` must be a four-digit year such as 2024, found `{$found}`
in-bad-year-kind = `year` must be a four-digit year such as 2024, found {$kind}
in-form-range = {$from}–{$to}
in-form-range-open = {$from} on
in-form-years = form `{$form}` applies to reports of {$range}, not {$year}
in-form-years-help = the form for {$year} is `{$form}`: remove the `form:` line to use it
in-form-years-help-none = remove the `form:` line
in-unknown-form = unknown form `{$form}`
in-known-forms = known forms: {$forms}
in-no-form = no form applies to reports of {$year}: the national formats cover 2019 on
in-no-form-help = name a form with `form:` (a site form in forms/*.json)
in-key-not-word = keys must be plain words
in-title-text = `title` must be text
in-not-a-flag = `{$key}` is either `true` or `false`, found {$found}
in-as-published-help = `as_published: true` says the report is reproduced as its agency published it: its figures stay as printed, and what does not agree is shown on its page as a notice (数据核对提示)
in-draft-bool-help = a draft has `draft: true`; when it is final, remove the line (or write `draft: false`)
in-table-other-form = table `{$table}` belongs to form `{$other}`, but this {$year} report follows `{$form}`
in-table-other-form-help = `{$form}` has the tables: {$tables}
in-missing-but-present = `{$table}` is listed in `missing_in_original`, but the front matter has the table
in-missing-but-present-help = remove it from the list, or remove the table
in-missing-not-list = `missing_in_original` must be a list of table keys
in-tables-absent = the front matter lacks { $count ->
    [one] 1 table
   *[other] { $count } tables
} of the form: {$tables}
in-tables-absent-help = add each table as printed (0 where the original prints 0); a table that the published original does not have at all is declared with `missing_in_original: [{$keys}]`
in-tables-absent-after = {$message}, to be written after the table `{$key}`
in-tables-absent-after-label = the missing table belongs after this one
in-tables-absent-before = {$message}, to be written before the table `{$key}`
in-tables-absent-before-label = the missing table belongs before this one
in-stray = `{$key}:` is a line of front matter in the narrative: its figures would be lost
in-stray-label = the front matter ends here
in-stray-help = move it above the closing `---` (a stray `---` line inside the front matter ends it early), or delete it from the text
in-nesting-html = the text nests HTML elements more than {$max} levels deep
in-nesting-blocks = the text nests block quotes or lists more than {$max} levels deep
in-nesting-help = remove the extra nesting: a report needs a few levels at most
# A table's row written at column 1 (it belongs indented under its table's key).
in-row-unindented = `{$key}` is written without indentation: it is a row of {$table}, not a key of the front matter
in-row-unindented-help = indent it by two spaces, under `{$table}`: `  {$key}: …`
in-row-table-here = table `{$table}` is here
in-yaml-unindented-help = `{$key}` on line {$line} is a row of table `{$table}` written without indentation: indent it by two spaces, under `{$table}`
in-yaml-unindented-label = `{$key}` is not indented

## parse/date.rs: the publication date

in-date-format = `{$key}` must be a date written `YYYY-MM-DD`, found `{$found}`
in-date-format-kind = `{$key}` must be a date written `YYYY-MM-DD`, found {$kind}
in-date-format-help = for example `{$key}: 2025-01-20`
in-date-fix-help = write `{$key}: {$date}`
in-date-no-month = {$what} {$date} does not exist: a year has 12 months, not {$month}
in-date-no-day = {$what} {$date} does not exist: { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} {$year} has no day {$day}
in-date-what-published = the publication date
in-date-what-written = the date written
in-date-what-validity-date = the date it ceased to be in force
in-date-no-day-help = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} {$year} has {$days} days: write the real date, e.g. `{$key}: {$last}`

## parse/figures.rs and parse/tables.rs: the tables' figures

in-cell = {$row} / {$col}
in-cell-problem = {$cell}: {$problem}
in-why-leading-zero = a figure has no leading zeros
in-why-tag = figures need no YAML tag
in-why-quoted = figures are written without quotes
in-full-width-digits = `{$found}` is written with full-width digits
in-full-width-signs = `{$found}` is written with full-width characters
in-full-width-figure-help = write `{$fixed}` with half-width digits
in-separators = `{$found}` contains digit separators
in-separators-help = write `{$fixed}` without separators
in-count-negative = a count cannot be negative, found {$found}
in-count-negative-help = counts are whole numbers ≥ 0; write 0 if there were none
in-count-sign = write `{$fixed}` without a sign
in-count-whole = a count must be a whole number, found `{$found}`
in-amount-negative = an amount cannot be negative, found `{$found}`
in-amount-digits = `{$found}` is larger than any amount can be (at most {$max} digits before the point)
in-amount-digits-help = check the figure for extra digits, and the unit (元 or 万元)
in-amount-significant = `{$found}` has more than {$max} significant digits, more than open data can carry exactly
in-amount-significant-help = round it as the original prints it (万元 figures usually have two to four decimals)
in-count-too-large = `{$found}` is larger than any count can be (at most {$max})
in-count-too-large-help = check the figure for extra or repeated digits
in-not-a-number = expected a number, found `{$found}`
in-not-a-number-help = write the figure with digits only; write 0 when there is nothing to report
in-row-count = `{$row}` has {$given} { $given ->
    [one] value
   *[other] values
}, but {$caption} takes {$cols}: {$labels}
in-row-count-help-total = give all {$cols} values, or the first {$without} and leave the 总计 out to have it computed
in-row-count-help = give {$cols} values in this order: {$labels}
in-row-needs-list = `{$row}` needs {$cols} values ({$labels}), written as a list `[…]`
in-cell-not-number = {$cell}: expected a number, found {$found}
in-figure-spelling = {$cell}: the figure is written `{$written}`
in-figure-spelling-help = {$why}: write `{$value}`
in-no-unit = {$cell}: the amount `{$amount}` has no unit
in-no-unit-help = write the unit as printed, e.g. `{$amount}元` or `{$amount}万元`

## parse/agency.rs and parse/page.rs: agency files and pages

in-agency-empty = the agency file is empty: it needs `name:` and `kind:`
in-must-be-text = `{$key}` must be text
in-agency-kind = unknown agency kind 「{$kind}」
in-agency-kinds = one of: {$kinds}
in-agency-sums-children = `sums_children` must be `true` or `false`
in-agency-years = `years: {$value}` is not a range of years
in-agency-years-help = write `years: 2020` (one year), `years: 2018-2022` (an agency abolished or merged) or `years: 2018-` (to this day)
in-code-length = the agency code `{$code}` has {$count} characters: a unified social credit code has 18, an organisation code 9
in-code-character = the agency code `{$code}` holds the character 「{$char}」, which codes do not use
in-code-help = write the agency's unified social credit code (统一社会信用代码, 18 characters), as on its registration certificate
in-code-upper-help = the code's letters are capitals: `{$fixed}`
in-code-check = the check character of the agency code `{$code}` is wrong: from the other characters it should be 「{$expected}」
in-code-check-help = a character was most likely copied wrong: compare the whole code with the agency's certificate
in-agency-no-name = the agency file has no `name:` (the agency's full official name)
in-agency-no-kind = the agency file has no `kind:`
in-order-whole = `order` must be a whole number
in-page-no-title = the page has no title: add `title:` front matter or a heading

## source.rs: reading files (the end of a sentence starting with the path)

in-read-outside = points outside the site
in-read-dangling = leads nowhere (its target is missing, or it loops)
in-read-loop = leads back into a folder that is read already (following it would loop)
in-read-not-file = is not a regular file
in-read-changed = was replaced while it was being read
in-read-io = cannot be read: {$error}
in-read-link = is a symbolic link that {$why}

## load.rs: the site's files

in-link = `{$name}` {$why}
in-link-outside-help = gongkai reads a site's files only from inside the site folder: copy the file or folder into the site instead of linking to it
in-link-loop-help = delete the link: its folder is read already
in-link-help = correct the link's target, or delete the link
in-io = this file {$why}
in-io-missing-help = was it deleted or moved while gongkai was running? run the command again
in-empty-file = the file is empty
in-empty-file-help = delete it, or run `gongkai new report` to start a report
in-binary = this is not a text file (it contains NUL bytes): is it a Word, PDF or image file?
in-binary-help = reports are plain-text Markdown files; copy the text into a `.md` file
in-utf16 = the file is encoded as UTF-16, not UTF-8
in-utf16-help = save it as UTF-8 in your editor, or run: `iconv -f UTF-16 -t UTF-8 {$file} > {$file}.utf8`
in-gbk = the file is encoded as GBK/GB18030, not UTF-8: gongkai reads UTF-8 files only
in-gbk-label = first non-UTF-8 character
in-gbk-help = save it as UTF-8 in your editor (Notepad: File → Save As, Encoding UTF-8), or run: `iconv -f GB18030 -t UTF-8 {$file} > {$file}.utf8`
in-invalid-utf8 = the file is not valid UTF-8 (byte 0x{$byte})
in-invalid-utf8-help = save the file as UTF-8
in-agency-slug = agency folder `{$name}` is not a valid name
in-agency-slug-help = agency folders are named with lowercase ASCII letters, digits and `-` (e.g. `baibu`), since the name appears in URLs
in-report-outside = reports belong in an agency folder: `content/reports/<agency>/<year>.md`
in-page-slug = page file name `{$name}` is not a valid name
in-page-slug-help = page files are named with lowercase ASCII letters, digits and `-` (e.g. `guide.md`), since the name appears in URLs
in-agency-undescribed = agency `{$agency}` is not described: {$file} is missing
in-agency-undescribed-help = create it with `gongkai new agency --slug {$agency} --name 全称 --kind 乡镇`
in-parent-missing = parent agency `{$parent}` does not exist
in-parent-missing-help = `parent` is the folder name of another agency of this site
in-site-unreadable = cannot read the site folder: {$why}
in-year-vs-name = the file is named {$stem}.md but says `year: {$year}`
in-year-vs-name-label = report year
in-year-vs-name-help = rename the file or correct the year
in-dup = two reports of agency `{$agency}` for {$year}
in-dup-label = second report
in-dup-related = first report
in-dup-help = keep one report per agency and year; delete or correct the other

## form/: a site's own form files (forms/*.json)

in-form-io = {$path}: cannot read form: {$why}
in-form-json = {$at}: invalid form data: {$why}
in-form-invalid = {$path}: form `{$form}`: {$problem}
in-form-sections = a form has six sections, this one lists {$count}
in-form-table-section = table `{$table}`: `section` must be 1–6
in-form-table-empty = table `{$table}` has no rows or no columns
in-form-leaf-no-key = table `{$table}`: 「{$label}」 has no `key`
in-form-id-twice = table `{$table}`: id `{$id}` is used twice
in-form-groups-one-row = table `{$table}`: `column_groups` input needs exactly one row
in-form-table-twice = table key `{$table}` is used twice
in-form-claim = claim `{$name}`: {$problem}
in-form-key-figure = key figure `{$key}`: {$problem}
in-form-authority-row = authority row `{$table}:{$row}` does not exist
in-form-catalogue-column = `catalogue` names the column `{$column}` of table `{$table}`, which does not exist
in-form-no-table = no table `{$table}`
in-form-not-cell = `{$term}` is not `row:column`
in-form-no-row = table `{$table}` has no row `{$row}`
in-form-no-column = table `{$table}` has no column `{$column}`
in-rule-no-table = rule {$code}: no table `{$table}`
in-rule-severity = rule {$code}: `severity` must be `error` or `warning`, not `{$found}`
in-rule-no-op = rule {$code}: `{$check}` has no =, <= or >=
in-rule-prev = rule {$code}: `prev.` is only allowed in `cross_year` rules
in-rule-no-row = rule {$code}: table `{$table}` has no row `{$row}`
in-rule-no-column = rule {$code}: table `{$table}` has no column `{$column}`
in-rule-empty-side = rule {$code}: empty side in `{$check}`

## form/apply.rs: which reports a site form applies to

in-form-applies-empty = `applies_to` lists no agency: name agency folders in `agencies` or `under`; or delete `applies_to`, and the form applies only to the reports that name it with `form:`
in-form-applies-years = a form with `applies_to` must state its `years`, so that it is not applied to reports of other years
in-form-applies-slug = `{$slug}` in `applies_to` is not an agency folder name: use lowercase ASCII letters, digits and `-` only
in-form-builtin-id = `{$id}` is the `id` of the built-in form “{$name}”: a site form cannot replace a built-in one. Give it its own `id` (such as `{$id}-xx`) and say where it applies with `applies_to`, or name it with `form:` in the reports
in-form-id-taken = `{$id}` is already the `id` of {$other}: every form needs its own `id`
in-form-extends-unknown = `extends` must be the `id` of a built-in form ({$forms}), not `{$id}`
in-form-applies-unknown = `{$slug}` in `applies_to` is not an agency of this site: there is no `content/reports/{$slug}/agency.yaml`
in-form-applies-unknown-help = check the agency folder name: the form applies to no agency the site does not have
in-forms-conflict = two site forms apply to the {$year} report of agency `{$agency}`: `{$first}` ({$first_file}) and `{$second}` ({$second_file})
in-forms-conflict-help = name one of them in the report's front matter with `form: {$first}` or `form: {$second}`, or change the two forms' `applies_to` so that one form applies to each agency

## parse/tables.rs: rows, columns and tables a site form adds to the national form (FMT-EXTRA)

in-extra = {$what} is not in the national form `{$national}`: the site's form adds it
in-extra-row = row 「{$row}」
in-extra-columns = { $n ->
    [one] column {$columns}
   *[other] columns {$columns}
} of table 「{$table}」
in-extra-table = table 「{$table}」 (`{$key}`)
in-extra-help = its figures are kept, checked and shown as written. Nothing to change if the original prints it; delete it if it was added by mistake

# attachments: in a report's front matter (parse/attachments.rs).
in-attach-help = write one file name per item, such as `- 2024-原文.pdf`; to give it a title, write `- file: 2024-原文.pdf` and `  title: TITLE` on the next line
in-attach-not-list = `attachments` must be a list of files, one per line; found {$kind}
in-attach-item = each item of `attachments` must be a file name, or the two keys `file` and `title`; found {$kind}
in-attach-no-file = this item of `attachments` has no `file`: write the attachment's file name, such as `file: 2024-原文.pdf`
in-attach-key = an item of `attachments` has no key `{$key}`: it takes `file` and `title`
in-attach-file-text = `file` must be the attachment's file name
in-attach-title-text = `title` must be the attachment's title, as text
in-attach-empty = the attachment's file name is empty
in-attach-absolute = the attachment `{$path}` is an absolute path: attachments must be in this file's folder or a folder below it
in-attach-parent = the attachment `{$path}` contains `..`: attachments must be in this file's folder or a folder below it
in-attach-backslash = the attachment `{$path}` contains a backslash: separate folders with `/`
in-attach-control = the attachment `{$path}` has a control character in its name
in-attach-hidden = `{$name}` in the attachment `{$path}` is a hidden or editor's temporary file, which cannot be an attachment
in-attach-where = the path is relative to this file's folder, such as `2024-原文.pdf` or `attachments/2024-原文.pdf`
in-attach-reserved = the attachment's file name `{$name}` is the name of the page's own file `{$reserved}`
in-attach-dup = the attachment's file name `{$name}` is used twice: both would be copied to the same place
in-attach-dup-label = the second attachment of that name
in-attach-dup-related = the first attachment of that name
in-attach-rename = rename the attachment's file, and its name here
in-attach-missing = the attachment `{$path}` is not there
in-attach-missing-label = no such file
in-attach-missing-help = check the file name (with its extension); the path is relative to this file's folder
in-attach-link = the attachment `{$path}` {$why}
in-attach-unread = the attachment `{$path}` could not be read: {$why}
