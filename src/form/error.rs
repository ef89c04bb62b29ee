//! Why a form data file cannot be used, said in the run's language.

use std::path::PathBuf;

/// A form data file that cannot be used. Displayed in the run's language,
/// starting with the file (and the line and column of a JSON error).
#[derive(Debug)]
pub enum FormError {
    /// The file could not be read.
    Io {
        /// The form file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The JSON is malformed or has the wrong shape.
    Json {
        /// The form file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// A site form that does not fit with the other forms (it reuses the id
    /// of a built-in form or of another site form, or extends no built-in
    /// form), at the place in its file.
    Site {
        /// The form file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The form id.
        form: String,
        /// What is wrong.
        message: String,
    },
    /// The JSON is well-formed but inconsistent (an unknown id in a rule…).
    Invalid {
        /// The form file.
        path: PathBuf,
        /// The form id.
        form: String,
        /// What is wrong.
        message: String,
    },
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            FormError::Io { path, source } => {
                crate::t!("in-form-io", path = path, why = crate::os::reason(source))
            }
            FormError::Json { path, line, column, message } => {
                let at = format!("{}:{line}:{column}", path.display());
                crate::t!("in-form-json", at = at, why = message)
            }
            FormError::Site { path, line, column, form, message } => {
                let at = format!("{}:{line}:{column}", path.display());
                crate::t!("in-form-invalid", path = at, form = form, problem = message)
            }
            FormError::Invalid { path, form, message } => {
                crate::t!("in-form-invalid", path = path, form = form, problem = message)
            }
        })
    }
}

impl std::error::Error for FormError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FormError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
