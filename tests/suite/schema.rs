//! `gongkai schema` (issue 17, point 1): the JSON Schemas generated from the
//! form data accept the example site and refuse what the checker refuses
//! while typing: a typo key, a row of the wrong length, a negative count.
//! `new report` points the editor at them; `init` maps them.

use crate::fixture::TempSite;
use gongkai::schema::yaml_json::front_matter;
use serde_json::Value;
use std::path::Path;

/// The schema file `name` that `gongkai schema` wrote into `site`.
fn schema(site: &TempSite, name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(site.path().join("schemas").join(name)).expect("schema written");
    let json: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&json).expect("a valid draft-07 schema")
}

/// The front matter of a file of `site` as JSON.
fn instance(site: &TempSite, rel: &str) -> Value {
    let text = std::fs::read_to_string(site.path().join(rel)).expect("read");
    front_matter(&text).expect("YAML")
}

/// The validation errors of `value`, as text.
fn problems(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

/// A site with its schemas written.
fn example_with_schemas() -> TempSite {
    let site = TempSite::example();
    let (code, out, err) = site.run(&["schema"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("schemas"), "{out}");
    site
}

#[test]
fn both_example_reports_agencies_and_documents_validate() {
    let site = example_with_schemas();
    for (report, form) in [("content/reports/huaian/2024.md", "cn-2021"), ("content/reports/baibu/2020.md", "cn-2019")]
    {
        let v = schema(&site, &format!("report-{form}.json"));
        let found = problems(&v, &instance(&site, report));
        assert!(found.is_empty(), "{report}: {found:#?}");
    }
    let agency = schema(&site, "agency.json");
    for slug in ["huaian", "baibu"] {
        let found = problems(&agency, &instance(&site, &format!("content/reports/{slug}/agency.yaml")));
        assert!(found.is_empty(), "{slug}: {found:#?}");
    }
    let document = schema(&site, "document.json");
    let docs = walkdir::WalkDir::new(site.path().join("content/documents")).into_iter().filter_map(Result::ok);
    let mut seen = 0;
    for doc in docs.filter(|e| e.path().extension().is_some_and(|x| x == "md")) {
        let rel = doc.path().strip_prefix(site.path()).expect("inside").to_string_lossy().into_owned();
        let found = problems(&document, &instance(&site, &rel));
        assert!(found.is_empty(), "{rel}: {found:#?}");
        seen += 1;
    }
    assert!(seen >= 5, "the example documents were validated ({seen})");
}

#[test]
fn a_typo_key_a_short_row_and_a_negative_count_fail() {
    let site = example_with_schemas();
    let v = schema(&site, "report-cn-2021.json");
    let text = std::fs::read_to_string(site.path().join("content/reports/huaian/2024.md")).expect("read");
    let cases = [
        ("a typo key", text.replace("\nappeals:", "\nappeal:"), "appeal"),
        ("a typo row", text.replace("  carried_in: ", "  carried_inn: "), "carried_inn"),
        (
            "a row of the wrong length",
            text.replace("[3001, 53, 0, 0, 61, 4, 3119]", "[3001, 53, 0, 0, 61]"),
            "/applications/new",
        ),
        ("a negative count", text.replace("[72, 64, 178, 37, 351]", "[72, -64, 178, 37, 351]"), "/appeals/review"),
    ];
    for (what, changed, mark) in cases {
        assert_ne!(changed, text, "{what}: the example has the text replaced");
        let found = problems(&v, &front_matter(&changed).expect("YAML"));
        assert!(!found.is_empty(), "{what} passes the schema");
        assert!(found.iter().any(|p| p.contains(mark)), "{what}: {found:#?}");
    }
    // The agency file: an unknown key and an unknown kind.
    let agency = schema(&site, "agency.json");
    for bad in ["name: 某局\nkind: 部门\nparnet: x\n", "name: 某局\nkind: 局\n"] {
        assert!(!problems(&agency, &front_matter(bad).expect("YAML")).is_empty(), "{bad}");
    }
}

#[test]
fn the_titles_are_the_official_labels() {
    let site = example_with_schemas();
    let text = std::fs::read_to_string(site.path().join("schemas/report-cn-2021.json")).expect("read");
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let new = &json["properties"]["applications"]["properties"]["new"];
    assert_eq!(new["title"], "一、本年新收政府信息公开申请数量");
    assert!(new["description"].as_str().unwrap_or("").starts_with("7 个数"), "{new}");
    assert_eq!(json["properties"]["applications"]["additionalProperties"], false);
}

/// The first lines of a file.
fn head(path: &Path, n: usize) -> Vec<String> {
    std::fs::read_to_string(path).expect("read").lines().take(n).map(str::to_owned).collect()
}

#[test]
fn init_maps_the_schemas_and_new_report_names_its_own() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("site");
    let out = crate::fixture::gongkai().arg("init").arg(&dir).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(".vscode/settings.json")).expect("settings"))
            .expect("JSON");
    assert_eq!(settings["yaml.schemas"]["./schemas/agency.json"][0], "content/reports/*/agency.yaml");
    assert!(dir.join("schemas/report-cn-2021.json").is_file() && dir.join("schemas/agency.json").is_file());
    let year = gongkai::cmd::init::current_year() - 1;
    let report = dir.join(format!("content/reports/example/{year}.md"));
    assert_eq!(head(&report, 2)[1], "# yaml-language-server: $schema=../../../schemas/report-cn-2021.json");
    assert_eq!(
        head(&dir.join("content/reports/example/agency.yaml"), 1)[0],
        "# yaml-language-server: $schema=../../../schemas/agency.json"
    );
    // The modeline is a comment: the new site still checks clean.
    let check = crate::fixture::gongkai().arg("--root").arg(&dir).arg("check").output().expect("run");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}
