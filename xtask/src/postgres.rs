//! A throwaway PostgreSQL cluster for the tests: `initdb` and `pg_ctl` on a free port in a
//! temporary directory, stopped and removed when dropped. As root, PostgreSQL refuses to run:
//! the cluster then belongs to the `postgres` user Debian's package creates.

use std::path::{Path, PathBuf};

use crate::tools::{as_root, cmd, output_line, run, Fail};

/// Where Debian puts each major version's binaries; `pg_config` says where others are.
fn bin_dir() -> Option<PathBuf> {
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let major = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .filter(|(major, _)| *major >= 15)
        .collect();
    debian.sort();
    debian
        .pop()
        .map(|(_, bin)| bin)
        .or_else(|| output_line("pg_config", &["--bindir"]).map(PathBuf::from))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
}

pub fn installed() -> bool {
    bin_dir().is_some()
}

pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    /// A superuser's URL, to the `postgres` database.
    pub url: String,
}

impl Cluster {
    pub fn start() -> Result<Self, Fail> {
        let bin = bin_dir().ok_or_else(|| {
            Fail::new("no PostgreSQL 15+ (initdb, pg_ctl): `cargo xtask setup` installs it")
        })?;
        let dir = std::env::temp_dir().join(format!("partner-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Fail::new(format!("cannot create {}: {e}", dir.display())))?;
        if as_root() {
            run(cmd("chown").args(["postgres:postgres"]).arg(&dir))?;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| Fail::new(format!("no free port: {e}")))?
            .port();
        let cluster = Self {
            url: format!("postgres://pc@127.0.0.1:{port}/postgres"),
            dir,
            bin,
            port,
        };
        let data = cluster.dir.join("data");
        run(cluster
            .tool("initdb")
            .args(["-A", "trust", "-U", "pc", "-E", "UTF8", "--no-sync", "-D"])
            .arg(&data))?;
        // Durability is the real server's business: a test cluster need not wait for the disk.
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off",
            cluster.dir.display()
        );
        run(cluster
            .tool("pg_ctl")
            .args(["-w", "-D"])
            .arg(&data)
            .args(["-o", &options, "-l"])
            .arg(cluster.dir.join("log"))
            .arg("start"))?;
        println!("xtask: PostgreSQL test cluster at {}", cluster.url);
        Ok(cluster)
    }

    /// A new empty database, and its URL.
    pub fn create_database(&self, name: &str) -> Result<String, Fail> {
        run(self.tool("createdb").args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "pc",
            name,
        ]))?;
        Ok(format!("postgres://pc@127.0.0.1:{}/{name}", self.port))
    }

    /// A PostgreSQL program, run as `postgres` when we are root.
    fn tool(&self, name: &str) -> std::process::Command {
        let program = self.bin.join(name);
        let mut command = if as_root() {
            let mut command = cmd("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            cmd(path_str(&program))
        };
        // A directory `postgres` may enter (not the workspace, which may be root's alone).
        command.current_dir(&self.dir);
        command
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .tool("pg_ctl")
            .args(["-D"])
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
