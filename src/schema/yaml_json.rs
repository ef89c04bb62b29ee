//! Front matter as JSON, typed as an editor's YAML language server types
//! it (a plain `3` is a number, `~` is null, `true` a boolean, the rest
//! text), so that the schemas can be tried on the files they describe.

use crate::yaml::{Node, Style, Value as Yaml};
use serde_json::{Map, Value};

/// A plain scalar as YAML 1.2's core schema reads it.
fn scalar(text: &str, style: &Style) -> Value {
    if *style != Style::Plain {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            if let Ok(n) = text.parse::<i64>() {
                Value::from(n)
            } else if let Some(n) = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
                Value::Number(n)
            } else {
                Value::String(text.to_owned())
            }
        }
    }
}

/// A YAML node as JSON (map keys as their text).
pub fn to_json(node: &Node) -> Value {
    match &node.value {
        Yaml::Scalar { text, style } => scalar(text, style),
        Yaml::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Map(entries) => {
            let map: Map<String, Value> =
                entries.iter().map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), to_json(v))).collect();
            Value::Object(map)
        }
    }
}

/// The front matter of a Markdown file (or a whole YAML file when it has
/// none) as JSON; `None` when it is not valid YAML.
pub fn front_matter(text: &str) -> Option<Value> {
    let yaml = match crate::parse::split_front_matter(text) {
        Ok(split) => &text[split.yaml.0..split.yaml.1],
        Err(_) => text,
    };
    crate::yaml::parse(yaml, 1).ok().map(|node| node.map_or(Value::Null, |n| to_json(&n)))
}
