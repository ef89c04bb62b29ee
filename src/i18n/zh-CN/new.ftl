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
new-toml-head = gongkai 站点设置
new-toml-base-url = 站点发布的网址（用于订阅源和站点地图）
new-toml-lang = 提示语言：`zh`（中文）或 `en`（英文）；去掉行首的 # 即生效
new-toml-deadlines = 公布时限：报告年度次年的 `MM-DD`（条例第四十九条）

# new report：草稿，以及从上一年年报带入的数字（cmd/new/carry.rs）。
new-draft = 新年报标为草稿（`draft: true`）：检查但不发布；填写完毕、核对无误后删去这一行即可发布
new-carried = 已从 {$year} 年的年报带入上一年的数字：{$rules}
new-carry-unreadable = 未带入上一年的数字：{$path} 读不出来或有错误，请先改正（可删去新文件后重新运行）
