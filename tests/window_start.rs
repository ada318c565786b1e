//! The real window, started under Xvfb with hostile remembered settings: it opens (no panic in
//! winit before the first frame) and says in its log what it changed. Needs Xvfb (installed by
//! `.ci/run`; skipped with a word where it is missing and not required).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A display of our own, or `None` (with a word) where Xvfb is missing and not required.
fn xvfb(display: &str) -> Option<std::process::Child> {
    match Command::new("Xvfb")
        .args([display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"])
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => {
            std::thread::sleep(Duration::from_millis(800));
            Some(child)
        }
        Err(e) if std::env::var_os("KARABAKH_REQUIRE_TOOLS").is_some() => panic!("Xvfb is required: {e}"),
        Err(e) => {
            eprintln!("Xvfb not found ({e}): the window's start is not checked here");
            None
        }
    }
}

#[test]
fn hostile_remembered_settings_never_stop_the_window_starting() {
    let display = ":93";
    let Some(mut server) = xvfb(display) else { return };
    let home = tempfile::tempdir().expect("temp");
    let dir = home.path().join("karabakh-atlas");
    std::fs::create_dir_all(&dir).expect("dir");
    let ours = r#"(date: Some("2020-10-27"), zoom_factor: Some(NaN), window: Some((size: (0.0, 1.0), position: Some((1e12, 5.0)))), recent: ["\u{1b}[2J"])"#;
    let file = format!(
        "{{ \"karabakh-atlas-settings\": {:?}, \"egui\": {:?}, \"window\": {:?} }}",
        ours, "(options: (zoom_factor: 1000.0))", "(inner_size_points: Some((0.0, 0.0)))"
    );
    std::fs::write(dir.join("app.ron"), file).expect("write");
    let mut window = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
        .env("DISPLAY", display)
        .env("XDG_DATA_HOME", home.path())
        .env_remove("WAYLAND_DISPLAY")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the window");
    // Alive after a few seconds: the first frames were drawn.
    let started = Instant::now();
    let mut exited = None;
    while started.elapsed() < Duration::from_secs(6) {
        if let Some(status) = window.try_wait().expect("wait") {
            exited = Some(status);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = window.kill();
    let output = window.wait_with_output().expect("output");
    let _ = server.kill();
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(exited.is_none(), "the window stopped ({exited:?}):\n{log}");
    assert!(log.contains("zoom factor NaN dropped"), "the log names the bad zoom factor:\n{log}");
    assert!(log.contains("left out of"), "eframe's own values taken out:\n{log}");
    assert!(!log.contains("panicked"), "{log}");
}
