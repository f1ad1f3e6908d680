//! The suite cleans up after itself: a browser whose test fails is closed too.

use e2e::{eventually, processes_naming, within_patience, Browser, PROFILE_PREFIX};

#[tokio::test]
async fn a_browser_is_closed_even_when_its_test_fails() {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let failing = tokio::spawn(async move {
        let browser = Browser::start().await;
        let profile = browser.profile_dir().display().to_string();
        assert!(
            !processes_naming(&profile).is_empty(),
            "Chromium runs with its profile"
        );
        sender.send(profile).unwrap();
        panic!("the test fails with its browser open");
    });
    assert!(failing.await.is_err(), "the test failed");
    let profile = receiver.await.unwrap();
    eventually(
        "every Chromium process of the failed test ending",
        || async { processes_naming(&profile).is_empty().then_some(()) },
    )
    .await;
}

/// Run by `cargo xtask test` once the whole suite has ended (ignored otherwise: while the
/// suite runs, its browsers are rightly open).
#[tokio::test]
#[ignore = "run by `cargo xtask test` after the e2e suite"]
async fn no_browser_of_the_suite_is_left() {
    within_patience(|| async { processes_naming(PROFILE_PREFIX).is_empty().then_some(()) })
        .await
        .unwrap_or_else(|| {
            panic!(
                "Chromium processes of the suite still run: {:?}",
                processes_naming(PROFILE_PREFIX)
            )
        });
}
