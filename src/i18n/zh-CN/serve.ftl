# zh-CN/serve.ftl：见 ../mod.rs。
# 本地预览（gongkai serve，src/serve/）在终端里、在浏览器的错误提示层和错误页上说的话。

# 无法启动预览（mod.rs 的 ServeError）
serve-listen = 无法在 {$addr} 上监听：{$cause}
serve-work = 无法创建预览文件夹 {$path}：{$cause}
serve-watch = 无法监视站点文件的变动：{$error}

# 终端：启动、修改、生成结果（mod.rs）
serve-port-taken = 端口 {$port} 已被占用，改用一个空闲端口
serve-exposed = 警告：正在 {$ip} 上监听，能连到本机的任何人都能看到预览
serve-listening = 正在预览 {$root}（按 Ctrl-C 停止）：{$url}
serve-stopped = 预览已停止
serve-list-separator = 、
serve-changed = 检测到修改：{$files}
serve-changed-more = 检测到修改：{$files} 及另外 {$more} 个文件
serve-built = 已生成，用时 {$ms} 毫秒
serve-rebuilt = 已重新生成，用时 {$ms} 毫秒
# 生成失败后的一行：失败的是什么（下面的 serve-failure-*）、用时，以及预览此时显示什么（serve-then-*）。
serve-failed = {$what}（用时 {$ms} 毫秒）。{$then}
serve-then-previous = 预览仍显示上一次成功生成的版本，修正后页面会自动刷新
serve-then-withheld = 有错误的年报显示其上一次通过检查的版本（新年报暂不显示），其余修改已生效；修正后页面会自动刷新
serve-then-nothing = 尚无成功生成的版本可供预览，修正后页面会自动刷新
serve-error = 错误：{$error}
serve-data-failed = 错误：开放数据文件未能更新：{$error}

# 失败的是什么：终端一行的开头，也是浏览器错误提示层的标题（live.rs）
serve-failure-check = 检查未通过：{$errors} 个错误
serve-failure-site = 站点无法读取
serve-failure-template = 模板或主题有错误，站点未能生成
serve-failure-output = 预览文件未能写入
serve-failure-changed = 有报告在生成过程中被修改，站点未能生成

# 浏览器错误提示层的说明（mod.rs，由 reload.js 显示）
serve-overlay-previous = 下方仍是上一次成功生成的页面。修正文件后，页面会自动刷新。
serve-overlay-withheld = 有错误的年报，下方显示的是它上一次通过检查的版本（新年报暂不显示）；其余页面已按修改更新。修正文件后，页面会自动刷新。
serve-overlay-nothing = 尚无成功生成的页面。修正文件后，页面会自动刷新。

# 监视文件（watch.rs）
serve-watch-limit = 警告：已达到系统可监视文件数的上限（`fs.inotify.max_user_watches`），改为每 {$ms} 毫秒检查一次文件
serve-watch-limit-help = 帮助：运行 `sudo sysctl fs.inotify.max_user_watches=524288` 可提高上限
serve-watch-native = 警告：无法用系统的文件通知监视站点（{$error}），改为每 {$ms} 毫秒检查一次文件
serve-watch-error = 警告：监视文件时出错：{$error}

# 预览服务器的错误页（http.rs、limits.rs）；状态行仍用 HTTP 的英文原因短语。
serve-http-busy = 预览服务器正忙，请稍后再试
serve-http-bad-request = 请求的格式有误
serve-http-method = 预览只接受 `GET` 和 `HEAD` 请求
serve-http-timeout = 请求未在时限内发送完毕
serve-http-too-long = 请求的地址太长
serve-http-headers-too-large = 请求头太大
serve-page-title = gongkai 预览
serve-page-nothing-built = 尚无成功生成的版本：请查看终端中的错误信息。
