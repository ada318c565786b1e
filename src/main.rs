use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    karabakh_atlas::cli::run(karabakh_atlas::cli::Cli::parse())
}
