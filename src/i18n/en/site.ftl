# en/site.ftl: see ../mod.rs.
