//! Attachments on a page: each file copied beside the page, and the list the
//! template `attachments.html` shows (title, type, size). Used by the report
//! page, and by any page whose model holds [`Attachment`]s.
//!
//! Bytes are read again at render time, from inside the file's site only,
//! and published only if they are the bytes that were checked (their hash):
//! one attachment at a time is in memory per page being rendered.

use super::pages::BuildError;
use crate::model::Attachment;
use crate::source::SiteDir;
use crate::write::Sink;
use serde::Serialize;

/// An attachment as the template sees it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct AttachmentView<'a> {
    /// The title shown.
    pub title: &'a str,
    /// The link, relative to the page (its file name, percent-encoded).
    pub href: String,
    /// The file name.
    pub name: &'a str,
    /// The kind, by extension: `pdf`, `word`, `ofd`, `image`, `sheet` or
    /// `other` (the template says it in words).
    pub kind: &'static str,
    /// The extension, lowercase, for `other`.
    pub ext: String,
    /// The size, in KB or MB (`12.5 KB`, `3.2 MB`).
    pub size: String,
}

/// The kind of a file, by its lowercase extension.
pub fn kind_of(ext: &str) -> &'static str {
    match ext {
        "pdf" => "pdf",
        "docx" | "doc" | "wps" => "word",
        "ofd" => "ofd",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "svg" => "image",
        "xlsx" | "xls" | "et" | "csv" => "sheet",
        _ => "other",
    }
}

/// A size in bytes, for readers: KB below a megabyte (at least 0.1 KB), MB above.
pub fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB * KB { format!("{:.1} KB", (b / KB).max(0.1)) } else { format!("{:.1} MB", b / (KB * KB)) }
}

/// `name` percent-encoded for an `href` (a file name: it has no `/`).
pub fn href(name: &str) -> String {
    super::urls::encode_path(name)
}

/// The list the template shows.
pub fn views(list: &[Attachment]) -> Vec<AttachmentView<'_>> {
    list.iter()
        .map(|a| {
            let ext = a.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            AttachmentView {
                title: &a.title,
                href: href(&a.name),
                name: &a.name,
                kind: kind_of(&ext),
                ext,
                size: size_text(a.size),
            }
        })
        .collect()
}

/// The bytes of `a`, read from inside its site (the folder above its
/// `content/`), if they are the bytes that were checked.
pub fn read(a: &Attachment) -> Result<Vec<u8>, BuildError> {
    let changed = || BuildError::Changed(a.source.clone());
    let site = crate::layout::site_of(&a.source).ok_or_else(changed)?;
    let files = SiteDir::new(site).map_err(|_| changed())?;
    let bytes = files.read(&a.source).map_err(|_| changed())?;
    if bytes.len() as u64 != a.size || crate::model::fnv1a(&bytes) != a.hash {
        return Err(changed());
    }
    Ok(bytes)
}

/// Copies each attachment into the page's folder `dir` (`reports/baibu/2024/`, with its `/`).
pub fn copy(dir: &str, list: &[Attachment], sink: &dyn Sink) -> Result<(), BuildError> {
    for a in list {
        sink.put(&format!("{dir}{}", a.name), &read(a)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_sizes_and_links() {
        assert_eq!(
            ["pdf", "docx", "doc", "ofd", "jpg", "xlsx", "zip"].map(kind_of),
            ["pdf", "word", "word", "ofd", "image", "sheet", "other"]
        );
        assert_eq!(size_text(412), "0.4 KB");
        assert_eq!(size_text(1), "0.1 KB");
        assert_eq!(size_text(12_800), "12.5 KB");
        assert_eq!(size_text(3_355_443), "3.2 MB");
        assert_eq!(href("2024-原文 (1).pdf"), "2024-%E5%8E%9F%E6%96%87%20%281%29.pdf");
        let a = Attachment {
            source: "/s/content/reports/a/原文.PDF".into(),
            name: "原文.PDF".into(),
            title: "原文".into(),
            size: 2048,
            hash: 0,
            pos: crate::diag::Pos::default(),
        };
        let v = views(std::slice::from_ref(&a));
        assert_eq!((v[0].kind, v[0].ext.as_str(), v[0].size.as_str()), ("pdf", "pdf", "2.0 KB"));
    }

    #[test]
    fn bytes_that_changed_since_the_check_are_not_published() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("content/reports/a");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("x.pdf"), b"checked").unwrap();
        let mut a = Attachment {
            source: folder.join("x.pdf"),
            name: "x.pdf".into(),
            title: "x".into(),
            size: 7,
            hash: crate::model::fnv1a(b"checked"),
            pos: crate::diag::Pos::default(),
        };
        assert_eq!(read(&a).unwrap(), b"checked");
        a.hash ^= 1;
        assert!(matches!(read(&a), Err(BuildError::Changed(_))));
    }
}
