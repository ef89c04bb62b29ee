# zh-CN/check.ftl：检查年报时的诊断信息（src/check/、src/parse/totals.rs）。
# 表格、行、列、部分的名称来自格式数据，一律照抄，放在「」或“”中。

## 单元格与数字（src/check/explain.rs）

# 空单元格（写作 `~` 或什么都不写）：不说“0”。
check-blank = 空
check-computed = {$value}（自动计算）
check-cell = 「{$name}」= {$value}
check-cell-prev = 上年「{$name}」= {$value}
check-cell-at = 「{$row}」行「{$col}」列 = {$value}
check-more-addends = {$label}；各项中另有 {$n} 项未列出
check-zero-addends = {$label}；其余 {$n} 项为 0

## 勾稽关系不成立（src/check/explain.rs）

check-sum-failed = {$total_label} {$total}，各项之和 {$sum}，相差 {$diff}
check-rule-failed = {$rule} 不成立：左边 {$lhs}，右边 {$rhs}，相差 {$diff}
check-rule-failed-cmp = {$rule} 不成立：左边 {$lhs}，右边 {$rhs}
check-at-table = {$table}：{$what}
check-at-column = {$table}「{$line}」列：{$what}
check-at-row = {$table}「{$line}」行：{$what}
check-help-sum = 勾稽关系：{$rule}。核对各项，或改正总计。
check-help-rule = 核对上面标出的各个数，改正填错的一项。

## 一个数同时使几项勾稽关系不成立（src/check/explain.rs、src/check/group.rs）

check-also-fails = {$statement}；同时不满足 {$others}
check-suspect = {$cell}：{$n} 项勾稽关系都涉及这个数，它最可能填错
check-note = {$code}：{$what}
check-note-column = {$code}：「{$line}」列，{$what}
check-note-row = {$code}：「{$line}」行，{$what}
check-help-suspect = 先对照原件核对这个数；若它无误，再逐项核对上面 {$n} 项勾稽关系中的其他数。

## 自动计算的总计与空单元格（src/parse/totals.rs，代码 T3-BLANK）

check-computed-totals = {$table}：有 {$n} 个总计未填写，已由各项相加得出
check-computed-totals-label = 自动计算
check-computed-totals-help = 请照原件填写总计，这样总计也能得到核对，而不是由程序推算。
check-blank-cells = {$table}：有 {$n} 个单元格为空，核对时按 0 计算
check-blank-cells-help = 没有数据的单元格请填 0：空单元格看起来像是缺少数据。

## 按原文收录的年报（`as_published: true`）：不计算总计，空单元格保持为空（src/parse/totals.rs，代码 T3-BLANK）

check-kept-blank-totals = {$table}：有 {$n} 个总计原报告未填写，按原文留空，涉及它们的勾稽关系不作核对
check-kept-blank-help = 按原文收录的年报照原文保留空白，页面上这些单元格显示为空；无需改动。

## 正文的六个部分（src/check/narrative/sections.rs，代码 FMT-SECT）

check-sect-quoted = “{$section}”
check-sect-unknown = 标题“{$heading}”不是格式规定的六个部分之一
check-sect-unknown-help = 六个部分用 `{$marks}` 标题：`{$marks} 一、总体情况` … `{$marks} 六、其他需要报告的事项`；小标题请用 `{$sub}` 或加粗文字
check-sect-no-numeral = 第{$numeral}部分“{$heading}”缺少序号“{$numeral}、”
check-sect-no-numeral-label = 缺少序号
check-sect-misnumbered = “{$title}”部分的序号写成了“{$written}”，按格式应为“{$numeral}”
check-sect-reworded = 标题“{$heading}”只有序号与第{$numeral}部分相符，格式中该部分为“{$title}”
check-sect-write = 写成 `{$heading}`
check-sect-twice = “{$section}”部分出现了两次
check-sect-order = “{$section}”部分排在“{$previous}”部分之后，顺序不对
check-sect-order-help = 六个部分按格式的顺序排列：一、二、三、四、五、六
check-sect-level = “{$section}”部分的标题是 {$level} 级（`{$marks}`），其他部分是 {$expected} 级（`{$expected_marks}`）
check-sect-missing-after = 缺少{$sections}部分，应在“{$previous}”部分之后
check-sect-missing-after-label = 缺少的部分应加在这一部分之后
check-sect-missing-before = 缺少{$sections}部分，应在“{$next}”部分之前
check-sect-missing-before-label = 缺少的部分应加在这一部分之前
check-sect-missing-all = 正文缺少{$sections}部分
check-sect-missing-help = 依次加上标题 {$headings}
check-sect-missing-help-tables = 依次加上标题 {$headings}；表格显示在所属部分的标题下

## 正文中的年份（src/check/narrative/years.rs，代码 TXT-YEAR）

check-report-year = 报告年度
check-period-start = 统计期限从 {$start} 年开始，但这是 {$year} 年的年报
check-period-end = 统计期限止于 {$end}年12月{$day}日，应为 {$year}年12月31日
check-period-help = 统计期限应为 {$year}年1月1日至{$year}年12月31日
check-year-topical = 正文把 {$mentioned} 年当作工作年度，但这是 {$year} 年的年报
check-year-label = {$year}年
check-year-topical-help = 这段文字是否从往年的年报复制而来？请写本年度的工作
check-title-year = 标题写的是 {$title_year}年，但 `year` 是 {$year}
check-title-year-help = 改正标题或年度

## 正文中的数字（src/check/narrative/claims.rs，代码 TXT-NUM）

check-claim-label = 正文写的是 {$stated}
check-claims-more = 正文中另有 {$n} 处数字与表格不符，未逐一列出

## 旧格式的用语（src/check/narrative/labels.rs，代码 FMT-LABEL）

check-old-label = “{$old}”是旧格式的用语，《{$form}》中为“{$new}”
check-old-label-help = 本年报按《{$form}》（{$issued_by}）填写，请使用该格式的用语

## 与上年年报比较（src/check/cross.rs，代码 X-DUP、X-STALE）

check-prev-report = {$year} 年年报
check-dup = 正文有 {$percent}% 与 {$year} 年年报逐字相同（内容雷同）
check-dup-help = 2021 年格式把“内容雷同”列为问题，请写明本年度的工作（阈值见 `site.toml` 的 `[check] similarity`）
check-stale = 本年报的各项数字与 {$year} 年年报完全相同
check-stale-help = 是否复制了上年的表格？请填写本年度的数字

## 发布日期与机构（src/check/agency.rs，代码 PUB-DATE、T2-GUIZHANG）

check-published-label = 发布日期
check-late = 发布日期 {$published} 晚于{$kind}年报的公布时限 {$deadline}
check-late-help = 条例第四十九条：部门的年报在每年 1 月 31 日前公布，人民政府的年报在 3 月 31 日前公布；时限可在 `site.toml` 的 `[deadlines]` 中设置
check-early = 发布日期 {$published} 早于报告年度 {$year} 年结束之时
check-early-help = 年度或发布日期是否写错了？
check-guizhang = {$agency}填报了{$cell}，但{$kind}不能制定规章
check-guizhang-help = 只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府能制定规章；本机关的文件请填入规范性文件一行

## ——— 正文与表格一致（#12；src/check/narrative/：claims.rs、summaries.rs、cells.rs、required.rs、years.rs；src/form/claims.rs）———

check-text-figure = 正文“{$sentence}”中{$name}为 {$stated}，{$cells}为 {$expected}
check-text-figure-help = 改正正文或表格，使前后一致；如果这句话说的是另一件事，可以不改
check-text-share = 正文“{$sentence}”中{$name}占 {$stated}%，按表格计算为 {$computed}%（{$part} ÷ {$whole}，{$of}）
check-text-share-label = 正文写的是 {$stated}%
check-text-cell = {$table}「{$row}」行「{$col}」列
check-text-cells = {$table}「{$row}」行「{$col}」列等 {$n} 个单元格之和
check-text-cells-row = {$table}「{$row}」行{$cols}列之和
check-text-cells-col = {$table}{$rows}行「{$col}」列之和
check-text-cell-is = {$cell}为 {$value}
check-text-summary = 正文“{$sentence}”写“{$words}”（{$name}），但{$cells}
check-text-summary-label = 与表格不符
check-required = 正文没有写{$name}：{$basis}（本机关为{$kind}）
check-required-label = 应在“{$section}”部分写明
check-required-help = 在“{$section}”部分写明：{$hint}
check-required-unanswered = 正文提到“{$word}”，但没有写明{$name}：{$basis}
check-period-end-date = 统计期限止于 {$end}，应为 {$year}年12月31日
check-years-more = 正文中另有 {$n} 处年份或统计期限的问题，未逐一列出
check-text-form-figure = 模式“{$pattern}”要恰好有一个 `N`
check-text-form-gaps = 模式“{$pattern}”的 `*` 超过 {$most} 个
check-text-form-measure = 模式“{$pattern}”的 `N` 后面要紧跟量词（如 `N件`、`N元`、`N%`）
check-text-form-vague = 模式“{$pattern}”的文字太少，说不清是哪个数字
check-text-form-topic = 没有话题 `{$topic}`（见 `text.topics`）
check-text-form-no-value = 要写 `value` 或 `topics`
check-text-form-summary = 正文概括用语 `{$name}`：{$problem}
check-text-form-required = 正文必备内容 `{$code}`：{$problem}
check-text-form-section = 部分序号 {$section} 不在 1 到 6 之间
check-text-form-words = `words` 不能为空
check-text-form-kind = 未知的机构类型 `{$kind}`：应为 部门 / 乡镇 / 街道 / 人民政府 之一

# TXT-THIN：内容敷衍的部分
check-thin = “{$section}”部分只有 {$sentences} 句、{$chars} 字，内容过于简单
check-thin-label = 这一部分的内容
check-thin-help = 《{$form}》要求这一部分如实说明情况：至少写 {$sentences} 句、{$chars} 字，写明具体的问题、措施或事项，不要只写“无”
# TXT-ENUM：序号跳号或重复
check-enum-skip = 序号从“{$prev}”跳到“{$this}”，缺少“{$missing}”
check-enum-repeat = 序号“{$this}”排在“{$prev}”之后，序号重复或倒序
check-enum-label = 这个序号
check-enum-help = 按顺序编号：一是、二是、三是，或（一）（二）（三）
# TXT-NEXT：把下一年当作工作年度
check-year-next = 正文把 {$mentioned} 年当作工作年度，但这是 {$year} 年的年报
check-year-next-help = 是否把年份写错了？写本年度的工作用 {$year} 年；写下一年的打算请写明“将”“计划”等
# X-JUMP：与上年相比变化异常
check-cell-named = {$table}「{$row}」行「{$col}」列
check-jump = {$cell}为 {$value}，{$year} 年为 {$prev}，是上年的 {$times} 倍
check-jump-prev = {$year} 年为 {$value}
check-jump-help = 是否把万元写成了元，或多写、少写了一位数字？数字确实如此时可不理会（阈值见 `site.toml` 的 `[check] jump_ratio` 和 `jump_min`）
# X-CHILDREN：汇总报告与下级机构之和不符
check-children = {$cell}为 {$value}，{$n} 个下级机构之和为 {$sum}：{$parts}
check-children-one = {$agency} {$value}
check-children-more = 另有 {$n} 个
check-children-help = 本机构在 `agency.yaml` 中写了 `sums_children: true`，其年报应等于各下级机构年报之和；请核对汇总数字
check-children-help-missing = 本机构在 `agency.yaml` 中写了 `sums_children: true`；{$all} 个下级机构中只有 {$n} 个有本年度年报，缺少的年报也会使汇总不符
# X-COPY：与同年其他机构的年报雷同
check-copy = 正文有 {$percent}% 与同年 {$agency} 的 {$year} 年年报逐字相同（内容雷同）
check-copy-other = {$agency} 的年报
check-copy-help = 请写明本机构本年度的工作（阈值见 `site.toml` 的 `[check] similarity_across`）
# X-GAP：年报缺失
check-gap = {$agency}缺少 {$years} 年度的年报，前后年度都有年报
check-gap-latest = {$agency}缺少 {$years} 年度的年报，报送期限已过
check-gap-help = 补上缺少的年报；机构成立、合并或撤销时，在 `agency.yaml` 中用 `years:` 写明有年报的年度（如 `years: 2018-2022`），或在 `site.toml` 的 `[check] latest_year` 写明本站收录到哪一年
