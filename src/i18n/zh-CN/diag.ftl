# 诊断信息的框架：严重程度、帮助、汇总行。
# 术语见 ../shared/reference/zh-terms.md；表格、行、列的名称一律照抄格式原文。

diag-error = 错误
diag-warning = 警告
# 按原文收录（`as_published: true`）的年报中不成立的勾稽关系：不影响发布，也不算警告。
diag-notice = 提示
diag-help = 帮助
check-summary = 共检查 {$reports} 份年报（{$agencies} 个机构）：{$errors} 个错误，{$warnings} 个警告
# 有提示时接在汇总行后面（没有提示时不写“0 条提示”）。
# With the catalogue: the documents checked too.
check-summary-documents = 共检查 {$reports} 份年报（{$agencies} 个机构）、{$documents} 份文件：{$errors} 个错误，{$warnings} 个警告
check-summary-notices = {$summary}，{$notices} 条提示
# 只供测试：数字原样输出。
test-figures = {$a} {$b} {$c}
# 一条诊断的首行，如：错误[T3-KJ]：……
diag-heading = {$severity}[{$code}]：{$message}
diag-help-line = 帮助：{$help}

# 操作系统拒绝读写的原因（src/os.rs），接在“无法写入 X：”之类的句子后面。
os-not-found = 不存在
os-permission = 没有权限
os-exists = 已存在
os-full = 磁盘空间已满
os-read-only = 文件系统是只读的
os-not-folder = 路径中有一项不是文件夹
os-is-folder = 它是一个文件夹，不是文件
os-not-empty = 文件夹不是空的
os-address-in-use = 该地址已被占用
os-address-unavailable = 本机没有这个地址
os-not-utf8 = 内容不是 UTF-8 编码的文字（如为 GBK 编码，请另存为 UTF-8）
os-other = 系统错误（{$detail}）
