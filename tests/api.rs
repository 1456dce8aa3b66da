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

#[test]
fn parallel_batched_processing_equals_one_document_at_a_time() {
    use newsgraph::export::{write_json, ExportOptions};
    use newsgraph::{Corpus, Document, Pipeline};
    let p = Pipeline::builder().build().unwrap();
    let places = [
        "Kyiv", "Moscow", "Paris", "Berlin", "Tokyo", "Cairo", "Ankara", "Warsaw",
    ];
    let docs: Vec<Document> = (0..700)
        .map(|i| {
            let a = places[i % places.len()];
            let b = places[(i * 3 + 1) % places.len()];
            Document::from_text(
                format!("doc-{i:04}"),
                format!(
                    "Officials in {a} and {b} met on day {i}. Later {b} hosted talks with NATO.\n"
                ),
            )
        })
        .collect();
    let mut sequential = Corpus::new();
    for d in &docs {
        sequential.add(p.analyze(d));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let mut parallel = Corpus::new();
    let read = pool.install(|| {
        p.process(docs.clone().into_iter().map(Ok), &mut parallel, |e| {
            panic!("{e}")
        })
    });
    assert_eq!(read, 700);
    let json = |c: &Corpus| {
        let mut out = Vec::new();
        write_json(c, &ExportOptions::new(), &mut out).unwrap();
        out
    };
    assert!(json(&sequential) == json(&parallel), "outputs differ");
    assert_eq!(parallel.graph().entity_count(), 9);
}
