# zh-CN/site.ftl：见 ../mod.rs。
# 读取站点、主题和模板，生成站点、写入输出文件夹时的错误（src/site.rs、theme.rs、render/、write.rs）。
# 站点页面上的文字（模板里的字、「原报告未刊载此表」）属于网站本身，不在这里。

# 站点文件夹（site.rs）
site-root-unreadable = 无法读取站点文件夹 {$path}：{$cause}

# 主题（theme.rs）
site-theme-name = `{$name}` 不是主题名：主题只能用名称指定（小写字母、数字、`-` 和 `_`），不能是路径
site-theme-missing = 找不到主题 `{$name}`：没有文件夹 {$dir}
site-theme-unread = 主题中的 {$path} 未被读取：{$why}

# 模板（render/mod.rs、render/templates.rs）：先用一句话说出模板文件和行号，下一行起是模板引擎 tera 的原文。
site-template-load-line = 模板 {$file} 第 {$line} 行有错误，模板未能读取。
site-template-load-file = 模板 {$file} 有错误，模板未能读取。
site-template-load-missing = 找不到模板 {$file}，模板未能读取。
site-template-load = 模板未能读取。
site-template-render-line = 模板 {$file} 第 {$line} 行有错误，页面 {$page} 未能生成。
site-template-render-file = 模板 {$file} 有错误，页面 {$page} 未能生成。
site-template-render-missing = 找不到模板 {$file}，页面 {$page} 未能生成。
site-template-render = 页面 {$page} 未能生成。
site-template-not-utf8 = 模板 {$file} 不是 UTF-8 编码：请把它另存为 UTF-8
site-template-unread = 模板 {$file} 未被读取：{$why}

# 生成（render/pages/mod.rs）
site-build-changed = {$file} 在生成过程中被修改，修改后的内容未经检查，不予发布：请重新生成

# 输出文件夹（write.rs）：不替换不是 gongkai 生成的文件夹。
site-output-site-folder = 不能生成到 {$path}：它是站点文件夹本身或其上级文件夹，生成会替换其中的全部文件。请用 --output 另选一个文件夹
site-output-sources = 不能生成到 {$path}：它包含站点的源文件（`content/`、`themes/`、`templates/`、`forms/`、`static/`），或位于其中。请用 --output 另选一个文件夹
site-output-not-ours = 不能生成到 {$path}：该文件夹不是空的，也不是 gongkai 生成的（其中没有 `{$marker}` 文件），生成会替换其中的全部文件。请清空它，或用 --output 另选一个文件夹
site-output-file = 不能生成到 {$path}：它是一个文件，不是文件夹
site-write-escape = 拒绝写入 `{$path}`：它在输出文件夹以外
site-write-collision = 静态文件 `static/{$path}` 与本站生成的文件 `{$path}` 路径相同，生成的文件会覆盖它：请把 `static/{$path}` 改名或移到别的文件夹
site-static-unread = 静态文件 {$file} 未被读取：{$why}
site-write-busy = 另一个 gongkai 正在生成到 {$path}：请等它结束后再生成
site-write-stopped = 预览正在停止，不再写入文件
site-write-create = 无法创建 {$path}：{$cause}
site-write-open = 无法打开 {$path}：{$cause}
site-write-read = 无法读取 {$path}：{$cause}
site-write-write = 无法写入 {$path}：{$cause}
site-write-replace = 无法替换 {$path}：{$cause}
site-write-remove-leftover = 无法删除上次中断的生成留下的 {$path}：{$cause}
site-write-move-aside = 无法把原有的输出 {$path} 移开：{$cause}
site-write-move-into-place = 无法把新生成的站点 {$path} 移到位：{$cause}
site-write-remove-previous = 新站点已就位，但无法删除原有的输出 {$path}：{$cause}
site-write-lock = 无法锁定 {$path}：{$cause}


## 模板引擎 tera 的错误（src/render/tera_error.rs）：常见的几种用中文说明，其余保留原话。

site-tera-reason = 原因：{$reason}
site-tera-own-words = 模板引擎 tera 的原话：{$text}
site-tera-undefined-variable = 变量 `{$name}` 未定义
site-tera-undefined-field = 字段 `{$name}` 未定义
site-tera-available = {$sentence}；可用的字段：{$names}
site-tera-unexpected = 语法错误：此处出现了 {$found}，应为{$expected}
site-tera-expected-expression = 一个表达式（变量、数字或带引号的文字）
site-tera-expected-name = 一个名称
site-tera-expected-attribute = 一个属性名
site-tera-unknown-filter = 没有名为 `{$name}` 的过滤器
site-tera-unknown-test = 没有名为 `{$name}` 的测试
site-tera-unknown-function = 没有名为 `{$name}` 的函数
site-tera-unclosed-string = 以 {$quote} 开头的文字缺少结尾的 {$quote}
site-tera-end-of-input = 模板在标签结束前就结束了：是否缺少 `{"%}"}`、`{"}}"}`，或 `{"{% endif %}"}`、`{"{% endfor %}"}`、`{"{% endblock %}"}`？
site-tera-unknown-tag = 未知的标签：标签只能是 `if`、`for`、`block`、`extends`、`include`、`set` 等
site-tera-unexpected-character = 此处有模板语法不认识的字符
site-tera-undefined-value = 要输出的值未定义
site-tera-missing-parent = 模板 {$file} 继承的模板 {$parent} 不存在
site-tera-circular-extend = 模板 {$file} 的继承关系构成了循环：{$chain}
site-tera-circular-include = 模板 {$file} 的包含关系构成了循环：{$chain}
site-tera-token-string = 带引号的文字
site-tera-token-number = 一个数字
site-tera-token-bool = 真假值（`true` 或 `false`）
site-tera-token-content = 模板中的普通文字
site-tera-token-comment = 注释
