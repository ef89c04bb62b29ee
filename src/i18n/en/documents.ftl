# The documents of the catalogue (parse/document.rs, load/documents.rs, check/documents.rs).

## Reading a document

doc-front-help = a document starts with a `---` line, then `title:`, `published:` and the other keys, then a `---` line and its text; `gongkai new document <folder>` writes a template
doc-front-empty = the front matter is empty: write at least `title:` and `published:`
doc-item = `item` must be an item of article 20 of the regulations (1 to 15), found `{$found}`
doc-item-kind = `item` must be an item of article 20 of the regulations (1 to 15), found {$kind}
doc-item-help = article 20 has fifteen items: write 1 to 15, or （一） to （十五） as the law prints them
doc-validity = the validity `{$found}` is not one of the words allowed
doc-validity-help = the validity is 有效 (in force), 失效 (expired) or 废止 (repealed)
doc-did-you-mean = did you mean 「{$word}」?
doc-valid-with-date = a document in force needs no `validity_date` (the date it ceased to be in force)
doc-valid-with-date-help = if it expired or was repealed, write `validity: 失效` or `validity: 废止`; if it is in force, remove this line
doc-path-slug = the folder or file name `{$name}` cannot be used in an address
doc-path-slug-help = use lowercase ASCII letters, digits and `-` (such as `baibu/2024-guifan-01.md`): a document's id is `folder/name`, and its address
doc-path-reserved = the folder name `{$name}` is taken by a listing of the catalogue (`documents/{$name}/`) and cannot name a folder
doc-path-reserved-help = choose another name: `topics`, `agencies`, `years`, `items`, `valid`, `page` and `overview` are the URLs of the listings by topic, agency, year and Article 20 item
doc-path-depth = a document belongs in a folder one level under content/documents (one folder per agency or per category)
doc-path-depth-help = move it to `content/documents/<folder>/<name>.md`, such as `content/documents/baibu/2024-guifan-01.md`

## Checking documents (check/documents.rs)

doc-no-title = the document has no title
doc-no-title-help = write `title:` with the document's title, as the original has it
doc-no-published = the document has no publication date
doc-no-published-help = write `published: {$today}` (the day it is published on the site)
doc-agency = `agency: {$agency}` is not an agency of the site
doc-agency-folder = the folder `{$folder}` is not an agency of the site, and the front matter has no `agency:`
doc-agency-help = write `agency:` with the issuing agency's folder name; the site's agencies: {$agencies}
doc-topic = the topic 「{$found}」 is not one of the words allowed
doc-kind = the kind 「{$found}」 is not one of the words allowed
doc-words = allowed: {$words} (a site may set its own lists in `[documents]` of site.toml)
doc-date-order = `{$key}` {$date} is before `{$before}` {$other}: the dates run written, published, then ceased to be in force
doc-date-order-label = this date is later
doc-date-order-help = compare the dates with the original
doc-date-future = `{$key}` {$date} is after today ({$today})
doc-date-future-help = a date cannot be in the future: check the year; to check as of another day, set the environment variable `{$var}=YYYY-MM-DD`
doc-validity-no-date = the document is {$validity} (no longer in force), but the date is not stated
doc-validity-no-date-help = write `validity_date: YYYY-MM-DD` (the day it became {$validity}); if a new document replaced it, write `replaced_by:` too
doc-no-year = the document number 「{$no}」 has the year {$year}, but it was written on {$written}
doc-no-year-help = the year of a document number is usually the year it was written: compare the number and `written`
doc-no-brackets = the year of the document number 「{$no}」 is in 「{$pair}」: a document number puts its year in 〔〕
doc-no-full-width = the document number 「{$no}」 has full-width digits
doc-no-di = the document number 「{$no}」 has 第 before its serial
doc-no-zero = the document number 「{$no}」 has a leading zero in its serial
doc-no-prefix = the document number 「{$no}」 has no issuing organ's abbreviation
doc-no-shape = the document number 「{$no}」 is not written `abbreviation〔year〕serial号`
doc-no-fix-help = write `{$fixed}` (the national format of official documents: the year in 〔〕, no leading zero, no 第)
doc-no-shape-help = a document number is written like `淮政发〔2024〕3号`; if the document has none, remove the `doc_no` line
doc-index-shape = the index number 「{$index}」 does not follow the site's pattern
doc-index-shape-help = write it like `{$example}`; a site with another pattern sets `index_pattern` in `[documents]` of site.toml
doc-index-code = the index number 「{$index}」 starts with the code {$code}, but the code of {$agency} is {$own}
doc-index-code-label = the agency's code is here
doc-index-code-help = an index number starts with the issuing agency's code, like `{$example}`
doc-index-year = the index number 「{$index}」 has the year {$year}, but the document was published in {$published}
doc-index-year-label = the publication date
doc-index-year-help = the year of an index number is the year of publication: compare the two
doc-dup = `{$key}` 「{$value}」 is also the one of the document {$other}
doc-dup-label = the same value is used here
doc-dup-help = `{$key}` must be unique in the site: check for a copying mistake, or a document placed twice
doc-link = `{$key}` names the document {$target}, which does not exist
doc-link-self = `{$key}` names the document itself
doc-link-help = write `folder/name` (without `.md`), such as `baibu/2024-guifan-01`
doc-interp-none = the kind is 「{$kind}」, but it does not say which document it interprets
doc-interp-none-help = write `interprets: folder/name` (the document interpreted)
doc-interp-missing = this 「{$kind}」 has no interpretation (解读) yet
doc-interp-missing-help = when its 解读 is published, write `interprets: {$id}` in the 解读's front matter
doc-t2 = {$table} 「{$row}」 「{$col}」 states {$stated}; the catalogue holds {$found} {$kind} {$what}: {$ids}
doc-t2-none = {$table} 「{$row}」 「{$col}」 states {$stated}; the catalogue holds no {$kind} {$what}
doc-t2-written = written in {$year}
doc-t2-published = published in {$year}
doc-t2-repealed = repealed in {$year}
doc-t2-in-force = in force at the end of {$year}
doc-t2-cumulative = published by the end of {$year}
doc-t2-more = {" "}and {$more} more
doc-t2-help = compare the report's figure with the documents of `{$agency}` in the catalogue (kind, date written, validity): they should agree
