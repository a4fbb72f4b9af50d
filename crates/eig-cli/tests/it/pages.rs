//! The law ↔ code pages `eig serve` serves at `/regles/`, in a real browser: every link of
//! every page resolves (the page answers, the anchor is on it), and axe-core finds no
//! violation of WCAG 2.1 A and AA on the index, two call texts (AAP3, AAC4), the Markdown
//! text ING, an eligibility rule, a funding rule and an EIG6+ prolongation rule, at 1280 px
//! and at 390 px, where nothing is wider than the window.

use std::{
    collections::{BTreeMap, BTreeSet, VecDeque},
    net::TcpStream,
    process::{Command, Stdio},
    time::Duration,
};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

use super::serve::Server;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Chromium drives the served pages. Like the simulator's test, it needs Chromium,
/// chromedriver and axe-core (`.ci/run` installs them and runs it with `--ignored`;
/// `EIG_AXE` names another `axe.min.js`).
#[test]
#[ignore = "il faut Chromium, chromedriver et axe-core : .ci/run les installe et lance ce test \
            avec cargo test -- --ignored"]
fn the_rule_pages_in_a_real_browser() {
    let axe_path = std::env::var("EIG_AXE").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/axe/node_modules/axe-core/axe.min.js")
            .to_owned()
    });
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|err| {
        panic!("axe-core absent ({axe_path}: {err}) : npm install --prefix target/axe axe-core")
    });
    let server = Server::start(&[]);
    let driver_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut driver = Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver (Debian package chromium-driver)");
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", driver_port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let result = runtime.block_on(run(driver_port, server.port, &axe));
    let _ = driver.kill();
    let _ = driver.wait();
    let (pages, links, checks) = result.unwrap();
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "rule pages: {pages} pages, {links} links resolved, {checks} axe-core checks, 0 \
             violations\n"
        ),
    );
}

async fn run(driver_port: u16, port: u16, axe: &str) -> Result<(usize, usize, usize)> {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR"]}),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await?;
    let outcome = check(&client, port, axe).await;
    client.close().await?;
    outcome
}

async fn check(client: &Client, port: u16, axe: &str) -> Result<(usize, usize, usize)> {
    let base = format!("http://127.0.0.1:{port}/regles/");
    let (pages, links) = crawl(client, &base).await?;
    let mut checks = 0;
    for page in [
        "",
        "texte-AAP3.html",
        "regle-eig3.host.kind.html",
        // A funding rule, an EIG6+ prolongation rule, a call for candidates and a Markdown
        // text (ING, rendered with headings and lists).
        "regle-funding.host_pays_rest-EIG6.html",
        "regle-eig6plus.request.deadline.html",
        "texte-AAC4.html",
        "texte-ING.html",
        // A selection rule (its logic is what the corpus's cases computed) and JURY4's text.
        "regle-eig6.selection.candidate_grid.html",
        "texte-JURY4.html",
    ] {
        for width in [1280, 390] {
            client.set_window_size(width, 1000).await?;
            client.goto(&format!("{base}{page}")).await?;
            tokio::time::sleep(Duration::from_millis(100)).await;
            if width == 390 {
                let wide = js(
                    client,
                    "const w = window.innerWidth; return [document.documentElement.scrollWidth > w ? 'document ' + document.documentElement.scrollWidth : null, ...[...document.querySelectorAll('body *')].filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5).map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 5)].filter(Boolean)",
                )
                .await?;
                assert_eq!(wide, json!([]), "{page} at {width} px: wider than the window");
            }
            accessible(client, axe, &format!("{page} at {width} px")).await?;
            checks += 1;
        }
    }
    Ok((pages, links, checks))
}

/// Visits every page reachable from the index: each must answer 200 with its stylesheet, and
/// every link must stay among the pages and name an element of its target when it has an
/// anchor. The pages and links counted.
async fn crawl(client: &Client, base: &str) -> Result<(usize, usize)> {
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let mut queue = VecDeque::from([base.to_owned()]);
    let mut seen = BTreeSet::from([base.to_owned()]);
    while let Some(url) = queue.pop_front() {
        client.goto(&url).await?;
        let status = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(location.href).then((r) => done(r.status)).catch((e) => done(String(e)));",
                vec![],
            )
            .await?;
        assert_eq!(status, json!(200), "{url}");
        let styled =
            js(client, "return [...document.styleSheets].some((s) => s.cssRules.length > 0)")
                .await?;
        assert_eq!(styled, json!(true), "{url}: no stylesheet");
        let found = js(
            client,
            "return {ids: [...document.querySelectorAll('[id]')].map((e) => e.id), links: [...document.querySelectorAll('a[href]')].map((a) => a.href)}",
        )
        .await?;
        let page_ids = found["ids"].as_array().into_iter().flatten();
        ids.insert(url.clone(), page_ids.filter_map(Value::as_str).map(str::to_owned).collect());
        for link in found["links"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(link.starts_with(base), "{url}: a link leaves the pages: {link}");
            let page = link.split('#').next().unwrap_or(link).to_owned();
            if seen.insert(page.clone()) {
                queue.push_back(page);
            }
            links.push((url.clone(), link.to_owned()));
        }
    }
    assert!(ids.len() > 100, "{} pages reached from the index", ids.len());
    for (from, link) in &links {
        if let Some((page, anchor)) = link.split_once('#') {
            assert!(
                ids.get(page).is_some_and(|on| on.contains(anchor)),
                "{from}: link to {link}, whose anchor is not on its page"
            );
        }
    }
    Ok((ids.len(), links.len()))
}

/// axe-core in the page, the rules of WCAG 2.1 A and AA: no violation.
async fn accessible(client: &Client, axe: &str, what: &str) -> Result<()> {
    if js(client, "return typeof window.axe").await? != json!("object") {
        client.execute(axe, vec![]).await?;
    }
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then((r) => done(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)))
          .catch((e) => done([`axe: ${e}`]));";
    let violations = client.execute_async(script, vec![]).await?;
    assert_eq!(violations, json!([]), "axe-core, WCAG 2.1 A/AA, {what}");
    Ok(())
}

async fn js(client: &Client, script: &str) -> Result<Value> {
    Ok(client.execute(script, vec![]).await?)
}
