//! Debug: candidate statistics and evidence for given pairs.
use copycat::article;
use copycat::corpus::candidates;
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(&args[0]);
    let t = Instant::now();
    let loaded = article::load_paths(&[dir.clone()]).unwrap();
    let arts = loaded.articles;
    eprintln!("loaded {} in {:.2}s", arts.len(), t.elapsed().as_secs_f64());
    let t = Instant::now();
    let f = candidates::candidates_above(&arts, 0.0);
    eprintln!("candidates in {:.2}s: sentences {} distinct {} stems {} indexed {} matches {} pairs>0 {}",
        t.elapsed().as_secs_f64(), f.sentences, f.distinct, f.stems, f.indexed_stems, f.matches, f.pairs.len());
    for th in [0.3f32, 0.5, 0.7, 0.9, 1.2, 1.5, 2.0] {
        eprintln!("  >= {th}: {}", f.pairs.iter().filter(|c| c.evidence >= th).count());
    }
    let t = Instant::now();
    let mut k = 0;
    for c in f.pairs.iter().filter(|c| c.evidence >= 0.9).take(2000) {
        let al = copycat::align::align(&arts[c.i], &arts[c.j]);
        k += al.links.len();
    }
    eprintln!("2000 aligns in {:.2}s ({k} links)", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut tok = copycat::align::tokens::Tokenizer::new();
    for c in f.pairs.iter().filter(|c| c.evidence >= 0.9).take(2000) {
        for a in [&arts[c.i], &arts[c.j]] {
            for w in 0..a.words.len() { k += tok.token(a.word_text(w)).stem as usize; }
        }
    }
    eprintln!("2000 pair tokenizations (shared tokenizer) in {:.2}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    for c in f.pairs.iter().filter(|c| c.evidence >= 0.9).take(2000) {
        let mut tok = copycat::align::tokens::Tokenizer::new();
        for a in [&arts[c.i], &arts[c.j]] {
            for w in 0..a.words.len() { k += tok.token(a.word_text(w)).stem as usize; }
        }
    }
    eprintln!("2000 pair tokenizations (fresh tokenizer) in {:.2}s {k}", t.elapsed().as_secs_f64());
    let idx = |name: &str| arts.iter().position(|a| a.path.ends_with(name)).unwrap();
    for pair in args[1..].chunks(2) {
        let (i, j) = (idx(&pair[0]), idx(&pair[1]));
        let (i, j) = (i.min(j), i.max(j));
        let e = f.pairs.iter().find(|c| c.i == i && c.j == j).map(|c| c.evidence);
        println!("{} {} evidence {:?}", pair[0], pair[1], e);
    }
}
#[allow(dead_code)]
fn _x() {}
