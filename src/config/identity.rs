//! `[identity]` of `site.toml`: what a government site must show about
//! itself (政府网站发展指引): 主办单位, 承办单位, 网站标识码, ICP 备案号,
//! 公安机关备案号 and how to reach the site's keepers, shown in the footer
//! of every page; an optional logo from `static/`; and whether the footer
//! credits gongkai (it does not unless asked).
//!
//! The numbers are checked for their official form, so that a typo (a
//! full-width digit, a missing 号) is found by `check` and never published
//! in every footer of the site.

use serde::{Deserialize, Serialize};

/// The site's identity, every field optional (empty when not written).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Identity {
    /// 主办单位: the agency that runs the site.
    pub sponsor: String,
    /// 承办单位: the office that keeps it.
    pub organizer: String,
    /// 网站标识码: 10 digits, or `bm` and 8 digits for a department's site.
    pub site_code: String,
    /// ICP 备案号: `浙ICP备12345678号` with an optional `-1`.
    pub icp: String,
    /// 公安机关备案号: `浙公网安备 33042402000123号`.
    pub police: String,
    /// 联系电话.
    pub phone: String,
    /// 联系邮箱.
    pub email: String,
    /// 联系地址.
    pub address: String,
    /// A file of the site's `static/` folder shown beside the title (`images/logo.svg`).
    pub logo: String,
    /// Whether the footer says 本站由 gongkai 生成.
    pub credit: bool,
}

/// The public address of the ICP registry (工业和信息化部 ICP/IP 地址/域名信息备案管理系统).
pub const ICP_REGISTRY: &str = "https://beian.miit.gov.cn/";

/// The public query page of the 公安机关 registry, before the record's digits.
pub const POLICE_REGISTRY: &str = "https://beian.mps.gov.cn/#/query/webSearch?code=";

/// The one-character names of the provinces that begin ICP and 公安 numbers
/// (both the usual one and the other in use, such as 川 and 蜀).
const PROVINCES: &str = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳台";

/// Which key of `[identity]` has a value of the wrong form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadKey {
    /// `site_code`.
    SiteCode,
    /// `icp`.
    Icp,
    /// `police`.
    Police,
    /// `email`.
    Email,
    /// `logo`.
    Logo,
}

impl BadKey {
    /// The key as written in `site.toml`.
    pub fn key(self) -> &'static str {
        match self {
            BadKey::SiteCode => "site_code",
            BadKey::Icp => "icp",
            BadKey::Police => "police",
            BadKey::Email => "email",
            BadKey::Logo => "logo",
        }
    }

    /// What is wrong with `value`, in the run's language.
    pub fn problem(self, value: &str) -> String {
        match self {
            BadKey::SiteCode => crate::t!("cli-config-site-code", value = value),
            BadKey::Icp => crate::t!("cli-config-icp", value = value),
            BadKey::Police => crate::t!("cli-config-police", value = value),
            BadKey::Email => crate::t!("cli-config-email", value = value),
            BadKey::Logo => crate::t!("cli-config-logo", value = value),
        }
    }
}

/// Whether `s` is one or more ASCII digits.
fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `s` without its leading province name, if it has one.
fn after_province(s: &str) -> Option<&str> {
    let c = s.chars().next()?;
    PROVINCES.contains(c).then(|| &s[c.len_utf8()..])
}

/// 网站标识码: 10 characters, all digits, or `bm` and 8 digits (a department's site).
pub fn is_site_code(s: &str) -> bool {
    s.len() == 10 && (digits(s) || s.strip_prefix("bm").is_some_and(digits))
}

/// ICP 备案号: a province, `ICP备`, digits, `号`, and optionally `-` and digits.
pub fn is_icp(s: &str) -> bool {
    let Some(rest) = after_province(s).and_then(|r| r.strip_prefix("ICP备")) else { return false };
    let Some((number, tail)) = rest.split_once('号') else { return false };
    digits(number) && (tail.is_empty() || tail.strip_prefix('-').is_some_and(digits))
}

/// The 14 digits of a 公安机关备案号 (a province, `公网安备`, an optional
/// space, 14 digits, `号`), if `s` is one: the registry's query takes them.
pub fn police_code(s: &str) -> Option<&str> {
    let rest = after_province(s)?.strip_prefix("公网安备")?;
    let number = rest.strip_prefix(' ').unwrap_or(rest).strip_suffix('号')?;
    (number.len() == 14 && digits(number)).then_some(number)
}

/// A plausible e-mail address: one `@` between a name and a domain with a dot, no spaces.
fn is_email(s: &str) -> bool {
    let Some((name, domain)) = s.split_once('@') else { return false };
    !name.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && s.is_ascii()
        && !s.chars().any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
}

/// A file path under `static/`: relative, `/`-separated, without `..`, `.`,
/// hidden names or a backslash.
pub fn is_static_path(s: &str) -> bool {
    !s.is_empty()
        && !s.contains('\\')
        && s.split('/').all(|part| !part.is_empty() && part != "." && part != ".." && !part.starts_with('.'))
}

/// A test of a value's form.
type FormCheck = fn(&str) -> bool;

impl Identity {
    /// The first key whose value is not of its official form (empty values are not written, and pass).
    pub fn invalid(&self) -> Option<(BadKey, &str)> {
        let checks: [(BadKey, &str, FormCheck); 5] = [
            (BadKey::SiteCode, &self.site_code, is_site_code),
            (BadKey::Icp, &self.icp, is_icp),
            (BadKey::Police, &self.police, |s| police_code(s).is_some()),
            (BadKey::Email, &self.email, is_email),
            (BadKey::Logo, &self.logo, is_static_path),
        ];
        checks.into_iter().find(|(_, value, ok)| !value.is_empty() && !ok(value)).map(|(key, value, _)| (key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_forms() {
        assert!(is_site_code("3304240000") && is_site_code("bm12000001"));
        for bad in ["330424000", "33042400001", "BM12000001", "bm1200000x", "３３04240000", ""] {
            assert!(!is_site_code(bad), "{bad}");
        }
        assert!(is_icp("浙ICP备12345678号") && is_icp("浙ICP备12345678号-1") && is_icp("京ICP备05070602号-12"));
        for bad in
            ["ICP备12345678号", "浙ICP12345678号", "浙ICP备12345678", "浙ICP备号", "浙ICP备1234号-", "浙icp备1号"]
        {
            assert!(!is_icp(bad), "{bad}");
        }
        assert_eq!(police_code("浙公网安备 33042402000123号"), Some("33042402000123"));
        assert_eq!(police_code("浙公网安备33042402000123号"), Some("33042402000123"));
        for bad in [
            "浙公网安备 3304240200012号",
            "公网安备 33042402000123号",
            "浙公网安备 33042402000123",
            "浙公网安备  33042402000123号",
        ] {
            assert_eq!(police_code(bad), None, "{bad}");
        }
        assert!(is_email("xxgk@example.gov.cn") && !is_email("xxgk@example") && !is_email("a b@x.cn"));
        assert!(is_static_path("images/logo.svg") && !is_static_path("../x.svg") && !is_static_path("/x.svg"));
    }
}
