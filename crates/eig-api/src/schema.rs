//! The schemas as a person reads them: descriptions in prose, without the Rust examples that
//! the doc comments they come from carry for rustdoc.

use serde_json::Value;

/// `description` without its sections of code: everything from a `# Example` (or
/// `# Examples`) heading on, and every fenced block, are left out.
fn prose(description: &str) -> String {
    let mut kept = String::with_capacity(description.len());
    let mut in_code = false;
    for line in description.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("# Example") {
            break;
        }
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept.trim().to_owned()
}

/// Every `description` of `schema`, at every depth, in prose only.
pub(crate) fn prose_only(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => *text = prose(text),
                    _ => prose_only(value),
                }
            }
            if map.get("description").is_some_and(|d| d.as_str() == Some("")) {
                map.remove("description");
            }
        }
        Value::Array(items) => items.iter_mut().for_each(prose_only),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::prose;

    #[test]
    fn code_and_examples_are_left_out() {
        let text = "A promotion.\n\nWritten `EIG3`.\n\n# Example\n```\nuse x;\n```";
        assert_eq!(prose(text), "A promotion.\n\nWritten `EIG3`.");
        assert_eq!(prose("a\n```\ncode\n```\nb"), "a\nb");
        assert_eq!(prose("```\ncode\n```"), "");
    }
}
