//! Running commands: one PATH for every tool, failures with what failed, and the test summary.

use std::{
    ffi::OsString,
    fmt,
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Command, Stdio},
};

use crate::root;

#[derive(Debug)]
pub struct Fail(String);

impl Fail {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where `cargo install` puts binaries, even when the caller's PATH lacks it.
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

/// PATH with cargo's bin and the npm tools (wasm-opt) in front, so Trunk finds the pinned ones.
fn path() -> OsString {
    let mut dirs = vec![cargo_bin(), root().join("xtask/node_modules/.bin")];
    if let Some(existing) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(dirs).expect("PATH entries have no separator")
}

/// A command run from the workspace root, with our PATH and Trunk kept offline.
pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(root())
        .env("PATH", path())
        .env("TRUNK_OFFLINE", "true");
    command
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

pub fn run(command: &mut Command) -> Result<(), Fail> {
    let status = command
        .status()
        .map_err(|e| Fail::new(format!("cannot start `{}`: {e}", describe(command))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Fail::new(format!(
            "`{}` failed ({status})",
            describe(command)
        )))
    }
}

/// Root installs system packages itself, others through sudo; PostgreSQL refuses to run as root.
pub fn as_root() -> bool {
    output_line("id", &["-u"]).as_deref() == Some("0")
}

/// The first line a command prints, or None if it cannot run (tool missing).
pub fn output_line(program: &str, args: &[&str]) -> Option<String> {
    let output = cmd(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .map(|l| l.trim().to_string())
}

/// Counts of every test runner's `test result:` lines, per tier, reprinted at the end.
#[derive(Default)]
pub struct Summary {
    lines: Vec<String>,
    passed: u64,
    failed: u64,
    broken: Vec<String>,
    /// Contract scenarios that passed, per target.
    scenarios: Vec<(String, u64)>,
}

/// A passing test of the contract suite (`crates/contract`: each scenario is `contract::<name>`).
fn is_passing_scenario(line: &str) -> bool {
    line.starts_with("test contract::") && line.ends_with(" ... ok")
}

impl Summary {
    /// Runs a test command, echoing its output and keeping its result lines. `contract_target`
    /// names the backend its contract scenarios run on, if it runs them.
    pub fn tier(&mut self, name: &str, contract_target: Option<&str>, command: &mut Command) {
        let description = describe(command);
        let child = command.stdout(Stdio::piped()).spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => {
                return self.broken(
                    name,
                    Fail::new(format!("cannot start `{description}`: {e}")),
                )
            }
        };
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut scenarios = 0;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if is_passing_scenario(line.trim()) {
                scenarios += 1;
            }
            if let Some(result) = line.trim().strip_prefix("test result: ") {
                let (passed, failed) = counts(result);
                self.passed += passed;
                self.failed += failed;
                self.lines.push(format!("{name}: test result: {result}"));
            }
        }
        if let Some(target) = contract_target {
            self.scenarios.push((target.to_owned(), scenarios));
        }
        match child.wait() {
            Ok(status) if status.success() => {}
            Ok(status) => self.broken(
                name,
                Fail::new(format!("`{description}` failed ({status})")),
            ),
            Err(e) => self.broken(name, Fail::new(format!("`{description}`: {e}"))),
        }
    }

    pub fn broken(&mut self, name: &str, fail: Fail) {
        self.broken.push(format!("{name}: {fail}"));
    }

    pub fn finish(self) -> Result<(), Fail> {
        println!("\nxtask: summary");
        for line in &self.lines {
            println!("{line}");
        }
        if !self.scenarios.is_empty() {
            let each: Vec<String> = self
                .scenarios
                .iter()
                .map(|(target, n)| format!("{n} on {target}"))
                .collect();
            println!("contract suite: scenarios passed: {}", each.join(", "));
        }
        for line in &self.broken {
            println!("FAILED {line}");
        }
        println!("{} passed, {} failed", self.passed, self.failed);
        if self.broken.is_empty() && self.failed == 0 {
            Ok(())
        } else {
            Err(Fail::new("tests failed"))
        }
    }
}

/// `ok. 5 passed; 1 failed; 0 ignored; …` → (5, 1)
fn counts(result: &str) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for part in result.split([';', '.']) {
        let mut words = part.split_whitespace();
        if let (Some(n), Some(what)) = (words.next(), words.next()) {
            match (n.parse::<u64>(), what) {
                (Ok(n), "passed") => passed = n,
                (Ok(n), "failed") => failed = n,
                _ => {}
            }
        }
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    use super::counts;

    #[test]
    fn reads_libtest_and_wasm_bindgen_result_lines() {
        assert_eq!(
            counts(
                "ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.52s"
            ),
            (12, 0)
        );
        assert_eq!(
            counts("FAILED. 3 passed; 2 failed; 0 ignored; 0 filtered out"),
            (3, 2)
        );
        assert_eq!(counts("ok. 0 passed; 0 failed"), (0, 0));
    }

    #[test]
    fn counts_passing_contract_scenarios_only() {
        assert!(super::is_passing_scenario(
            "test contract::changing_the_password ... ok"
        ));
        assert!(!super::is_passing_scenario(
            "test contract::changing_the_password ... FAIL"
        ));
        assert!(!super::is_passing_scenario("test shell::opens ... ok"));
    }
}
