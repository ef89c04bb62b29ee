# zh-CN/input.ftl：见 ../mod.rs。
