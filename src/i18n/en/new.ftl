# New reports, agencies and sites (cmd/new.rs, cmd/init.rs).

new-err-exists = {$path} already exists: gongkai does not overwrite it
new-err-slug = `{$slug}` is not a valid agency folder name: use lowercase ASCII letters, digits and `-`
new-err-no-agency = agency `{$slug}` is not described ({$path} is missing): run `gongkai new agency --slug {$slug} --name 全称 --kind 乡镇` first
new-err-no-form = no form applies to {$year}: the national formats cover 2019 on
new-err-kind = unknown agency kind `{$kind}`: one of 部门 / 乡镇 / 街道 / 人民政府
new-err-write = cannot write {$path}: {$reason}
new-created = created {$path}
new-init-done = created a new site in {$dir}: run `gongkai --root {$dir} build` to build it

# Comments of a new site's site.toml.
new-gitignore-head = what gongkai makes (the output, the record and sources kept beside it, the report memo) is not a source of the site: git does not track it
new-toml-head = gongkai site settings
new-toml-base-url = where the site is published (feed, sitemap)
new-toml-lang = language of messages: `zh` (Chinese) or `en` (English); remove the leading # to use it
new-toml-deadlines = publication deadlines, as `MM-DD` of the year after the report year (条例 第四十九条)

# new report: drafts, and the figures carried over from last year's report (cmd/new/carry.rs).
new-draft = the new report is a draft (`draft: true`): checked, never published; delete that line once it is filled in and checks clean
new-carried = carried over from the {$year} report: {$rules}
new-carry-unreadable = nothing carried over from last year: {$path} cannot be read or has errors; fix it first (then delete the new file and run this again)

# new document: the comments of the template (cmd/new/document.rs).
new-doc-head = a document of the catalogue. Text after # is a comment and may be removed; leave out what does not apply
new-doc-title = the title, as the original has it
new-doc-index = 索引号 (index number), such as {$example} (the pattern is set in `[documents]` of site.toml)
new-doc-agency = 发布机构 (issuing agency): the folder name of an agency of the site (may be left out in an agency's folder)
new-doc-agency-category = 发布机构 (issuing agency): the folder name of an agency of the site (`{$folder}` is not an agency's folder: required)
new-doc-written = 成文日期 (date written), YYYY-MM-DD
new-doc-published = 发布日期 (date published), YYYY-MM-DD
new-doc-no = 文号 (document number), such as 百政发〔{$year}〕1号: the year in 〔〕, no leading zero, no 第
new-doc-topic = 主题分类 (topic), one of: {$words}
new-doc-kind = 文种 (kind), one of: {$words}
new-doc-item = the item of article 20 of the regulations it discloses: 1 to 15, or （一） to （十五）
new-doc-validity = 有效性 (validity): 有效, 失效 or 废止
new-doc-validity-date = the date it expired or was repealed (required then), YYYY-MM-DD
new-doc-replaced-by = the document that replaced it: folder/name, without .md
new-doc-interprets = for a 解读 (interpretation), the document(s) it interprets: folder/name, or [a, b]
new-doc-body = Write the document's text here (Markdown).
