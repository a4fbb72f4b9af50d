//! Prints the real per-promotion figures from the embedded history, beside the official ones.
//!
//! `cargo run -p eig-history --example figures`

#![expect(clippy::print_stdout, reason = "an example prints its result")]

use eig_history::{History, render_figures_table};

fn main() {
    let history = History::embedded();
    println!(
        "EIG programme — défis and talents per promotion ({} défi records)\n",
        history.defis().len()
    );
    print!("{}", render_figures_table(&history.all_figures()));
    println!(
        "\n\"data\": counted in the embedded records; \"official\": as the cited source states it."
    );
}
