# 导入已发布的年报（cmd/import.rs 和 import/）。

# 导入过程的输出。
import-importing = 导入 {$path}
import-dry-run = （试运行 --dry-run：以下内容不会写入）
import-would-write = 将写入 {$path}：
import-wrote = 已写入 {$path}
import-no-files = 文件夹中没有可导入的文件
import-check-header = 导入后检查（`gongkai check`）结果：
import-check-clean = 检查通过：没有错误或警告
import-failing-rules = 未通过的规则：{$codes}（原文如此时，请保留原样并核对；不要为通过检查而改动公开的数字）
import-kept-notices = 导入的年报按原文收录（`as_published: true`）：上面的提示不妨碍发布，其中勾稽关系不成立之处将作为“数据核对提示”显示在年报页面上。请对照原件逐条核对：导入时放错的数字请改正；原文如此的，保留原样
import-err-output = 无法输出：{$reason}

# 数字去向：每个数字入表、在正文、未入表或未导入。
import-placement = 数字去向（每个数字：入表 / 正文 / 未入表 / 未导入）：
import-placed = 入表
import-narrative = 正文
import-blank = 空
import-unplaced = 未入表
import-skipped = 未导入（页面框架、注释）
# 数字与其位置或原因之间，如「入表  licensing.permit：9」。
import-colon = ：
import-tally = 共 {$placed} 个入表，{$narrative} 个在正文，{$unplaced} 个未入表，{$skipped} 个未导入
# 接在上一行之后，仅当有空白单元格时。
import-tally-blanks = （另有 {$blanks} 个空白单元格，写为 ~）

# 数字未能入表的原因。
import-no-row = 没有与“{$label}”对应的表格行
import-ambiguous = “{$label}”可对应多个表格行
import-wrong-count = “{$label}”一行有 {$found} 个数字，表格应有 {$expected} 列
import-bad-figure = “{$text}”不是{$place}可用的数字
import-twice = {$place} 已有数字（该行重复出现）
import-among-labels = 数字位于“{$label}”一行的标签之间，不属于任何一列

# 写入年报时的说明。
import-missing-table = 原文没有{$title}（{$key}）：写为 `missing_in_original`
import-missing-row = 原文表中没有“{$row}”一行（{$table}）：写为空白 ~

# 一个文件未能导入的原因。
import-read-failed = 无法读取 {$path}：{$reason}
import-bad-docx = 不是有效的 Word（.docx）文件：{$detail}
import-unsupported = 不支持{$what}：请在 Word 中另存为 .docx，或复制网页、PDF 中的文字另存为 `.txt` 后导入
import-kind-pdf = PDF 文件
import-kind-old-word = 旧版 Word（`.doc`）或 WPS 文件
import-kind-binary = 二进制文件（图片等）
import-no-year = 无法确定报告年度：标题中没有年份（如“2024年”），请用 --year 指定
import-no-form = {$year} 年没有适用的报告格式（全国格式自 2019 年起）
import-bad-agency = --agency 应为机构文件夹名（小写英文字母、数字和 -，如 `baibu`）
import-unknown-agency = 站点中还没有“{$name}”：请用 --agency 指定其文件夹名（小写英文字母、数字和 -，如 `baibu`），将同时写入 `agency.yaml`
import-no-agency-name = 原文标题中没有机构名称：请用 --agency 指定机构文件夹名
import-refused-unplaced = 有表格数字未能放入表格单元格，未写入任何文件。请核对原文；确认无误后可加 --force 强制导入（未入表的数字将不会写入）
import-exists = {$path} 已存在：gongkai 不会覆盖它
import-write-failed = 无法写入 {$path}：{$reason}
