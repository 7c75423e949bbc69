fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = std::time::Instant::now();
    let a = copycat::article::Article::parse("a.txt", std::fs::read(&args[1]).unwrap());
    let b = copycat::article::Article::parse("b.txt", std::fs::read(&args[2]).unwrap());
    eprintln!("TIMING parse {:?}", t.elapsed());
    let al = copycat::align::align(&a, &b);
    eprintln!("TIMING total {:?}", t.elapsed());
    for l in &al.links {
        println!(
            "{:?} {:.3} moved={} A{:?} B{:?}",
            l.kind, l.score, l.moved, l.a, l.b
        );
    }
}
