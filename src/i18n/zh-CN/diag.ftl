# 诊断信息的框架：严重程度、帮助、汇总行。
# 术语见 ../shared/reference/zh-terms.md；表格、行、列的名称一律照抄格式原文。

diag-error = 错误
diag-warning = 警告
# 按原文收录（`as_published: true`）的年报中不成立的勾稽关系：不影响发布，也不算警告。
diag-notice = 提示
diag-help = 帮助
check-summary = 共检查 {$reports} 份年报（{$agencies} 个机构）：{$errors} 个错误，{$warnings} 个警告
# 有提示时接在汇总行后面（没有提示时不写“0 条提示”）。
check-summary-notices = {$summary}，{$notices} 条提示
# 只供测试：数字原样输出。
test-figures = {$a} {$b} {$c}
# 一条诊断的首行，如：错误[T3-KJ]：……
diag-heading = {$severity}[{$code}]：{$message}
diag-help-line = 帮助：{$help}
