fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arts = copycat::article::bundled();
    let find = |k: &str| arts.iter().find(|a| a.path.contains(k)).unwrap();
    let (a, b) = (find(&args[1]), find(&args[2]));
    let al = copycat::align::align(a, b);
    for l in &al.links {
        println!("{:?} {:.3} moved={} A{:?} B{:?}\n   A: {}\n   B: {}", l.kind, l.score, l.moved, l.a, l.b,
          &a.text[l.a_span.clone()].chars().take(150).collect::<String>(), &b.text[l.b_span.clone()].chars().take(150).collect::<String>());
    }
    println!("{:?}", al.stats);
}
