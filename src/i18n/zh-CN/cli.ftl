# 命令行：帮助、参数错误、site.toml 的错误、生成与检查的输出。
# 术语见 ../shared/reference/zh-terms.md。

# 帮助（cmd/cli.rs）：命令和参数的说明。
cli-about = 政府信息公开工作年度报告的静态站点生成器：按国家格式检查年报，生成可直接发布的站点
cli-arg-root = 站点文件夹（含 `site.toml` 和 `content/`），默认为当前文件夹
cli-arg-lang = 提示和帮助的语言：`zh`（中文，默认）或 `en`（英文）；优先于 `site.toml` 中的 `lang` 和环境变量 `LANG`
cli-arg-help = 显示帮助
cli-arg-version = 显示版本号
cli-check-about = 按格式检查每份年报；有错误时退出码为 1
cli-check-format = 输出样式：`human`（供人阅读，默认）或 `json`（每行一个 JSON 对象，供程序读取）
cli-check-deny-warnings = 有警告时也以退出码 1 结束
cli-check-no-cache = 逐篇重新解析、检查全部报告，不使用站点缓存（默认：未改动的报告沿用 `.gongkai-cache/` 中上次解析、检查的结果）
cli-build-about = 先检查，再把站点生成到静态文件夹（整体替换原有输出）
cli-build-output = 输出文件夹（默认为站点中的 `public/`）
cli-build-base-url = 站点发布的完整网址（用于订阅源、站点地图和规范链接）
cli-build-strict = 只要有一个错误，就不生成任何内容（不单独暂缓发布有错误的年报），退出码 1
cli-build-drafts = 连草稿（文件头写有 `draft: true` 的年报）一起发布，页面上标明“草稿”
cli-build-exit-codes = 退出码：0 全部年报已发布；3 已发布，但有年报暂缓发布（有错误的年报不发布，网站上保留它此前发布的版本）；1 未生成任何内容（使用 --strict 时有错误，涉及整个站点的错误，模板错误，或所有年报都暂缓发布）；2 无法运行（`site.toml` 或格式文件有误，输出文件夹无法写入）
cli-serve-about = 本地预览：生成站点，在 127.0.0.1 上提供访问，文件一有改动就重新生成并刷新页面
cli-serve-port = 端口（默认 8420；被占用时自动改用空闲端口）
cli-serve-bind = 监听地址（默认 127.0.0.1）；只在可信的网络中修改
cli-serve-open = 自动打开浏览器
cli-serve-poll = 以轮询方式监视改动（网络驱动器、WSL，或 inotify 数量达到上限时使用）
cli-serve-no-drafts = 不显示草稿，与 `build` 一致（预览默认显示草稿，并标明“草稿”）
cli-init-about = 在指定文件夹中新建一个可直接生成的站点
cli-init-dir = 要新建的文件夹
cli-import-about = 导入已发布的年度报告（保存的网页、Word 的 .docx 文件、复制的文字），写成年报文件；从不覆盖已有文件
cli-import-inputs = 要导入的文件，或文件夹（导入其中的每个文件）
cli-import-agency = 机构文件夹名（小写英文字母、数字和 `-`）
cli-import-year = 报告年度（标题中没有写明时使用）
cli-import-dry-run = 只显示将写入的内容，不写入任何文件
cli-import-force = 即使有表格数字未能放入单元格，也写入文件
cli-new-about = 按格式新建一份年报、一个机构或一份政府信息公开目录的文件
cli-new-report-about = 新建一份按该年度格式预填的年报：`content/reports/机构/年度.md`
cli-new-report-agency = 机构文件夹名
cli-new-report-year = 报告年度
cli-new-agency-about = 新建机构信息：`content/reports/机构文件夹名/agency.yaml`
cli-new-agency-slug = 机构文件夹名，用在网址中（小写英文字母、数字和 `-`）
cli-new-agency-name = 机构全称
cli-new-agency-kind = 机构类型：部门 / 乡镇 / 街道 / 人民政府
cli-new-document-about = 新建一份政府信息公开目录的文件（带说明的模板）：`content/documents/文件夹/文件名.md`
cli-new-document-folder = 文件夹：机构的文件夹名（如 `baibu`），或一个类别
cli-new-document-title = 文件标题
cli-new-document-name = 文件名（不带 `.md`，小写英文字母、数字和 `-`）；默认用今天的日期
cli-help-about = 显示某个命令的帮助，如 `gongkai help new report`
cli-help-command = 命令（及其子命令）

# 帮助中参数值的名称，如 --root <文件夹>。
cli-value-folder = 文件夹
cli-value-lang = 语言
cli-value-format = 样式
cli-value-url = 网址
cli-value-port = 端口
cli-value-address = 地址
cli-value-file = 文件
cli-value-slug = 文件夹名
cli-value-year = 年度
cli-value-name = 全称
cli-value-kind = 类型
cli-value-title = 标题
cli-value-command = 命令

# 帮助的版式：标题和用法行。
cli-heading-usage = 用法：
cli-heading-commands = 命令：
cli-heading-arguments = 参数：
cli-heading-options = 选项：
cli-usage-options = [选项]

# 错误的首行（main.rs 及各命令），以及原因的连接。
cli-error = 错误：{$message}
cli-error-cause = {$message}：{$cause}
# 列举多项时的分隔符。
cli-list-separator = 、

# 命令行参数的错误（cmd/cli_error.rs）。
cli-err-unknown-arg = 无法识别的参数 `{$arg}`
cli-err-unknown-command = 没有 `{$command}` 这个命令
cli-err-no-value = `{$arg}` 后面缺少值
cli-err-invalid-value = `{$arg}` 的值 `{$value}` 无效；可用的值：{$valid}
cli-err-bad-value = `{$arg}` 的值 `{$value}` 无效：{$reason}
cli-err-missing-args = 缺少必需的参数：{$args}
cli-err-missing-command = `{$command}` 后面需要一个命令：{$valid}
cli-err-repeated = `{$arg}` 只能指定一次
cli-err-conflict = `{$arg}` 不能与 {$other} 同时使用
cli-err-extra-value = `{$arg}` 多了一个值 `{$value}`
cli-err-tip = 提示：是否想输入 `{$suggestion}`？
cli-err-usage = 用法：{$usage}
cli-err-more = 加上 `--help` 可查看帮助。
cli-err-reason-unknown = 格式不对
cli-err-reason-empty = 值为空
cli-err-reason-too-large = 数字超出范围
cli-err-reason-integer = 应为整数
cli-err-reason-address = 不是有效的 IP 地址（如 127.0.0.1）
cli-err-reason-range = 应在 {$min} 到 {$max} 之间
cli-err-reason-detail = {$detail}
cli-err-terminal = 无法写入终端：{$reason}

# 检查与生成的输出（cmd/check.rs、cmd/build.rs）。
cli-check-err-output = 无法输出检查结果：{$reason}
cli-build-done = 已生成 {$pages} 个页面（{$reports} 份年报），输出到 {$output}，用时 {$ms} 毫秒（{$unchanged} 个文件未变）
cli-build-refused = 发现 {$errors} 个错误，未生成任何内容；{$output} 保持原样
cli-build-nothing-built = 未生成任何内容；{$output} 保持原样
cli-build-err-content = 发现 {$errors} 个错误：原有的输出保持原样
cli-build-untouched = 原有的输出保持原样
cli-build-site-errors = 发现 {$errors} 个涉及整个站点的错误（不属于某一份年报），未生成任何内容；{$output} 保持原样
cli-build-withheld-head = 暂缓发布 {$count} 份年报：
cli-build-withheld-line = {$file}（{$reason}；{$previous}）
cli-build-withheld-documents-head = 暂缓发布 {$count} 份文件（政府信息公开目录）：
cli-build-withheld-document = {$file}（{$reason}）
cli-build-reason-errors = {$errors} 个错误
cli-build-reason-unread = 未能读取
cli-build-reason-agency = 所属机构的 `agency.yaml` 有 {$errors} 个错误
cli-build-reason-undescribed = 所属机构没有 `agency.yaml`
cli-build-reason-neighbour = 与网站上保留的相邻年度报告不一致，{$errors} 个错误
cli-build-previous-kept-date = 网站上保留 {$date} 发布的版本
cli-build-previous-kept = 网站上保留此前发布的版本
cli-build-previous-none = 此前未发布
cli-build-drafts-head = 草稿 {$count} 份，未发布（发布草稿请用 --drafts）：
cli-build-draft-line = {$file}（{$previous}）
cli-build-kept-findings = 与网站上保留的版本对照时发现的错误：
cli-build-all-withheld = {$count} 份年报全部暂缓发布，未生成任何内容；{$output} 保持原样
cli-build-lost-unrecorded = {$file} 有错误，网站上已有它的页面，但没有它发布时的原文记录（输出由旧版 gongkai 生成，或记录已被删除），无法保留
cli-build-lost-failing = {$file} 有错误，而网站上它此前发布的版本现在也未通过检查（{$errors} 个错误），无法保留
cli-build-lost-end = 为免网站上已有的年报消失，未生成任何内容；{$output} 保持原样。请修正上述年报后重新生成（确要撤下某份年报，删除它的文件即可）


# site.toml 的错误（config.rs、config/toml_error.rs）：位置在前，问题在后。
cli-config-at = {$path}:{$line}:{$col}：{$problem}
cli-config-missing = 找不到 {$path}：这里不是 gongkai 站点。请用 `--root` 指定站点文件夹，或用 `gongkai init 文件夹` 新建一个站点
cli-config-unreadable = 无法读取 {$path}：{$reason}
cli-config-theme = `theme = {$value}` 不是本站点的主题：主题按名称指定（小写字母、数字、`-` 和 `_`），即站点中的 `themes/名称` 文件夹或内置的 `default`；本站点的主题：{$themes}
cli-config-deadline = `[deadlines]` 中 `{$key} = "{$value}"` 不是有效的日期：应写成 `MM-DD`，如 `01-31`
cli-config-similarity = `[check]` 中的 `similarity` 应在 0 到 1 之间，如 0.5
cli-config-similarity-across = `[check]` 中的 `similarity_across` 应在 0 到 1 之间，如 0.5
cli-config-jump-ratio = `[check]` 中的 `jump_ratio` 应大于 1，如 5
cli-config-jump-min = `[check]` 中的 `jump_min` 应为 0 或正数，如 50
cli-config-latest-year = `[check]` 中的 `latest_year = {$value}` 不是有效的年度，应写成四位数字，如 2024
cli-config-severity-code = `[check.severity]` 中的“{$code}”不是规则代码：应写成检查结果中的代码，如 `"X-JUMP"`
cli-config-severity-input = `[check.severity]` 不能改变“{$code}”：以 `IN-` 开头的是文件本身的错误，不是可以调整的规则
cli-config-severity-value = `[check.severity]` 中 “{$code}” 的值“{$value}”无效：可选 `"error"`（错误）、`"warning"`（警告）、`"notice"`（提示）、`"off"`（不检查）
cli-config-index = `[documents]` 中 `index_pattern = "{$value}"` 不能用：{$why}
cli-config-index-brace = 花括号不成对
cli-config-index-unknown = 没有 `{"{"}{$name}{"}"}` 这一项：可用 `{"{"}code{"}"}`（机构代码）、`{"{"}year{"}"}`（发布年份）、`{"{"}serial{"}"}`（顺序号）
cli-config-index-adjacent = `{"{"}code{"}"}` 或 `{"{"}serial{"}"}` 后面应跟着分隔的文字（如 `/`、`-`），否则分不出它在哪里结束
cli-config-index-serial = 应含有 `{"{"}serial{"}"}`（顺序号），如 `{"{"}code{"}"}/{"{"}year{"}"}-{"{"}serial{"}"}`
cli-config-kind-counts = `[documents]` 中文种「{$kind}」的 `counts_as = "{$value}"` 不能用：应为 `rules`（规章）或 `normative`（行政规范性文件）
cli-config-word-empty = `[documents]` 的列表中有空的一项
cli-config-word-twice = `[documents]` 的列表中「{$word}」出现了两次
cli-config-base-url = `base_url = "{$value}"` 应以 `http://` 或 `https://` 开头
cli-config-base-url-bad = `base_url = "{$value}"` 不是有效的网址：{$why}；应为站点发布的完整网址，如 `https://www.example.gov.cn/xxgk/`
cli-config-base-url-chars = 网址中不能有空白、`?`、`#` 或 `\`
cli-config-base-url-host = 主机名无效（如 `www.example.gov.cn`、`192.0.2.1` 或 `[2001:db8::1]`）
cli-config-base-url-port = 端口应为 1 到 65535 的数
cli-base-url-flag = `--base-url` 无效：{$problem}
cli-config-lang = `lang = "{$value}"` 不是可用的语言：应为 `zh`（中文）或 `en`（英文）
cli-config-unknown-key = 未知字段 `{$key}`；可用的字段：{$valid}
cli-config-unknown-key-none = 未知字段 `{$key}`；这里不能写字段
cli-config-top-level-key = 。`{$key}` 是顶层字段：应写在文件开头、第一个 `[…]` 表之前
cli-config-missing-key = 缺少必填字段 `{$key}`
cli-config-wrong-type = 值的类型不对：应为{$expected}，实为{$found}
cli-config-type-text = 带引号的文字
cli-config-type-integer = 整数
cli-config-type-number = 数字
cli-config-type-boolean = `true` 或 `false`
cli-config-type-array = 数组
cli-config-type-table = 表
cli-config-duplicate = 字段重复：同一字段只能写一次
cli-config-unquoted = 文字须用半角双引号括起来，如 `title = "政府信息公开"`
cli-config-no-equals = 字段名后缺少 `=`：应写成 `字段 = 值`
cli-config-no-value = `=` 后缺少值
cli-config-unclosed-string = 引号没有闭合：文字末尾缺少引号
cli-config-unclosed-table = 表名缺少 `]`：应写成 `[deadlines]` 这样
cli-config-syntax = 不是有效的 TOML（解析器的说明：{$detail}）
cli-config-full-width = ；该行有全角符号「{$mark}」，请改为半角的 `{$ascii}`
cli-config-site-code = `[identity]` 中 `site_code = "{$value}"` 不是有效的网站标识码：应为 10 位半角数字，如 `3304240001`；部门网站为 `bm` 加 8 位数字，如 `bm12000001`
cli-config-icp = `[identity]` 中 `icp = "{$value}"` 不是有效的备案号：应写成省份简称、`ICP备`、半角数字和「号」，可带 `-` 和序号，如 `浙ICP备12345678号-1`
cli-config-police = `[identity]` 中 `police = "{$value}"` 不是有效的公安机关备案号：应写成省份简称、`公网安备`、14 位半角数字和「号」，如 `浙公网安备 33042402000123号`
cli-config-email = `[identity]` 中 `email = "{$value}"` 不是有效的电子邮箱地址，如 `xxgk@example.gov.cn`
cli-config-logo = `[identity]` 中 `logo = "{$value}"` 应为 `static/` 文件夹中的文件，写相对于 `static/` 的路径，如 `images/logo.svg`（不能含 `..`，不能以 `/` 开头）
cli-config-logo-missing = `[identity]` 中 `logo = "{$value}"`：`static/` 文件夹中没有这个文件
cli-build-no-cache = 完整生成，不使用任何缓存（默认：内容、主题、设置与上次生成时相同时，直接沿用上次的输出；未改动的报告沿用 `.gongkai-cache/` 中上次解析、检查的结果）
cli-build-up-to-date = 内容、主题与设置均未改变，沿用上次生成的 {$pages} 个页面（{$reports} 份年报），输出在 {$output}，用时 {$ms} 毫秒（完整生成请加 --no-cache）

# 编辑器补全、汇总表、命令补全、进度条（cmd/schema.rs、cmd/export.rs、cmd/completions.rs）。
cli-arg-quiet = 不显示进度条（进度条只在终端上、运行超过一秒时显示）
cli-schema-about = 为编辑器写出前置信息的 `JSON Schema`（每种格式的年报、机构信息、目录文件），用于补全和提示
cli-schema-output = 写到哪个文件夹（默认为站点中的 `schemas/`）
cli-export-about = 导出数字，用于上级填报
cli-export-xlsx-about = 导出 `xlsx` 工作簿（表二、表三、表四和检查结果）：一份年报（`--agency` 和 `--year`）、一个机构的各年度（`--agency`），或某年度的汇总（`--year`，可加 `--parent`）
cli-export-agency = 机构的文件夹名
cli-export-year = 报告年度
cli-export-parent = 只汇总这个机构及其下级机构（默认汇总全站）
cli-export-output = 工作簿文件（默认写在站点文件夹中，按导出内容命名）
cli-completions-about = 输出命令行补全脚本，如 `gongkai completions bash`
cli-completions-shell = 命令行外壳：`bash`、`zsh`、`fish`、`powershell` 或 `elvish`
cli-value-shell = 外壳
