# 读取与解析输入：年报、机构文件、页面、格式文件。见 ../mod.rs。
# 术语见 ../shared/reference/zh-terms.md；字段名写在 `反引号` 里，表格的行、列名称照抄格式原文放在「」里。

# 列表各项之间的分隔符（front.rs 的 list()）。
in-list-separator = 、

## yaml.rs：YAML 文件头的语法

# 值的种类，用在「这里却是……」之后。
in-kind-empty = 空值
in-kind-scalar = 单个值
in-kind-list = 列表
in-kind-map = 若干 `key: value` 行
in-yaml-colon = YAML 语法错误：这一行 `key: value` 的位置不对：请检查缩进；值里含有「: 」时，给值加上引号
in-yaml-indent = YAML 语法错误：请检查缩进，并检查每个 `[` 都有对应的 `]`
in-yaml-tab = YAML 语法错误：缩进用了制表符（`Tab` 键），YAML 只能用空格缩进
in-yaml-deep = YAML 语法错误：值的嵌套层数太多
in-yaml-quote = YAML 语法错误：引号没有成对，或引号里的转义写法不对
in-yaml-other = YAML 语法错误：这里的写法读不出来，请对照示例检查这一行
in-yaml-after-end = 这段文字在 YAML 文件头结束之后（上面的 `...` 或 `---` 行结束了文件头），会被忽略
in-yaml-ends-here = YAML 文件头在此结束
in-yaml-anchor = 年报不支持 YAML 锚点（`&名称`）：请直接写出值（数字前误打的 `&` 会被当作锚点，数字就丢了）
in-yaml-alias = 年报不支持 YAML 别名（`*名称`）：请直接写出值
in-yaml-too-deep = 值的嵌套超过了 {$max} 层
in-yaml-duplicate = 字段 `{$key}` 写了两次
in-yaml-first-here = 第一次写在这里

## parse/punct.rs：中文输入法打出的全角标点

in-mark-colon = 全角冒号「：」
in-mark-comma = 全角逗号「，」
in-mark-enumeration-comma = 顿号「、」
in-mark-semicolon = 全角分号「；」
in-mark-brackets = 全角括号「{$pair}」
in-mark-digits = 全角数字
in-punct-colon = `{$key}` 后面是全角冒号「：」，YAML 不认全角冒号，这一行读不出来
in-punct-colon-help = 改为半角冒号加空格：`{$fixed}`
in-punct-colon-bare-help = 改为半角冒号：`{$fixed}`
in-punct-list = `{$key}` 的列表里有{$marks}，YAML 只认半角标点，会把整个列表读成一个值
in-punct-list-help = 改为半角标点：`{$fixed}`
in-punct-line = `{$key}` 这一行有{$marks}，YAML 只认半角标点，这一行读不出来
in-punct-line-help = 改为半角标点：`{$fixed}`

## parse/front.rs：文件头、字段

in-no-front-matter = 文件开头没有文件头（第一行应是 `---`）
in-front-not-closed = 文件头没有结束：在文件头后面加一行 `---`
in-more-unknown-keys = 本文件还有 {$more} 个不认识的字段，不再逐一列出
in-unknown-key = {$place}里没有 `{$key}` 这个字段
in-unknown-key-label = 这里没有这个字段
in-did-you-mean = 是不是 `{$key}`？
in-expected-keys = 这里可以写的字段：{$keys}
in-not-a-map = {$place}应写成若干 `key: value` 行，这里却是{$found}
# 字段所在的位置，用在「……里没有」「……应写成」之前。
in-place-front = 文件头
in-place-table = 表格 `{$key}`（{$caption}）
in-place-row = `{$row}` 行
in-place-missing = `missing_in_original`（本格式的表）
in-place-agency = 机构文件
in-place-contact = `contact`
in-place-page = 页面的文件头
in-place-document = 文件（政府信息公开目录）的文件头

## parse/mod.rs：年报的文件头

in-front-help = 年报以一行 `---` 开头，接着是 `year: 2024` 和各表的数字，再一行 `---`，然后是 Markdown 正文；可以用 `gongkai new report` 生成一份
in-front-empty = 文件头是空的：至少要有 `year:`
in-no-year = 文件头没有 `year:`
in-no-year-help = 加一行，如 `year: 2024`（年报所属的年度）
in-bad-year = `year` 应是四位数的年份，如 2024，这里写的是 `{$found}`
in-bad-year-kind = `year` 应是四位数的年份，如 2024，这里却是{$kind}
in-form-range = {$from}—{$to} 年
in-form-range-open = {$from} 年起
in-form-years = 格式 `{$form}` 适用于 {$range}的年报，不适用于 {$year} 年
in-form-years-help = {$year} 年的年报用 `{$form}` 格式：删去 `form:` 这一行即可
in-form-years-help-none = 删去 `form:` 这一行
in-unknown-form = 没有 `{$form}` 这个格式
in-known-forms = 已有的格式：{$forms}
in-no-form = 没有适用于 {$year} 年年报的格式：国家格式从 2019 年起
in-no-form-help = 用 `form:` 指定格式（站点在 `forms/*.json` 里自定的格式）
in-key-not-word = 字段名应是一个普通的词
in-title-text = `title` 应是文字
in-not-a-flag = `{$key}` 只能写 `true`（是）或 `false`（否），这里写的是 {$found}
in-as-published-help = `as_published: true` 表示年报按原文收录：数字照原报告，不一致之处作为数据核对提示显示在页面上
in-draft-bool-help = 草稿写 `draft: true`；定稿时删去这一行（或写 `draft: false`）
in-table-other-form = 表格 `{$table}` 属于格式 `{$other}`，而这份 {$year} 年的年报用的是 `{$form}`
in-table-other-form-help = `{$form}` 的表格：{$tables}
in-missing-but-present = `{$table}` 列在 `missing_in_original` 里，文件头却有这张表
in-missing-but-present-help = 从列表中删去它，或删去这张表
in-missing-not-list = `missing_in_original` 应是表格字段名的列表
in-tables-absent = 文件头缺少本格式的 {$count} 张表：{$tables}
in-tables-absent-help = 每张表都照原文填写（原文印 0 的写 0）；已公开的原报告根本没有的表，用 `missing_in_original: [{$keys}]` 说明
in-tables-absent-after = {$message}，应写在 `{$key}` 表之后
in-tables-absent-after-label = 缺少的表应加在这张表之后
in-tables-absent-before = {$message}，应写在 `{$key}` 表之前
in-tables-absent-before-label = 缺少的表应加在这张表之前
in-stray = 正文里出现了文件头的一行 `{$key}:`：其中的数字会丢失
in-stray-label = 文件头在此结束
in-stray-help = 把它移到结束文件头的 `---` 之上（文件头中间多出的 `---` 行会提前结束文件头），或从正文中删去
in-nesting-html = 正文的 HTML 元素嵌套超过了 {$max} 层
in-nesting-blocks = 正文的引用或列表嵌套超过了 {$max} 层
in-nesting-help = 去掉多余的嵌套：年报最多只需几层
# 顶格写的表格行（应缩进在表格字段之下）。
in-row-unindented = `{$key}` 顶格写了：它是{$table}的一行，不是文件头的字段
in-row-unindented-help = 缩进两个空格，放到 `{$table}` 下：`  {$key}: …`
in-row-table-here = 表格 `{$table}` 在这里
in-yaml-unindented-help = 第 {$line} 行的 `{$key}` 是表格 `{$table}` 的一行，却顶格写了：缩进两个空格，放到 `{$table}` 下
in-yaml-unindented-label = `{$key}` 顶格写了

## parse/date.rs：发布日期

in-date-format = `{$key}` 应是 `YYYY-MM-DD` 格式的日期，这里写的是 `{$found}`
in-date-format-kind = `{$key}` 应是 `YYYY-MM-DD` 格式的日期，这里却是{$kind}
in-date-format-help = 例如 `{$key}: 2025-01-20`
in-date-fix-help = 改为 `{$key}: {$date}`
in-date-no-month = {$what} {$date} 不存在：一年只有 12 个月，没有{$month}月
in-date-no-day = {$what} {$date} 不存在：{$year}年{$month}月没有{$day}日
in-date-what-published = 发布日期
in-date-what-written = 成文日期
in-date-what-validity-date = 失效或废止日期
in-date-no-day-help = {$year}年{$month}月只有 {$days} 天：改为实际的{$what}，如 `{$key}: {$last}`

## parse/figures.rs 和 parse/tables.rs：表格里的数字

in-cell = 「{$row}」行「{$col}」列
in-cell-problem = {$cell}：{$problem}
in-why-leading-zero = 数字前面不写 0
in-why-tag = 数字不需要 YAML 标签
in-why-quoted = 数字不加引号
in-full-width-digits = `{$found}` 用了全角数字
in-full-width-signs = `{$found}` 用了全角字符
in-full-width-figure-help = 改为半角数字：`{$fixed}`
in-separators = `{$found}` 里有分位符
in-separators-help = 去掉分位符，写成 `{$fixed}`
in-count-negative = 件数不能是负数，这里是 {$found}
in-count-negative-help = 件数是不小于 0 的整数；没有就写 0
in-count-sign = 去掉正负号，写成 `{$fixed}`
in-count-whole = 件数应是整数，这里是 `{$found}`
in-amount-negative = 金额不能是负数，这里是 `{$found}`
in-amount-digits = `{$found}` 超出了金额的上限（小数点前最多 {$max} 位）
in-amount-digits-help = 检查是否多打了数字，以及单位（元还是万元）
in-amount-significant = `{$found}` 的有效数字超过 {$max} 位，开放数据无法精确表示
in-amount-significant-help = 照原文的写法取舍（万元的数字通常保留两到四位小数）
in-count-too-large = `{$found}` 超出了件数的上限（最多 {$max}）
in-count-too-large-help = 检查是否多打或重复打了数字
in-not-a-number = 这里应是数字，却写了 `{$found}`
in-not-a-number-help = 只用数字填写；没有就写 0
in-row-count = `{$row}` 写了 {$given} 个值，而表格「{$caption}」每行有 {$cols} 列：{$labels}
in-row-count-help-total = 写全 {$cols} 个值；或只写前 {$without} 个，不写总计，由各项相加得出
in-row-count-help = 按顺序写 {$cols} 个值：{$labels}
in-row-needs-list = `{$row}` 需要 {$cols} 个值（{$labels}），写成列表 `[…]`
in-cell-not-number = {$cell}：这里应是数字，却是{$found}
in-figure-spelling = {$cell}：数字写成了 `{$written}`
in-figure-spelling-help = {$why}：写成 `{$value}`
in-no-unit = {$cell}：金额 `{$amount}` 没有单位
in-no-unit-help = 照原文写上单位，如 `{$amount}元` 或 `{$amount}万元`

## parse/agency.rs 和 parse/page.rs：机构文件与页面

in-agency-empty = 机构文件是空的：需要 `name:` 和 `kind:`
in-must-be-text = `{$key}` 应是文字
in-agency-kind = 没有「{$kind}」这种机构类别
in-agency-kinds = 可选：{$kinds}
in-agency-sums-children = `sums_children` 应为 `true` 或 `false`
in-agency-years = `years: {$value}` 不是有效的年度范围
in-agency-years-help = 写成 `years: 2020`（只有一个年度）、`years: 2018-2022`（机构已撤销或合并）或 `years: 2018-`（至今）
in-code-length = 机构代码 `{$code}` 有 {$count} 位：统一社会信用代码应为 18 位，组织机构代码应为 9 位
in-code-character = 机构代码 `{$code}` 含有代码不用的字符「{$char}」
in-code-help = 填写本机构的统一社会信用代码（18 位，见本机构的登记证书）
in-code-upper-help = 代码中的字母应大写：`{$fixed}`
in-code-check = 机构代码 `{$code}` 的校验码不对：按前面的字符算，最后一位应是「{$expected}」
in-code-check-help = 多半是抄错了某一位：请对照本机构的证书或登记信息核对整个代码
in-agency-no-name = 机构文件没有 `name:`（机构的完整正式名称）
in-agency-no-kind = 机构文件没有 `kind:`
in-order-whole = `order` 应是整数
in-page-no-title = 页面没有标题：在文件头写 `title:`，或在正文里写一个标题

## source.rs：读取文件（接在路径之后）

in-read-outside = 指向站点文件夹以外
in-read-dangling = 指向的目标不存在（或几个链接绕成了环）
in-read-loop = 指回一个正在读取的文件夹（跟随它会无限循环）
in-read-not-file = 不是普通文件
in-read-changed = 在读取时被替换了
in-read-io = 无法读取：{$error}
in-read-link = 是符号链接，{$why}

## load.rs：站点里的文件

in-link = `{$name}` {$why}
in-link-outside-help = gongkai 只读取站点文件夹里的文件：请把文件或文件夹复制到站点里，不要用链接
in-link-loop-help = 删除这个链接：它指向的文件夹已经读取了
in-link-help = 改正链接的目标，或删除这个链接
in-io = 这个文件{$why}
in-io-missing-help = 文件是否在 gongkai 运行时被删除或移走了？请重新运行命令
in-empty-file = 文件是空的
in-empty-file-help = 删除它，或运行 `gongkai new report` 新建一份年报
in-binary = 这不是文本文件（含有空字节）：是 Word、PDF 或图片文件吗？
in-binary-help = 年报是纯文本的 Markdown 文件：把文字复制到一个 `.md` 文件里
in-utf16 = 文件是 UTF-16 编码，不是 UTF-8
in-utf16-help = 用编辑器把文件另存为 UTF-8 编码，或运行：`iconv -f UTF-16 -t UTF-8 {$file} > {$file}.utf8`
in-gbk = 文件是 GBK/GB18030 编码，不是 UTF-8：gongkai 只读 UTF-8 编码的文件
in-gbk-label = 第一个不是 UTF-8 的字符
in-gbk-help = 用编辑器把文件另存为 UTF-8 编码（记事本：「文件」→「另存为」，「编码」选 UTF-8），或运行：`iconv -f GB18030 -t UTF-8 {$file} > {$file}.utf8`
in-invalid-utf8 = 文件不是有效的 UTF-8 编码（字节 0x{$byte}）
in-invalid-utf8-help = 用编辑器把文件另存为 UTF-8 编码
in-agency-slug = 机构文件夹名 `{$name}` 不合要求
in-agency-slug-help = 机构文件夹名只用小写英文字母、数字和 `-`（如 `baibu`），因为它会出现在网址里
in-report-outside = 年报应放在机构文件夹里：`content/reports/<机构>/<年度>.md`
in-page-slug = 页面文件名 `{$name}` 不合要求
in-page-slug-help = 页面文件名只用小写英文字母、数字和 `-`（如 `guide.md`），因为它会出现在网址里
in-agency-undescribed = 机构 `{$agency}` 没有机构文件：缺少 {$file}
in-agency-undescribed-help = 用 `gongkai new agency --slug {$agency} --name 全称 --kind 乡镇` 新建
in-parent-missing = 上级机构 `{$parent}` 不存在
in-parent-missing-help = `parent` 填本站另一个机构的文件夹名
in-site-unreadable = 无法读取站点文件夹：{$why}
in-year-vs-name = 文件名是 {$stem}.md，文件头却写着 `year: {$year}`
in-year-vs-name-label = 年报年度
in-year-vs-name-help = 改文件名，或改正年度
in-dup = 机构 `{$agency}` 有两份 {$year} 年的年报
in-dup-label = 第二份
in-dup-related = 第一份
in-dup-help = 每个机构每年只留一份年报：删除或改正另一份

## form/：站点自定的格式文件（forms/*.json）

in-form-io = {$path}：无法读取格式文件：{$why}
in-form-json = {$at}：格式文件有误：{$why}
in-form-invalid = {$path}：格式 `{$form}`：{$problem}
in-form-sections = 格式应有六个部分，这里列了 {$count} 个
in-form-table-section = 表格 `{$table}`：`section` 应是 1 到 6
in-form-table-empty = 表格 `{$table}` 没有行或没有列
in-form-leaf-no-key = 表格 `{$table}`：「{$label}」没有 `key`
in-form-id-twice = 表格 `{$table}`：`{$id}` 用了两次
in-form-groups-one-row = 表格 `{$table}`：`column_groups` 的表只能有一行
in-form-table-twice = 表格字段名 `{$table}` 用了两次
in-form-claim = 正文数字 `{$name}`：{$problem}
in-form-key-figure = 主要数字 `{$key}`：{$problem}
in-form-authority-row = 规章行 `{$table}:{$row}` 不存在
in-form-catalogue-column = `catalogue` 中的 `{$table}` 表没有 `{$column}` 列
in-form-no-table = 没有表格 `{$table}`
in-form-not-cell = `{$term}` 不是 `行:列` 的写法
in-form-no-row = 表格 `{$table}` 没有 `{$row}` 这一行
in-form-no-column = 表格 `{$table}` 没有 `{$column}` 这一列
in-rule-no-table = 规则 {$code}：没有表格 `{$table}`
in-rule-severity = 规则 {$code}：`severity` 应是 `error` 或 `warning`，不能是 `{$found}`
in-rule-no-op = 规则 {$code}：`{$check}` 里没有 =、<= 或 >=
in-rule-prev = 规则 {$code}：`prev.` 只能用在 `cross_year` 规则里
in-rule-no-row = 规则 {$code}：表格 `{$table}` 没有 `{$row}` 这一行
in-rule-no-column = 规则 {$code}：表格 `{$table}` 没有 `{$column}` 这一列
in-rule-empty-side = 规则 {$code}：`{$check}` 有一边是空的

## form/apply.rs：站点格式适用于哪些年报

in-form-applies-empty = `applies_to` 没有列出任何机构：在 `agencies` 或 `under` 中写机构文件夹名；或删去 `applies_to`，格式就只适用于用 `form:` 指定它的年报
in-form-applies-years = 写了 `applies_to` 的格式还要写 `years`（适用的年度），以免套用到其他年度的年报
in-form-applies-slug = `applies_to` 中的 `{$slug}` 不是机构文件夹名：只能用小写英文字母、数字和 `-`
in-form-builtin-id = `{$id}` 是内置格式“{$name}”的 `id`：站点格式不能替换内置格式。请给它起自己的 `id`（如 `{$id}-xx`），再用 `applies_to` 写明适用的机构，或在年报中用 `form:` 指定它
in-form-id-taken = `{$id}` 已是 {$other} 的 `id`：每个格式的 `id` 都要不同
in-form-extends-unknown = `extends` 应是内置格式的 `id`（{$forms}），这里写的是 `{$id}`
in-form-applies-unknown = `applies_to` 中的 `{$slug}` 不是本站的机构：没有 `content/reports/{$slug}/agency.yaml`
in-form-applies-unknown-help = 核对机构文件夹名：这个格式不会用于本站没有的机构
in-forms-conflict = 有两个站点格式都适用于机构 `{$agency}` 的 {$year} 年年报：`{$first}`（{$first_file}）和 `{$second}`（{$second_file}）
in-forms-conflict-help = 在年报文件头用 `form: {$first}` 或 `form: {$second}` 指定其中一个，或修改这两个格式的 `applies_to`，使每个机构只适用一个

## parse/tables.rs：站点格式比国家格式多出的行、列和表格（FMT-EXTRA）

in-extra = {$what}不在国家格式 `{$national}` 中，是本站格式增加的
in-extra-row = 「{$row}」行
in-extra-columns = 表格「{$table}」的{$columns}列
in-extra-table = 表格「{$table}」（`{$key}`）
in-extra-help = 数字照录，照常核对和显示。原件确有此项时无需改动；如是误加，请删去

# attachments: in a report's front matter (parse/attachments.rs).
in-attach-help = 写法：每项一个文件名，如 `- 2024-原文.pdf`；要另起标题时写成 `- file: 2024-原文.pdf` 和下一行的 `  title: 标题`
in-attach-not-list = `attachments` 应为文件列表，每项一行，实为{$kind}
in-attach-item = `attachments` 的每一项应为文件名，或 `file` 和 `title` 两个字段，实为{$kind}
in-attach-no-file = `attachments` 的这一项缺少 `file`：写附件的文件名，如 `file: 2024-原文.pdf`
in-attach-key = `attachments` 的一项里没有 `{$key}` 这个字段：可以写 `file` 和 `title`
in-attach-file-text = `file` 应为附件的文件名
in-attach-title-text = `title` 应为附件的标题文字
in-attach-empty = 附件的文件名是空的
in-attach-absolute = 附件 `{$path}` 是绝对路径：附件须放在本文件所在的文件夹或其子文件夹中
in-attach-parent = 附件 `{$path}` 含 `..`：附件须放在本文件所在的文件夹或其子文件夹中
in-attach-backslash = 附件 `{$path}` 含反斜杠：文件夹之间请用 `/` 分隔
in-attach-control = 附件 `{$path}` 的文件名含控制字符
in-attach-hidden = 附件 `{$path}` 中的 `{$name}` 是隐藏文件或编辑器的临时文件，不能作为附件
in-attach-where = 路径相对于本文件所在的文件夹，如 `2024-原文.pdf` 或 `attachments/2024-原文.pdf`
in-attach-reserved = 附件的文件名 `{$name}` 与本页自身的文件 `{$reserved}` 重名
in-attach-dup = 附件的文件名 `{$name}` 重复：两个附件会复制到同一个位置
in-attach-dup-label = 同名的第二个附件
in-attach-dup-related = 第一个同名附件
in-attach-rename = 请把附件文件改名，并改正这里的文件名
in-attach-missing = 找不到附件 `{$path}`
in-attach-missing-label = 没有这个文件
in-attach-missing-help = 检查文件名（包括扩展名）；路径相对于本文件所在的文件夹
in-attach-link = 附件 `{$path}` {$why}
in-attach-unread = 附件 `{$path}` 未能读取：{$why}
