# 政府信息公开目录的文件（parse/document.rs、load/documents.rs、check/documents.rs）。

## 读取文件

doc-front-help = 文件应以 `---` 行开头，写出 `title:`、`published:` 等项，再以 `---` 行结束，下面是正文；可用 `gongkai new document 文件夹` 新建模板
doc-front-empty = 文件头是空的：至少要写 `title:`（标题）和 `published:`（发布日期）
doc-item = `item` 应是条例第二十条的一项（1 到 15），这里写的是 `{$found}`
doc-item-kind = `item` 应是条例第二十条的一项（1 到 15），这里却是{$kind}
doc-item-help = 第二十条共十五项：写 1 到 15，或照条文写（一）到（十五）
doc-validity = 有效性 `{$found}` 不在可选范围内
doc-validity-help = 有效性只能是 有效、失效 或 废止
doc-did-you-mean = 是不是「{$word}」？
doc-valid-with-date = 有效的文件不需要 `validity_date`（失效或废止的日期）
doc-valid-with-date-help = 文件已失效或废止的，写上 `validity: 失效` 或 `validity: 废止`；仍然有效的，删去这一行
doc-path-slug = 文件夹或文件名 `{$name}` 不能用作网址
doc-path-slug-help = 只能用小写英文字母、数字和 `-`（如 `baibu/2024-guifan-01.md`）：文件的编号是 `文件夹/文件名`，也是它的网址
doc-path-depth = 文件应放在 `content/documents` 下的一层文件夹里（一个机构或一个类别一个文件夹）
doc-path-depth-help = 移到 `content/documents/文件夹/文件名.md`，如 `content/documents/baibu/2024-guifan-01.md`
