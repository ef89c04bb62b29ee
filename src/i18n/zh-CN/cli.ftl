# zh-CN/cli.ftl：见 ../mod.rs。
