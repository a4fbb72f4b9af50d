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

/// A `oneOf` of documented string constants (what schemars writes for an enum of unit
/// variants with doc comments) written as an `enum`, which every client generator reads as an
/// enumeration; each value's description goes to `x-enum-descriptions`, in the same order (an
/// extension generators ignore or use: openapi-generator names it so).
fn as_enum(map: &mut serde_json::Map<String, Value>) {
    let Some(Value::Array(branches)) = map.get("oneOf") else { return };
    let constant = |branch: &Value| {
        let object = branch.as_object()?;
        let only_documented_constant =
            object.keys().all(|key| matches!(key.as_str(), "const" | "description" | "type"))
                && object.get("type").is_none_or(|kind| kind == "string");
        let value = object.get("const")?.as_str()?;
        only_documented_constant.then(|| {
            let description = object.get("description").and_then(Value::as_str).unwrap_or("");
            (value.to_owned(), prose(description))
        })
    };
    let Some(values) = branches.iter().map(constant).collect::<Option<Vec<_>>>() else { return };
    if values.is_empty() {
        return;
    }
    map.remove("oneOf");
    map.insert("type".to_owned(), Value::from("string"));
    let (names, descriptions): (Vec<String>, Vec<String>) = values.into_iter().unzip();
    map.insert("enum".to_owned(), Value::from(names));
    map.insert("x-enum-descriptions".to_owned(), Value::from(descriptions));
}

/// Every `description` of `schema`, at every depth, in prose only; every integer's format
/// written as the bounds it means; every enumeration of documented constants an `enum`.
pub(crate) fn prose_only(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            as_enum(map);
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
    fn documented_constants_become_an_enum() {
        let mut schema = serde_json::json!({"oneOf": [
            {"const": "region", "description": "*Région*.", "type": "string"},
            {"const": "municipality", "description": "```\nx\n```\n*Commune*.", "type": "string"}]});
        super::prose_only(&mut schema);
        assert_eq!(
            schema,
            serde_json::json!({"type": "string", "enum": ["region", "municipality"],
            "x-enum-descriptions": ["*Région*.", "*Commune*."]})
        );
        // A branch that is not a documented string constant keeps the `oneOf` as it is.
        let mixed = serde_json::json!({"oneOf": [{"const": "a", "type": "string"},
            {"type": "object", "properties": {"kind": {"const": "b"}}}]});
        let mut kept = mixed.clone();
        super::prose_only(&mut kept);
        assert_eq!(kept, mixed);
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
