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
doc-path-depth = a document belongs in a folder one level under content/documents (one folder per agency or per category)
doc-path-depth-help = move it to `content/documents/<folder>/<name>.md`, such as `content/documents/baibu/2024-guifan-01.md`
