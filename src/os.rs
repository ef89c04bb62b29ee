//! The operating system's refusals in the run's language: one sentence end
//! for an `io::Error`, used wherever gongkai says why a file or folder could
//! not be read, written or listened on. The common causes are said by their
//! meaning; anything else keeps the system's own words behind a lead.

use std::io::ErrorKind as K;

/// Why the operating system refused, as the end of a sentence such as
/// 无法写入 public/index.html：没有权限.
pub fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        K::NotFound => crate::t!("os-not-found"),
        K::PermissionDenied => crate::t!("os-permission"),
        K::AlreadyExists => crate::t!("os-exists"),
        K::StorageFull => crate::t!("os-full"),
        K::ReadOnlyFilesystem => crate::t!("os-read-only"),
        K::NotADirectory => crate::t!("os-not-folder"),
        K::IsADirectory => crate::t!("os-is-folder"),
        K::DirectoryNotEmpty => crate::t!("os-not-empty"),
        K::AddrInUse => crate::t!("os-address-in-use"),
        K::AddrNotAvailable => crate::t!("os-address-unavailable"),
        K::InvalidData if e.to_string().contains("UTF-8") => crate::t!("os-not-utf8"),
        _ => crate::t!("os-other", detail = e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_causes_are_said_in_words_and_others_keep_the_systems() {
        assert_eq!(reason(&std::io::Error::from(K::PermissionDenied)), "没有权限");
        assert_eq!(reason(&std::io::Error::from(K::NotFound)), "不存在");
        assert_eq!(reason(&std::io::Error::other("boom")), "系统错误（boom）");
    }
}
