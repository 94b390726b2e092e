//! `candor`: lint and score customer-interview transcripts.

mod args;
mod baseline;
mod batch;
mod commands;
mod error;
mod eval;
mod files;
mod man;
mod output;
mod render;
mod score;
mod settings;
mod summary;
mod train;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: the analysis allocates a little per sentence,
/// and with mimalloc a batch runs faster (see benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        // `candor score … | head -1`: the reader closed the pipe; stop quietly.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let mut err = anstream::stderr();
            let _ = render::human::print_error(&mut err, &e.to_string());
            ExitCode::from(2)
        }
    }
}
