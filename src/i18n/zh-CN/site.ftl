# zh-CN/site.ftl：见 ../mod.rs。
