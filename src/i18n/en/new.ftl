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
new-toml-head = gongkai site settings
new-toml-base-url = where the site is published (feed, sitemap)
new-toml-lang = language of messages: `zh` (Chinese) or `en` (English); remove the leading # to use it
new-toml-deadlines = publication deadlines, as `MM-DD` of the year after the report year (条例 第四十九条)

# new report: drafts, and the figures carried over from last year's report (cmd/new/carry.rs).
new-draft = the new report is a draft (`draft: true`): checked, never published; delete that line once it is filled in and checks clean
new-carried = carried over from the {$year} report: {$rules}
new-carry-unreadable = nothing carried over from last year: {$path} cannot be read or has errors; fix it first (then delete the new file and run this again)
