# en/cli.ftl: see ../mod.rs.
