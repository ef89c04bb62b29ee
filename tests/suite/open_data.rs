//! The open data (schema 2): every figure of every report, in `report.json`,
//! `report.csv`, `data/cells.csv` and on the page, resolves to its labels
//! through `data/forms.json` and `data/labels.csv`, and all of them agree.

use crate::fixture::TempSite;
use crate::safety::csv_records;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The text of a built file.
fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A JSON figure as written in CSV (`""` for `null`).
fn figure(v: &Value) -> String {
    if v.is_null() { String::new() } else { v.to_string() }
}

/// The ids and label paths of one axis of a table of `data/forms.json`.
fn axis(t: &Value, key: &str) -> Vec<(String, String)> {
    t[key]
        .as_array()
        .expect("axis")
        .iter()
        .map(|a| {
            let path: Vec<&str> = a["path"].as_array().expect("path").iter().filter_map(Value::as_str).collect();
            (a["id"].as_str().expect("id").to_string(), path.join("/"))
        })
        .collect()
}

/// The figures of each `<td>` of the page's table `id`, in document order.
fn page_cells(html: &str, id: &str) -> Vec<String> {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no table {id}"));
    let table = &html[start..start + html[start..].find("</table>").expect("end")];
    table
        .split("<td")
        .skip(1)
        .filter(|c| !c.starts_with(" class=\"stub\""))
        .map(|c| {
            let text = &c[c.find('>').expect(">") + 1..c.find("</td>").expect("</td>")];
            text.trim_end_matches(['元', '万']).to_string()
        })
        .collect()
}

/// A report's CSV blocks by table key: column ids, column labels, rows
/// (id, label, figures, note), and the caption.
type Block = (String, Vec<String>, Vec<String>, Vec<Vec<String>>);

fn csv_blocks(text: &str) -> (BTreeMap<String, String>, BTreeMap<String, Block>) {
    // Blank lines separate the blocks.
    let records: Vec<Vec<String>> = csv_records(text).into_iter().filter(|r| r.iter().any(|f| !f.is_empty())).collect();
    let mut head = BTreeMap::new();
    let mut blocks = BTreeMap::new();
    let mut i = 0;
    while i < records.len() && records[i][0] != "table" {
        head.insert(records[i][0].clone(), records[i][1].clone());
        i += 1;
    }
    while i < records.len() {
        let (key, caption) = (records[i][1].clone(), records[i][2].clone());
        let ids = records[i + 1].clone();
        let labels = records[i + 2].clone();
        let mut rows = Vec::new();
        i += 3;
        while i < records.len() && records[i][0] != "table" {
            rows.push(records[i].clone());
            i += 1;
        }
        blocks.insert(key, (caption, ids, labels, rows));
    }
    (head, blocks)
}

#[test]
fn every_figure_of_every_report_resolves_to_its_labels_and_agrees_everywhere() {
    let site = TempSite::example();
    let out = site.path().join("public");
    let (code, _, err) = site.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let forms: Value = serde_json::from_str(&read(&out, "data/forms.json")).expect("forms.json");
    assert_eq!(forms["schema"], 2);
    let labels_csv = csv_records(&read(&out, "data/labels.csv"));
    let cells_csv = csv_records(&read(&out, "data/cells.csv"));
    let reports: Value = serde_json::from_str(&read(&out, "data/reports.json")).expect("reports.json");
    let mut resolved = 0;
    for summary in reports.as_array().expect("reports") {
        let json: Value = serde_json::from_str(&read(&out, summary["json"].as_str().expect("json"))).expect("json");
        let csv = read(&out, summary["csv"].as_str().expect("csv"));
        let html = read(&out, summary["url"].as_str().expect("url"));
        assert_eq!(json["schema"], 2);
        assert_eq!(json["form"]["labels"], "data/forms.json");
        let form =
            forms["forms"].as_array().expect("forms").iter().find(|f| f["id"] == json["form"]["id"]).expect("form");
        let (head, blocks) = csv_blocks(&csv);
        assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
        assert_eq!((head["schema"].as_str(), head["form"].as_str()), ("2", json["form"]["id"].as_str().expect("id")));
        assert_eq!(head["agency"], json["agency"]["slug"].as_str().expect("slug"));
        let (agency, year) = (head["agency"].clone(), head["year"].clone());
        let cells: BTreeMap<(&str, &str, &str), &Vec<String>> = cells_csv
            .iter()
            .filter(|c| c[0] == agency && c[1] == year)
            .map(|c| ((c[3].as_str(), c[4].as_str(), c[5].as_str()), c))
            .collect();
        let mut cells_seen = 0;
        for t in json["tables"].as_array().expect("tables") {
            let key = t["key"].as_str().expect("key");
            let spec = form["tables"].as_array().expect("tables").iter().find(|s| s["key"] == key).expect("table");
            let (rows, cols) = (axis(spec, "rows"), axis(spec, "columns"));
            let ids = |k: &str| -> Vec<String> {
                t[k].as_array().expect(k).iter().map(|v| v.as_str().expect("id").to_string()).collect()
            };
            assert_eq!(ids("rows"), rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>(), "{key}");
            assert_eq!(ids("columns"), cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>(), "{key}");
            for (axis_name, list) in [("row", &rows), ("column", &cols)] {
                for (id, path) in list.iter() {
                    assert!(
                        labels_csv.iter().any(|l| l[0] == json["form"]["id"].as_str().expect("id")
                            && l[1] == key
                            && l[3] == axis_name
                            && &l[4] == id
                            && &l[5] == path),
                        "{key} {id} in labels.csv"
                    );
                }
            }
            if t["absent"] == true {
                assert!(!blocks.contains_key(key), "no block for an absent table");
                continue;
            }
            let source = |r: &str, c: &str| -> String {
                t["sources"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .find(|(_, cs)| cs.as_array().is_some_and(|cs| cs.iter().any(|p| p[0] == r && p[1] == c)))
                    .map_or("given".into(), |(s, _)| s.clone())
            };
            let (caption, col_ids, col_labels, csv_rows) = &blocks[key];
            assert_eq!(caption, spec["caption"].as_str().expect("caption"));
            assert_eq!(col_ids[2..col_ids.len() - 1], cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>()[..]);
            assert_eq!(col_labels[2..col_labels.len() - 1], cols.iter().map(|c| c.1.clone()).collect::<Vec<_>>()[..]);
            assert_eq!(csv_rows.len(), rows.len(), "{key}");
            let on_page = page_cells(&html, &format!("t-{key}"));
            assert_eq!(on_page.len(), rows.len() * cols.len(), "{key}: every figure is on the page");
            for (r, (row_id, row_label)) in rows.iter().enumerate() {
                let line = &csv_rows[r];
                assert_eq!((&line[0], &line[1]), (row_id, row_label), "{key}");
                for (c, (col_id, _)) in cols.iter().enumerate() {
                    let value = &t["values"][r][c];
                    assert_eq!(line[2 + c], figure(value), "{key} {row_id} {col_id} in report.csv");
                    let src = source(row_id, col_id);
                    let note = &line[line.len() - 1];
                    assert_eq!(
                        src != "given",
                        note.split("; ").any(|n| n == format!("{col_id}={src}")),
                        "{key} {row_id}: {note}"
                    );
                    let cell = cells[&(key, row_id.as_str(), col_id.as_str())];
                    assert_eq!(
                        (&cell[6], &cell[8]),
                        (&figure(value), &src),
                        "{key} {row_id} {col_id} in data/cells.csv"
                    );
                    let shown = &on_page[r * cols.len() + c];
                    if value.is_null() {
                        assert!(shown.is_empty(), "{key} {row_id} {col_id}: {shown}");
                    } else {
                        assert_eq!(shown.parse::<f64>().ok(), value.as_f64(), "{key} {row_id} {col_id} on the page");
                    }
                    cells_seen += 1;
                    resolved += 1;
                }
            }
        }
        assert_eq!(cells.len(), cells_seen, "data/cells.csv has exactly the report's cells");
    }
    assert!(resolved > 300, "{resolved} figures resolved");
}
