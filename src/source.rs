//! Reading files into text: encodings, BOMs, line endings, and positions.
//!
//! Webmasters' files come from Word, WPS and old Windows editors. A UTF-8 BOM
//! and CRLF endings are accepted silently; GBK/GB18030 and UTF-16 files are
//! refused with a message that names the encoding and how to convert, because
//! guessing an encoding risks publishing mojibake in an official document.

use crate::diag::Pos;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no content at all (or only white space).
    Empty,
    /// The file contains NUL bytes: an image, a Word file, a PDF…
    Binary,
    /// The file is valid GB18030/GBK but not UTF-8.
    Gbk {
        /// Position of the first byte that is not UTF-8.
        pos: Pos,
    },
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// Not UTF-8 and not any encoding we recognise.
    Invalid {
        /// Position of the first invalid byte.
        pos: Pos,
        /// The offending byte.
        byte: u8,
    },
}

/// Decodes file bytes to text with `\n` line endings.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            // The valid prefix is UTF-8 by construction, so this cannot fail.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
            let pos = position_at_end(prefix);
            let gbk = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes);
            return Err(match gbk {
                Some(_) => DecodeError::Gbk { pos },
                None => DecodeError::Invalid { pos, byte: bytes[valid] },
            });
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text.to_owned() })
}

/// The position just after `prefix`.
fn position_at_end(prefix: &str) -> Pos {
    let line = prefix.matches('\n').count() as u32 + 1;
    let last = prefix.rsplit('\n').next().unwrap_or("");
    Pos::new(line, last.chars().count() as u32 + 1, 1)
}

/// Byte offsets of line starts, to turn byte offsets into line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text`, with a length of `len_bytes` bytes.
    pub fn pos(&self, text: &str, offset: usize, len_bytes: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) as u32 + 1;
        let end = (offset + len_bytes).min(text.len());
        let line_end = self.starts.get(line).map_or(text.len(), |&s| s.saturating_sub(1));
        let len = text.get(offset..end.min(line_end.max(offset))).map_or(1, |s| s.chars().count()) as u32;
        Pos::new(line as u32, col, len)
    }

    /// The text of 1-based `line`, without its newline.
    pub fn line<'t>(&self, text: &'t str, line: u32) -> Option<&'t str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(text.len(), |&s| s - 1);
        text.get(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = decode(b"\xEF\xBB\xBF---\r\nyear: 2020\r\n---\r\n").unwrap();
        assert_eq!(text, "---\nyear: 2020\n---\n");
    }

    #[test]
    fn gbk_is_named_with_its_position() {
        // "年度" in GBK on line 2.
        let err = decode(b"---\nx: \xC4\xEA\xB6\xC8\n").unwrap_err();
        assert_eq!(err, DecodeError::Gbk { pos: Pos::new(2, 4, 1) });
    }

    #[test]
    fn empty_binary_and_utf16_files_are_refused() {
        assert_eq!(decode(b"  \n\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\xFF\xFE-\0-\0"), Err(DecodeError::Utf16));
        assert!(matches!(decode(b"ok \xFF\xFF\xFF"), Err(DecodeError::Invalid { byte: 0xFF, .. })));
    }

    #[test]
    fn line_index_counts_characters() {
        let text = "ab\n百步镇 x\n";
        let idx = LineIndex::new(text);
        let off = text.find('x').unwrap();
        assert_eq!(idx.pos(text, off, 1), Pos::new(2, 5, 1));
        assert_eq!(idx.line(text, 2), Some("百步镇 x"));
        assert_eq!(idx.line(text, 9), None);
    }
}
