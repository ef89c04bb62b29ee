# en/input.ftl: see ../mod.rs.
