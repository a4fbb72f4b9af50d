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

/// The bounds of an integer `format` that schemars writes but a validator does not enforce
/// (`uint32` is a name, not a constraint): written as `minimum` and `maximum`.
fn bounds(format: &str) -> Option<(Value, Value)> {
    Some(match format {
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" => (0.into(), u32::MAX.into()),
        "uint64" | "uint" => (0.into(), u64::MAX.into()),
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

/// Every `description` of `schema`, at every depth, in prose only; every integer's format
/// written as the bounds it means.
pub(crate) fn prose_only(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if let Some((min, max)) = map.get("format").and_then(Value::as_str).and_then(bounds) {
                map.entry("minimum").or_insert(min);
                map.entry("maximum").or_insert(max);
            }
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

    #[test]
    fn integer_formats_become_bounds() {
        let mut schema = serde_json::json!({"properties": {
            "a": {"type": "integer", "format": "uint32", "minimum": 0},
            "b": {"type": ["integer", "null"], "format": "int32"},
            "c": {"type": "integer", "format": "uint8", "minimum": 1}}});
        super::prose_only(&mut schema);
        assert_eq!(schema["properties"]["a"]["maximum"], 4_294_967_295_u32);
        assert_eq!(schema["properties"]["b"]["minimum"], -2_147_483_648_i64);
        // A bound the type states itself is kept.
        assert_eq!(schema["properties"]["c"]["minimum"], 1);
        assert_eq!(schema["properties"]["c"]["maximum"], 255);
    }
}
