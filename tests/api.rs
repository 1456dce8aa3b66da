//! Properties of the public API itself.

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    assert_send_sync::<newsgraph::Pipeline>();
    assert_send_sync::<newsgraph::Tagger>();
    assert_send_sync::<newsgraph::Gazetteer>();
    assert_send_sync::<newsgraph::Corpus>();
    assert_send_sync::<newsgraph::EntityGraph>();
    assert_send_sync::<newsgraph::Error>();
}

#[test]
fn analysis_of_one_document_is_the_same_on_any_thread() {
    let p = newsgraph::Pipeline::builder().build().unwrap();
    let doc = newsgraph::Document::from_text(
        "d",
        "Kremlin aide Yuri Ushakov said Moscow and Kyiv had not talked. Putin\u{2019}s office agreed.",
    );
    let here = p.analyze(&doc);
    let there = std::thread::scope(|s| s.spawn(|| p.analyze(&doc)).join().unwrap());
    assert_eq!(here.mentions, there.mentions);
    assert_eq!(here.windows, there.windows);
}
