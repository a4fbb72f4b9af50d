//! Generates the national-scale instance (1 000 000 candidates × 5 choices, 100 000 défis ×
//! 3 seats) and, unless told `generate-only`, solves and verifies it: run under
//! `/usr/bin/time -v` to read the peak memory (see `docs/performance.md`).
//!
//! ```text
//! cargo build --release -p eig-matching --example national
//! /usr/bin/time -v target/release/examples/national            # generate + solve + verify
//! /usr/bin/time -v target/release/examples/national generate-only
//! /usr/bin/time -v target/release/examples/national validate   # + to_input + Instance::new
//! ```

#![allow(clippy::print_stdout, reason = "an example reports on standard output")]

use eig_matching::{GeneratorConfig, Options, generate, solve};

fn main() {
    let instance = generate(&GeneratorConfig::national(1));
    println!(
        "{} candidates, {} défis, {} choices",
        instance.candidate_count(),
        instance.defi_count(),
        instance.choice_count()
    );
    match std::env::args().nth(1).as_deref() {
        Some("generate-only") => return,
        Some("validate") => {
            let input = instance.to_input();
            let valid = eig_matching::Instance::new(&input).map(|again| again == instance);
            println!("validated from ids: {valid:?}");
            return;
        }
        _ => {}
    }
    match solve(&instance, &Options::default()) {
        Ok(solution) => {
            let certificate = solution.certificate();
            println!(
                "placed {}, running {}, stability {:?}",
                certificate.placed, certificate.running, certificate.notion
            );
        }
        Err(err) => println!("error: {err}"),
    }
}
