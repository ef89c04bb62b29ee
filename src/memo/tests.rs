//! The memo recalls exactly what parsing gave, and nothing else.

use super::*;
use crate::site::Site;
use crate::texts::Texts;
use pack::Pack;

/// A copy of the example site (two reports, one with an attachment, and its static files) plus a
/// report with many findings and one that does not parse.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders = [repo.join("content"), repo.join("static")];
    for entry in folders.iter().flat_map(walkdir::WalkDir::new).flatten() {
        let to = dir.path().join(entry.path().strip_prefix(repo).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).expect("copy");
    let baibu = dir.path().join("content/reports/baibu");
    let text = std::fs::read_to_string(baibu.join("2020.md")).expect("read");
    let broken = text.replace("year: 2020", "year: 2019").replace("new:             [3,", "new:             [4,");
    std::fs::write(baibu.join("2019.md"), broken).expect("write");
    std::fs::write(baibu.join("2018.md"), "---\nyear: 2018\nregulations: [\n---\n正文\n").expect("write");
    dir
}

/// The memo of `root` as a run opens it, with the number of memos it holds.
fn opened(root: &Path) -> (Memo, usize) {
    let forms = crate::site::forms_of(root).expect("forms");
    let memo = Memo::open(root, &forms, Memos::Use);
    let held = match &memo {
        Memo::On(pack) => pack.held(),
        Memo::Off => panic!("the memo is on"),
    };
    (memo, held)
}

/// Loads the site at `root` through its memo: the findings, the reports
/// (as their debug text, which shows every field) and how many were recalled.
fn load(root: &Path) -> (Vec<Diagnostic>, String, usize) {
    let (memo, _) = opened(root);
    let forms = crate::site::forms_of(root).expect("forms");
    let content = crate::load::load(root, &forms, &crate::check::check_text, &Texts::Reread, &memo);
    let recalled = match &memo {
        Memo::On(pack) => pack.used(),
        Memo::Off => 0,
    };
    memo.save();
    (content.diags, format!("{:?}", content.reports), recalled)
}

/// Loads the site at `root` without the memo, as [`load`] tells it.
fn fresh(root: &Path) -> (Vec<Diagnostic>, String) {
    let forms = crate::site::forms_of(root).expect("forms");
    let content = crate::load::load(root, &forms, &crate::check::check_text, &Texts::Reread, &Memo::Off);
    (content.diags, format!("{:?}", content.reports))
}

#[test]
fn a_recalled_site_is_the_site_parsed_again() {
    let dir = site();
    let root = dir.path();
    let (diags, reports, recalled) = load(root);
    assert_eq!(recalled, 0, "nothing to recall at first");
    assert!(diags.iter().any(|d| d.file.ends_with("2018.md")), "the file that does not parse has findings");
    assert!(diags.iter().any(|d| d.file.ends_with("2019.md") && !d.related.is_empty()), "the broken report's");
    assert!(reports.contains("attachments: [Attachment"), "a report with its attachment");
    assert_eq!((diags, reports), fresh(root));
    let (again, again_reports, recalled) = load(root);
    assert_eq!(recalled, 4, "all four report files are recalled");
    assert_eq!((again, again_reports), fresh(root));
    // And the whole site, checked through the memo, is the site checked without it.
    let plain = Site::load(root).expect("loads");
    let memoed = Site::load_with(root, Texts::Reread, Memos::Use).expect("loads");
    assert_eq!(memoed.diags, plain.diags);
    assert_eq!(format!("{:?}", memoed.content.reports), format!("{:?}", plain.content.reports));
}

#[test]
fn an_edit_is_parsed_again_and_a_deleted_report_forgotten() {
    let dir = site();
    let root = dir.path();
    load(root);
    let file = root.join("content/reports/baibu/2019.md");
    let text = std::fs::read_to_string(&file).expect("read");
    // Same length, same time: only the text tells the edit.
    let modified = std::fs::metadata(&file).and_then(|m| m.modified()).expect("time");
    std::fs::write(&file, text.replace("new:             [4,", "new:             [3,")).expect("write");
    std::fs::File::options().write(true).open(&file).and_then(|f| f.set_modified(modified)).expect("time");
    let (diags, reports, recalled) = load(root);
    assert_eq!(recalled, 3);
    assert_eq!((diags, reports), fresh(root));
    std::fs::remove_file(root.join("content/reports/baibu/2018.md")).expect("rm");
    assert_eq!(load(root).2, 3);
    assert_eq!(opened(root).1, 3, "the memo of the deleted report is not kept");
}

#[test]
fn a_memo_of_other_forms_or_damaged_is_not_used() {
    let dir = site();
    let root = dir.path();
    load(root);
    assert_eq!(opened(root).1, 4);
    // Another language is another context.
    assert_eq!(crate::i18n::in_lang(crate::i18n::Lang::En, || opened(root).1), 0);
    // A damaged memo is a miss, not a wrong report; the others are recalled.
    let file = crate::layout::memo(root);
    let mut bytes = std::fs::read(&file).expect("read");
    bytes[10] ^= 0x55;
    std::fs::write(&file, &bytes).expect("write");
    let (diags, reports, recalled) = load(root);
    assert_eq!(recalled, 3);
    assert_eq!((diags, reports), fresh(root));
    // A cut file is no memo at all.
    let bytes = std::fs::read(&file).expect("read");
    std::fs::write(&file, &bytes[..bytes.len() - 3]).expect("write");
    assert_eq!(opened(root).1, 0);
    // A site form changes every key.
    load(root);
    let form = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/forms/cn-2021.json"));
    let form = form.expect("form").replacen("\"id\": \"cn-2021\"", "\"id\": \"town-2021\"", 1);
    std::fs::create_dir_all(root.join("forms")).expect("mkdir");
    std::fs::write(root.join("forms/town.json"), form).expect("write");
    assert_eq!(load(root).2, 0);
}

#[test]
fn the_codec_refuses_what_it_did_not_write() {
    let dir = site();
    let forms = crate::site::forms_of(dir.path()).expect("forms");
    let file = Arc::new(dir.path().join("content/reports/baibu/2020.md"));
    let plain = Site::load(dir.path()).expect("loads");
    let report = plain.content.reports.iter().find(|r| r.file == file).expect("the report");
    let bytes = codec::encode(&file, Some(report), &plain.diags).expect("encodes");
    let (back, diags) = codec::decode(&bytes, &file, &forms).expect("decodes");
    assert_eq!(format!("{back:?}"), format!("{:?}", Some(report)));
    assert_eq!(diags, plain.diags);
    for cut in [1, bytes.len() / 2, bytes.len() - 1] {
        assert!(codec::decode(&bytes[..cut], &file, &forms).is_none(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(codec::decode(&longer, &file, &forms).is_none(), "bytes left over");
}

#[test]
fn a_pack_keeps_what_was_used_and_made_and_sweeps_dead_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("cache/test.bin");
    let pack = Pack::open(file.clone(), 7);
    pack.put(1, b"one");
    pack.put(2, b"two");
    pack.save();
    let pack = Pack::open(file.clone(), 7);
    assert_eq!(pack.held(), 2);
    assert_eq!(pack.get(1).as_deref(), Some(&b"one"[..]));
    pack.keep(1);
    pack.put(3, b"three");
    pack.save();
    let pack = Pack::open(file.clone(), 7);
    assert_eq!((pack.held(), pack.get(2), pack.get(3).as_deref()), (2, None, Some(&b"three"[..])));
    assert_eq!(Pack::open(file.clone(), 8).held(), 0, "another context");
    // A run that stops before saving leaves nothing; a dead run's file is swept.
    pack.put(4, b"four");
    drop(pack);
    let names = || {
        let mut n: Vec<String> = std::fs::read_dir(dir.path().join("cache"))
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(), ["test.bin"]);
    let dead = dir.path().join(format!("cache/test.{}.partial", i32::MAX));
    let live = dir.path().join(format!("cache/test.{}.partial", std::process::id()));
    std::fs::write(&dead, b"x").expect("write");
    std::fs::write(&live, b"x").expect("write");
    let _ = Pack::open(file, 7);
    assert!(!dead.exists() && live.exists());
}

#[test]
fn a_cache_folder_linked_out_of_the_site_is_not_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("cache")).expect("link");
    let pack = Pack::open(dir.path().join("cache/test.bin"), 7);
    pack.put(1, b"one");
    pack.save();
    assert_eq!(std::fs::read_dir(outside.path()).expect("ls").count(), 0, "nothing written through the link");
    // A pack file that is a link is not read either.
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    let pack = Pack::open(real.join("test.bin"), 7);
    pack.put(1, b"one");
    pack.save();
    std::fs::rename(real.join("test.bin"), outside.path().join("test.bin")).expect("move");
    std::os::unix::fs::symlink(outside.path().join("test.bin"), real.join("test.bin")).expect("link");
    assert_eq!(Pack::open(real.join("test.bin"), 7).held(), 0);
}
