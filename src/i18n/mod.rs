//! Every word gongkai says, in Chinese first and English second.
//!
//! The words live in Fluent catalogues (`src/i18n/zh-CN/*.ftl` and
//! `src/i18n/en/*.ftl`), compiled into the binary: one file per area, the same
//! message ids in both languages (a test fails otherwise). Code never writes a
//! sentence; it names a message and its arguments with [`t!`](crate::t):
//!
//! ```
//! let line = gongkai::t!("check-summary", reports = 2, agencies = 2, errors = 0, warnings = 1);
//! assert_eq!(line, "共检查 2 份年报（2 个机构）：0 个错误，1 个警告");
//! ```
//!
//! The language is chosen once per run ([`set`]), before anything is said:
//! `--lang`, then `lang` in site.toml, then `LC_ALL` / `LC_MESSAGES` / `LANG`,
//! then Chinese ([`Lang::resolve`]). Machine-readable output (`--format json`,
//! open data) keeps its codes and field names in every language; only the
//! sentences change.
//!
//! Arguments are passed as text, never as Fluent numbers, except integers that
//! an English plural needs: a figure is printed exactly as the report wrote it
//! (Fluent would format a number through `f64`).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

/// Arguments of a message, as [`t!`](crate::t) builds them.
pub use fluent_bundle::FluentArgs as Args;
use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language gongkai speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese (zh-CN), the default: gongkai's users are Chinese webmasters.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, in catalogue order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Reads a language name as people write it: `zh`, `zh-CN`, `zh_CN.UTF-8`,
    /// `en`, `en-US`, `en_GB.UTF-8`, any case. Anything else is `None`.
    pub fn parse(name: &str) -> Option<Lang> {
        let name = name.trim();
        let primary = name.split(['-', '_', '.', '@']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the environment asks for, as POSIX reads it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides.
    /// `C` and `POSIX` (the default of servers and containers) and languages
    /// gongkai does not speak ask for nothing: the default stays.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| var(k).filter(|v| !v.is_empty()))?;
        Lang::parse(&value)
    }

    /// The language of a run: the command line's `--lang`, else the site's
    /// `lang` setting, else the environment, else Chinese. The site setting
    /// comes before the environment because a server's `LANG=en_US.UTF-8` is
    /// usually the image's default, while `lang` in site.toml is a choice.
    pub fn resolve(flag: Option<Lang>, site: Option<Lang>, env: Option<Lang>) -> Lang {
        flag.or(site).or(env).unwrap_or_default()
    }

    /// The BCP 47 tag of the catalogue.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The catalogue files of this language, in the order they are loaded.
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Zh => ZH,
            Lang::En => EN,
        }
    }
}

/// The catalogue files of both languages, from one list of areas: each
/// file's name (for test messages) and text, `ZH` from `zh-CN/`, `EN` from `en/`.
macro_rules! catalogues {
    ($($name:literal),+ $(,)?) => {
        /// The Chinese catalogue files. Each area of gongkai has its file.
        const ZH: &[(&str, &str)] = &[$(($name, include_str!(concat!("zh-CN/", $name)))),+];
        /// The English catalogue files: the same names, the same message ids.
        const EN: &[(&str, &str)] = &[$(($name, include_str!(concat!("en/", $name)))),+];
    };
}

catalogues!(
    "cli.ftl",
    "diag.ftl",
    "input.ftl",
    "check.ftl",
    "site.ftl",
    "serve.ftl",
    "new.ftl",
    "import.ftl",
    "documents.ftl",
    "tools.ftl"
);

/// The language of this run; see [`set`]. Stored as 0 (Chinese) or 1 (English).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of everything said from now on. Called once, by
/// `main`, before any work starts.
pub fn set(lang: Lang) {
    CURRENT.store(u8::from(lang == Lang::En), Ordering::Relaxed);
}

thread_local! {
    /// The language that [`in_lang`] sets for the current thread, over the run's.
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language of this run (or of [`in_lang`] on this thread).
pub fn current() -> Lang {
    if let Some(lang) = OVERRIDE.with(std::cell::Cell::get) {
        return lang;
    }
    if CURRENT.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Zh }
}

/// Runs `f` with everything it says on this thread in `lang`, whatever the
/// run's language: the published site is Chinese even when the webmaster
/// reads gongkai in English, and some of its sentences are the checker's
/// (the 数据核对提示 of a report kept as published). Work that `f` hands to
/// other threads keeps the run's language.
pub fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    /// Puts the previous language back, even if `f` panics.
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(lang))));
    f()
}

/// A loaded catalogue, built on first use and shared by all threads.
type Bundle = FluentBundle<FluentResource>;

/// The catalogue of `lang`, parsed once.
fn bundle(lang: Lang) -> &'static Bundle {
    static ZH_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH_BUNDLE,
        Lang::En => &EN_BUNDLE,
    };
    cell.get_or_init(|| build(lang).0)
}

/// Builds the catalogue of `lang`, with every problem found on the way (a
/// syntax error, an id defined twice): the tests require none.
pub fn build(lang: Lang) -> (Bundle, Vec<String>) {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps arguments in bidi isolation marks for web pages; on a
    // terminal they are invisible noise, and `diag::visible` would print them.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (name, text) in lang.sources() {
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(errors.iter().map(|e| format!("{}/{name}: {e:?}", lang.tag())));
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{}/{name}: {e:?}", lang.tag())));
        }
    }
    (bundle, problems)
}

/// A value for a message argument; see [`t!`](crate::t).
pub trait Arg {
    /// The value as Fluent takes it.
    fn arg(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_owned()))
    }
}

impl Arg for String {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self))
    }
}

impl Arg for &String {
    fn arg(self) -> FluentValue<'static> {
        self.as_str().arg()
    }
}

impl Arg for Cow<'_, str> {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.into_owned()))
    }
}

impl Arg for &Cow<'_, str> {
    fn arg(self) -> FluentValue<'static> {
        self.as_ref().arg()
    }
}

impl Arg for char {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}

impl Arg for &std::path::Path {
    fn arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.display().to_string()))
    }
}

impl Arg for &std::path::PathBuf {
    fn arg(self) -> FluentValue<'static> {
        self.as_path().arg()
    }
}

/// Integers are Fluent numbers (so English can say "1 table", "2 tables")
/// while `f64` holds them exactly; beyond 2^53 they are passed as text.
macro_rules! int_arg {
    ($($t:ty)+) => {$(
        impl Arg for $t {
            fn arg(self) -> FluentValue<'static> {
                #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
                match i128::try_from(self) {
                    Ok(n) if n.unsigned_abs() <= 1u128 << 53 => FluentValue::from(n as f64),
                    _ => FluentValue::String(Cow::Owned(self.to_string())),
                }
            }
        }
        impl Arg for &$t {
            fn arg(self) -> FluentValue<'static> {
                (*self).arg()
            }
        }
    )+};
}
int_arg!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// Formats message `id` of the current language with `args`. A message
/// missing from the catalogue (a test makes sure none is) prints its id, so
/// nothing is lost and nothing panics.
pub fn text(id: &str, args: Option<&Args<'_>>) -> String {
    text_in(current(), id, args)
}

/// Formats message `id` of `lang`; see [`text`].
pub fn text_in(lang: Lang, id: &str, args: Option<&Args<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// A message of the current language: `t!("id")` or
/// `t!("id", name = value, …)`, each value an [`Arg`](crate::i18n::Arg).
/// Ids are literals, so the catalogue test can find every one in the code.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $crate::i18n::Arg::arg($value));)+
        $crate::i18n::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
