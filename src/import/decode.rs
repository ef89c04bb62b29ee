//! Bytes to text. Government pages are often GBK or GB2312, with or without a
//! `charset` declaration (and sometimes with a wrong one): a declared charset
//! is used when the bytes are not UTF-8, otherwise chardetng guesses, which
//! is what browsers do for undeclared legacy pages.

use encoding_rs::{Encoding, UTF_8};

/// Decodes a file. `html`: look for a `<meta charset>` declaration first.
pub fn decode(bytes: &[u8], html: bool) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let declared = if html { declared_charset(bytes) } else { None };
    let enc = declared.filter(|e| *e != UTF_8).unwrap_or_else(|| guess(bytes));
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset a page declares in its first 4 KiB (`charset=gbk`, `charset="gb2312"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')).unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// chardetng's guess for undeclared bytes (no TLD hint: `.cn` pages are the
/// norm, and the Chinese guess does not need it).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_with_and_without_declaration() {
        let (gbk, _, _) = encoding_rs::GBK.encode("百步镇人民政府2020年度政府信息公开工作年度报告，本年新收申请");
        assert!(decode(&gbk, false).starts_with("百步镇人民政府"));
        let mut page = b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">".to_vec();
        page.extend_from_slice(&gbk);
        assert!(decode(&page, true).contains("百步镇"));
        assert_eq!(decode("已是 UTF-8".as_bytes(), true), "已是 UTF-8");
    }
}
