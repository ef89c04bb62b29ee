# zh-CN/serve.ftl：见 ../mod.rs。
