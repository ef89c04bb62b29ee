# en/serve.ftl: see ../mod.rs.
