# zh-CN/check.ftl：见 ../mod.rs。
