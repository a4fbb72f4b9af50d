//! The simulator page, embedded in the binary: no CDN, no build step, works offline.

/// The page.
pub(crate) const INDEX_HTML: &str = include_str!("../assets/index.html");
/// Its script: asks what the API says is missing, shows the decision and the funding plan.
pub(crate) const APP_JS: &str = include_str!("../assets/app.js");
/// Its style sheet.
pub(crate) const STYLE_CSS: &str = include_str!("../assets/style.css");
