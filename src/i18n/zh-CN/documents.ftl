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
doc-path-reserved = 文件夹名 `{$name}` 已用于目录的列表网址（`documents/{$name}/`），不能用作文件夹名
doc-path-reserved-help = 换一个名称：`topics`、`agencies`、`years`、`items`、`valid`、`page`、`overview` 是按主题分类、发布机构、年度、第二十条条目浏览的列表所用的网址
doc-path-depth = 文件应放在 `content/documents` 下的一层文件夹里（一个机构或一个类别一个文件夹）
doc-path-depth-help = 移到 `content/documents/文件夹/文件名.md`，如 `content/documents/baibu/2024-guifan-01.md`

## 检查文件（check/documents.rs）

doc-no-title = 文件没有标题
doc-no-title-help = 在文件头写上 `title: 文件标题`，照原件抄写
doc-no-published = 文件没有发布日期
doc-no-published-help = 在文件头写上 `published: {$today}`（本文件在网站上发布的日期）
doc-agency = `agency: {$agency}` 不是本站点的机构
doc-agency-folder = 文件夹 `{$folder}` 不是本站点的机构，文件头也没有写 `agency:`（发布机构）
doc-agency-help = 写上 `agency:` 和发布机构的文件夹名，本站点的机构有：{$agencies}
doc-topic = 主题分类「{$found}」不在可选范围内
doc-kind = 文种「{$found}」不在可选范围内
doc-words = 可选：{$words}（可在 `site.toml` 的 `[documents]` 中改用本站点自己的列表）
doc-date-order = `{$key}` {$date} 早于 `{$before}` {$other}：日期应依次为成文日期、发布日期、失效或废止日期
doc-date-order-label = 这个日期更晚
doc-date-order-help = 核对原件上的日期
doc-date-future = `{$key}` {$date} 晚于今天（{$today}）
doc-date-future-help = 日期不能是将来：核对是否写错了年份；要按某一天检查，可设置环境变量 `{$var}=YYYY-MM-DD`
doc-validity-no-date = 文件已{$validity}，但没有写明{$validity}的日期
doc-validity-no-date-help = 在文件头写上 `validity_date: YYYY-MM-DD`（{$validity}的日期）；被新文件替代的，也写上 `replaced_by:`
doc-no-year = 文号「{$no}」的年份是 {$year}，成文日期却是 {$written}
doc-no-year-help = 文号中的年份一般就是成文的年份：核对文号和成文日期
doc-no-brackets = 文号「{$no}」的年份用了「{$pair}」：文号的年份应使用六角括号〔〕
doc-no-full-width = 文号「{$no}」用了全角数字
doc-no-di = 文号「{$no}」的序号前不加「第」
doc-no-zero = 文号「{$no}」的序号前不编虚位（不加 0）
doc-no-prefix = 文号「{$no}」缺少机关代字
doc-no-shape = 文号「{$no}」不是「机关代字〔年份〕序号号」的写法
doc-no-fix-help = 改为 `{$fixed}`（按《党政机关公文格式》：年份用六角括号〔〕，序号不编虚位、不加「第」）
doc-no-shape-help = 文号写作 `机关代字〔年份〕序号号`，如 `淮政发〔2024〕3号`；没有文号的文件，删去 `doc_no` 这一行
doc-index-shape = 索引号「{$index}」不符合本站点的索引号格式
doc-index-shape-help = 应写作 `{$example}` 这样的格式；本站点的格式不同的，在 `site.toml` 的 `[documents]` 中设置 `index_pattern`
doc-index-code = 索引号「{$index}」开头的机构代码是 {$code}，{$agency} 的代码却是 {$own}
doc-index-code-label = 机构代码在这里
doc-index-code-help = 索引号应以发布机构的代码开头，如 `{$example}`
doc-index-year = 索引号「{$index}」的年份是 {$year}，发布日期却在 {$published} 年
doc-index-year-label = 发布日期
doc-index-year-help = 索引号中的年份应是发布的年份：核对索引号和发布日期
doc-dup = `{$key}` 「{$value}」与文件 {$other} 重复
doc-dup-label = 同一个值已在这里使用
doc-dup-help = `{$key}` 在整个站点内不能重复：核对是否抄错，或同一份文件放了两次
doc-link = `{$key}` 指向的文件 {$target} 不存在
doc-link-self = `{$key}` 指向了文件本身
doc-link-help = 写成 `文件夹/文件名`（不带 `.md`），如 `baibu/2024-guifan-01`
doc-interp-none = 文种为「{$kind}」，但没有写明解读的是哪份文件
doc-interp-none-help = 写上 `interprets: 文件夹/文件名`（被解读的文件）
doc-interp-missing = 「{$kind}」还没有解读
doc-interp-missing-help = 发布解读时，在解读文件的文件头写上 `interprets: {$id}`
doc-t2 = {$table}「{$row}」「{$col}」填 {$stated} 件，政府信息公开目录中 {$what}{$kind}有 {$found} 件：{$ids}
doc-t2-none = {$table}「{$row}」「{$col}」填 {$stated} 件，政府信息公开目录中没有 {$what}{$kind}
doc-t2-written = {$year} 年成文的
doc-t2-published = {$year} 年发布的
doc-t2-repealed = {$year} 年废止的
doc-t2-in-force = {$year} 年底现行有效的
doc-t2-cumulative = {$year} 年底前已发布的
doc-t2-more = 等（另有 {$more} 件）
doc-t2-help = 核对年报的数字和目录中 `{$agency}` 的文件（文种、成文日期、有效性）：两者应当一致
