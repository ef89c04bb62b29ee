# en/check.ftl: see ../mod.rs.
