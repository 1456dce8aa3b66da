//! The `newsgraph` command: parses arguments, runs one command, maps the
//! outcome to an exit code (0 ok, 1 when something was skipped or failed,
//! 2 for usage errors).

use clap::Parser;
use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::commands::run(args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(
                e.downcast_ref::<cli::commands::UsageError>()
                    .map_or(1, |_| 2),
            )
        }
    }
}
