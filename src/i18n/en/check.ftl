# en/check.ftl: the checker's diagnostics (src/check/, src/parse/totals.rs).
# Labels of tables, rows, columns and sections come from the form data and
# are quoted verbatim, in 「」 or “”, as in Chinese.

## Cells and figures (src/check/explain.rs)

# A blank cell (written `~` or nothing): never "0".
check-blank = blank
check-computed = {$value} (computed)
check-cell = 「{$name}」= {$value}
check-cell-prev = last year's 「{$name}」= {$value}
check-cell-at = row 「{$row}」, column 「{$col}」= {$value}
check-more-addends = {$label}; { $n ->
    [one] 1 more part is not shown
   *[other] { $n } more parts are not shown
}
check-zero-addends = {$label}; { $n ->
    [one] the other part is 0
   *[other] the other { $n } parts are 0
}

## A rule that does not hold (src/check/explain.rs)

check-sum-failed = {$total_label} is {$total}, but its parts add up to {$sum}, a difference of {$diff}
check-rule-failed = {$rule} does not hold: left {$lhs}, right {$rhs}, a difference of {$diff}
check-rule-failed-cmp = {$rule} does not hold: left {$lhs}, right {$rhs}
check-at-table = {$table}: {$what}
check-at-column = {$table}, column 「{$line}」: {$what}
check-at-row = {$table}, row 「{$line}」: {$what}
check-help-sum = the rule: {$rule}. Check the parts, or correct the total.
check-help-rule = check the figures marked above and correct the one that is wrong.

## One figure that breaks several rules (src/check/explain.rs, src/check/group.rs)

check-also-fails = {$statement}; {$others} fails as well
check-suspect = {$cell}: all { $n } rules involve this figure, the one most likely wrong
check-note = {$code}: {$what}
check-note-column = {$code}: column 「{$line}」, {$what}
check-note-row = {$code}: row 「{$line}」, {$what}
check-help-suspect = first check this figure against the original; if it is right, check the other figures of the { $n } rules above.

## Computed totals and blank cells (src/parse/totals.rs, code T3-BLANK)

check-computed-totals = {$table}: { $n ->
    [one] 1 total was
   *[other] { $n } totals were
} left out and computed from the parts
check-computed-totals-label = computed
check-computed-totals-help = write the totals as printed in the original, so that they are checked rather than assumed.
check-blank-cells = {$table}: { $n ->
    [one] 1 cell is
   *[other] { $n } cells are
} blank and counted as 0 in the checks
check-blank-cells-help = write 0 where there is nothing to report: a blank cell looks like missing data.

## Reports kept as published (`as_published: true`): no total computed, blank cells stay blank (src/parse/totals.rs, code T3-BLANK)

check-kept-blank-totals = {$table}: { $n ->
    [one] 1 total is
   *[other] { $n } totals are
} blank in the original and kept blank; the rules that involve them are not checked
check-kept-blank-help = a report kept as published keeps the blanks of the original, and its page shows these cells empty; nothing to change.

## The six sections of the narrative (src/check/narrative/sections.rs, code FMT-SECT)

check-sect-quoted = “{$section}”
check-sect-unknown = the heading “{$heading}” is not one of the six sections of the form
check-sect-unknown-help = the six sections are `{$marks}` headings: `{$marks} 一、总体情况` … `{$marks} 六、其他需要报告的事项`; use `{$sub}` or bold text for sub-headings
check-sect-no-numeral = section {$numeral} “{$heading}” is printed without its numeral “{$numeral}、”
check-sect-no-numeral-label = no numeral
check-sect-misnumbered = section “{$title}” is numbered “{$written}”, but it is section “{$numeral}” of the form
check-sect-reworded = the heading “{$heading}” matches section {$numeral} only by its numeral; the form calls that section “{$title}”
check-sect-write = write `{$heading}`
check-sect-twice = section “{$section}” appears twice
check-sect-order = section “{$section}” comes after section “{$previous}”, out of order
check-sect-order-help = the six sections follow the form's order 一, 二, 三, 四, 五, 六
check-sect-level = section “{$section}” is a level {$level} heading (`{$marks}`), the other sections are level {$expected} (`{$expected_marks}`)
check-sect-missing-after = section(s) {$sections} missing: they belong after section “{$previous}”
check-sect-missing-after-label = the missing section(s) belong after this one
check-sect-missing-before = section(s) {$sections} missing: they belong before section “{$next}”
check-sect-missing-before-label = the missing section(s) belong before this one
check-sect-missing-all = the narrative lacks the sections {$sections}
check-sect-missing-help = add the headings {$headings}, in this order
check-sect-missing-help-tables = add the headings {$headings}, in this order; the tables are shown under their section's heading

## Years in the narrative (src/check/narrative/years.rs, code TXT-YEAR)

check-report-year = report year
check-period-start = the statistical period starts in {$start}, but this is the {$year} report
check-period-end = the statistical period ends on {$end}年12月{$day}日, not {$year}年12月31日
check-period-help = the period is {$year}年1月1日至{$year}年12月31日
check-year-topical = the narrative speaks of {$mentioned} as the year of the work, but this is the {$year} report
check-year-label = {$year}年
check-year-topical-help = was this text copied from an earlier report? describe the report year's work
check-title-year = the title says {$title_year}年, but `year` is {$year}
check-title-year-help = correct the title or the year

## Figures in the narrative (src/check/narrative/claims.rs, code TXT-NUM)

check-claim-label = the text says {$stated}
check-claims-more = { $n ->
    [one] 1 more figure
   *[other] { $n } more figures
} of the narrative differ from the tables and are not listed

## Labels of an older form (src/check/narrative/labels.rs, code FMT-LABEL)

check-old-label = “{$old}” is a label of an older form; 《{$form}》 says “{$new}”
check-old-label-help = this report follows 《{$form}》 ({$issued_by}); use its labels

## Against last year's report (src/check/cross.rs, codes X-DUP, X-STALE)

check-prev-report = the {$year} report
check-dup = {$percent}% of the narrative repeats the {$year} report word for word (内容雷同)
check-dup-help = the 2021 format names 内容雷同 as a failing; describe this year's work (the threshold is `[check] similarity` in `site.toml`)
check-stale = every figure of this report equals the {$year} report's
check-stale-help = were last year's tables copied? enter this year's figures

## Publication date and agency (src/check/agency.rs, codes PUB-DATE, T2-GUIZHANG)

check-published-label = publication date
check-late = published {$published}, after the deadline {$deadline} for a {$kind} report
check-late-help = 条例 第四十九条: departments publish their report by 1月31日, a government its own by 3月31日; the deadlines are set in `site.toml` under `[deadlines]`
check-early = published {$published}, before the end of the report year {$year}
check-early-help = is the year or the date mistyped?
check-guizhang = {$agency} reports {$cell}, but a {$kind} cannot make 规章
check-guizhang-help = only the State Council's departments and the governments of provinces, 设区的市 and 自治州 make 规章; report this agency's documents in the 规范性文件 row

## ——— Narrative and tables agree (#12; src/check/narrative/: claims.rs, summaries.rs, cells.rs, required.rs, years.rs; src/form/claims.rs) ———

check-text-figure = the narrative “{$sentence}” states {$name} {$stated}, but {$cells} is {$expected}
check-text-figure-help = correct the text or the table so that the report says one thing; if the sentence speaks of something else, leave it
check-text-share = the narrative “{$sentence}” states {$name} as {$stated}%, but the tables give {$computed}% ({$part} ÷ {$whole}, {$of})
check-text-share-label = the text says {$stated}%
check-text-cell = {$table} row 「{$row}」, column 「{$col}」
check-text-cells = {$table} row 「{$row}」, column 「{$col}」 and {$n} cells in all
check-text-cells-row = {$table} row 「{$row}」, columns {$cols} added up
check-text-cells-col = {$table} rows {$rows}, column 「{$col}」 added up
check-text-cell-is = {$cell} is {$value}
check-text-summary = the narrative “{$sentence}” says “{$words}” ({$name}), but {$cells}
check-text-summary-label = not what the table says
check-required = the narrative does not report {$name}: {$basis} (this agency is a {$kind})
check-required-label = belongs in “{$section}”
check-required-help = in “{$section}”, write: {$hint}
check-required-unanswered = the narrative mentions “{$word}” but does not report {$name}: {$basis}
check-period-end-date = the statistical period ends on {$end}, not {$year}年12月31日
check-years-more = { $n ->
    [one] one more problem with a year or the period in the narrative is not listed
   *[other] {$n} more problems with years or the period in the narrative are not listed
}
check-text-form-figure = pattern “{$pattern}” must have exactly one `N`
check-text-form-gaps = pattern “{$pattern}” has more than {$most} `*`
check-text-form-measure = in pattern “{$pattern}”, `N` must be followed by its measure word (`N件`, `N元`, `N%`)
check-text-form-vague = pattern “{$pattern}” has too little text to say which figure it is
check-text-form-topic = no topic `{$topic}` (see `text.topics`)
check-text-form-no-value = give `value` or `topics`
check-text-form-summary = summary words `{$name}`: {$problem}
check-text-form-required = required content `{$code}`: {$problem}
check-text-form-section = section number {$section} is not between 1 and 6
check-text-form-words = `words` must not be empty
check-text-form-kind = unknown agency kind `{$kind}`: use 部门 / 乡镇 / 街道 / 人民政府

# TXT-THIN: perfunctory sections
check-thin = section “{$section}” has only {$sentences} sentence(s) and {$chars} characters: perfunctory
check-thin-label = this section's text
check-thin-help = 《{$form}》 asks this section to state the facts: write at least {$sentences} sentence(s) and {$chars} characters naming the problems, measures or matters, not just “无”
# TXT-ENUM: numbering out of order
check-enum-skip = the numbering goes from “{$prev}” to “{$this}”: “{$missing}” is missing
check-enum-repeat = “{$this}” comes after “{$prev}”: the numbering repeats or goes back
check-enum-label = this number
check-enum-help = number in order: 一是、二是、三是, or （一）（二）（三）
# TXT-NEXT: next year as the year of the work
check-year-next = the narrative speaks of {$mentioned} as the year of the work, but this is the {$year} report
check-year-next-help = is the year mistyped? the report year's work is {$year}'s; for next year's plans say so (将, 计划)
# X-JUMP: implausible change from last year
check-cell-named = {$table} row 「{$row}」 column 「{$col}」
check-jump = {$cell} is {$value}, {$prev} in {$year}: {$times} times last year's
check-jump-prev = {$value} in {$year}
check-jump-help = 万元 written as 元, or a digit added or dropped? if the figure is right, ignore this (thresholds: `[check] jump_ratio` and `jump_min` in `site.toml`)
# X-CHILDREN: a summary report against its children
check-children = {$cell} is {$value}; the sum of {$n} child agencies is {$sum}: {$parts}
check-children-one = {$agency} {$value}
check-children-more = {$n} more
check-children-help = this agency's `agency.yaml` says `sums_children: true`: its report should equal the sum of its child agencies' reports; check the summed figures
check-children-help-missing = this agency's `agency.yaml` says `sums_children: true`; only {$n} of its {$all} child agencies have a report for the year, and the missing ones make the sums differ too
# X-COPY: copied from another agency's report of the same year
check-copy = {$percent}% of the narrative repeats {$agency}'s {$year} report word for word (内容雷同)
check-copy-other = {$agency}'s report
check-copy-help = describe this agency's own work of the year (the threshold is `[check] similarity_across` in `site.toml`)
# X-GAP: missing reports
check-gap = {$agency} has no report for {$years}, though it has reports before and after
check-gap-latest = {$agency} has no report for {$years}, and its deadline has passed
check-gap-help = add the missing reports; for an agency set up, merged or abolished, state the years it has reports for with `years:` in its `agency.yaml` (such as `years: 2018-2022`), or the last year the site covers with `[check] latest_year` in `site.toml`
