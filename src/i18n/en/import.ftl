# Importing published reports (cmd/import.rs and import/).

# What the import prints as it goes.
import-importing = importing {$path}
import-dry-run = (dry run --dry-run: nothing below is written)
import-would-write = would write {$path}:
import-wrote = wrote {$path}
import-no-files = the folder has no files to import
import-check-header = check (`gongkai check`) of what was imported:
import-check-clean = check passed: no errors or warnings
import-failing-rules = rules that fail: {$codes} (when the original says so, keep it as published and verify it; do not change published figures to pass the check)
import-kept-notices = an imported report is kept as published (`as_published: true`): the notices above do not stop it from being published, and the rules that do not hold are shown on its page as “数据核对提示” (figures that do not agree). Check each against the original: correct a figure the import put in the wrong place; keep what the original prints
import-err-output = cannot write the output: {$reason}

# Where each figure went: into a cell, the narrative, nowhere (unplaced), or not imported.
import-placement = where the figures went (each figure: placed / narrative / unplaced / not imported):
import-placed = placed
import-narrative = narrative
import-blank = blank
import-unplaced = unplaced
import-skipped = not imported (page frame, comments)
# Between a figure and its place or reason, as in "placed  licensing.permit: 9".
import-colon = {": "}
import-tally = { $placed } placed, { $narrative } in the narrative, { $unplaced } unplaced, { $skipped } not imported
# Follows the line above, only when there are blank cells.
import-tally-blanks = { $blanks ->
    [one] {" "}(and 1 blank cell, written as ~)
   *[other] {" "}(and { $blanks } blank cells, written as ~)
}

# Why a figure found no cell.
import-no-row = no table row matches “{$label}”
import-ambiguous = “{$label}” matches several table rows
import-wrong-count = the row “{$label}” has {$found} figures; the table has {$expected} columns
import-bad-figure = “{$text}” is not a figure {$place} can take
import-twice = {$place} already has figures (the row is repeated)
import-among-labels = the figure is among the labels of the row “{$label}”, in no column

# Notes on the report written.
import-missing-table = the original has no {$title} ({$key}): written as `missing_in_original`
import-missing-row = the original table has no row “{$row}” ({$table}): written blank as ~

# Why a file was not imported.
import-read-failed = cannot read {$path}: {$reason}
import-bad-docx = not a valid Word (.docx) file: {$detail}
import-unsupported = {$what} cannot be imported: save it as .docx in Word, or copy the text of the web page or PDF into a `.txt` file and import that
import-kind-pdf = a PDF file
import-kind-old-word = an old Word (`.doc`) or WPS file
import-kind-binary = a binary file (an image or the like)
import-no-year = the report year is unknown: the title states no year (such as “2024年”); give it with --year
import-no-form = no report format applies to {$year} (the national formats cover 2019 on)
import-bad-agency = --agency must be the agency's folder name (lowercase ASCII letters, digits and -, such as `baibu`)
import-unknown-agency = the site does not describe “{$name}” yet: give its folder name with --agency (lowercase ASCII letters, digits and -, such as `baibu`); its `agency.yaml` is written too
import-no-agency-name = the original's title names no agency: give the agency's folder name with --agency
import-refused-unplaced = some table figures could not be placed in a cell: nothing was written. Check the original; when it is right, --force imports anyway (the unplaced figures are not written)
import-exists = {$path} already exists: gongkai does not overwrite it
import-write-failed = cannot write {$path}: {$reason}
