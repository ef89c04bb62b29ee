# zh-CN/new.ftl：见 ../mod.rs。
