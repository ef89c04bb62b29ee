# 新建年报、机构和站点（cmd/new.rs、cmd/init.rs）。

new-err-exists = {$path} 已存在：gongkai 不会覆盖已有文件
new-err-slug = `{$slug}` 不是有效的机构文件夹名：只能用小写英文字母、数字和 `-`
new-err-no-agency = 机构 `{$slug}` 还没有机构信息（缺少 {$path}）：请先运行 `gongkai new agency --slug {$slug} --name 全称 --kind 乡镇`
new-err-no-form = {$year} 年没有适用的格式：国家格式自 2019 年起适用
new-err-kind = 未知的机构类型 `{$kind}`：应为 部门 / 乡镇 / 街道 / 人民政府 之一
new-err-write = 无法写入 {$path}：{$reason}
new-created = 已新建 {$path}
new-init-done = 已在 {$dir} 新建站点。下一步：运行 `gongkai --root {$dir} build` 生成站点

# 新站点 site.toml 中的注释。
new-gitignore-head = gongkai 生成的文件（输出、输出旁保留的发布记录与原文、报告缓存）不是站点的源文件，不纳入版本管理
new-toml-head = gongkai 站点设置
new-toml-base-url = 站点发布的网址（用于订阅源和站点地图）
new-toml-lang = 提示语言：`zh`（中文）或 `en`（英文）；去掉行首的 # 即生效
new-toml-deadlines = 公布时限：报告年度次年的 `MM-DD`（条例第四十九条）

# new report：草稿，以及从上一年年报带入的数字（cmd/new/carry.rs）。
new-draft = 新年报标为草稿（`draft: true`）：检查但不发布；填写完毕、核对无误后删去这一行即可发布
new-carried = 已从 {$year} 年的年报带入上一年的数字：{$rules}
new-carry-unreadable = 未带入上一年的数字：{$path} 读不出来或有错误，请先改正（可删去新文件后重新运行）

# new document：新文件模板中的说明（cmd/new/document.rs）。
new-doc-head = 政府信息公开目录中的一份文件。# 后面是说明，可以删去；没有的项留空或删去该行
new-doc-title = 标题，照原件抄写
new-doc-index = 索引号，如 {$example}（格式见 `site.toml` 的 `[documents]`）
new-doc-agency = 发布机构：本站点机构的文件夹名（文件放在机构文件夹中时可省略）
new-doc-agency-category = 发布机构：本站点机构的文件夹名（`{$folder}` 不是机构文件夹，必须填写）
new-doc-written = 成文日期，`YYYY-MM-DD`
new-doc-published = 发布日期，`YYYY-MM-DD`
new-doc-no = 文号，如 百政发〔{$year}〕1号：年份用六角括号〔〕，序号前不加 0、不加「第」
new-doc-topic = 主题分类，可选：{$words}
new-doc-kind = 文种，可选：{$words}
new-doc-item = 公开依据：条例第二十条第几项，写 1 到 15，或（一）到（十五）
new-doc-validity = 有效性：有效、失效 或 废止
new-doc-validity-date = 失效或废止的日期（失效、废止时必填），`YYYY-MM-DD`
new-doc-replaced-by = 替代本文件的新文件：文件夹/文件名，不带 .md
new-doc-interprets = 本文件是解读时，被解读的文件：文件夹/文件名；多份写成 [甲, 乙]
new-doc-body = 在这里写文件正文（Markdown）。
