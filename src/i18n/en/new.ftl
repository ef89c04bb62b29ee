# en/new.ftl: see ../mod.rs.
