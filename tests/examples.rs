//! Every program in `examples/` runs and prints what it promises.
//! (`cargo test --all-targets` builds the examples before the tests run.)

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn library_example_runs_on_the_bundled_articles() {
    let path = example("library");
    if !path.exists() {
        // Built by `cargo test --all-targets` (as .ci/run does); build it
        // now when the tests were run without it.
        let mut cargo = Command::new(env!("CARGO"));
        cargo.args(["build", "--example", "library"]);
        if !cfg!(debug_assertions) {
            cargo.arg("--release");
        }
        let status = cargo.status().unwrap();
        assert!(status.success());
    }
    let out = Command::new(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("3 documents"), "{stdout}");
    assert!(
        stdout.contains("Most mentioned:") && stdout.contains("Ukraine"),
        "{stdout}"
    );
    assert!(stdout.contains("JSON: "), "{stdout}");
}
