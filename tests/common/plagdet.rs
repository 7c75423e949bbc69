//! PAN plagdet, kind accuracy and link F1: a port of `shared/eval/score.py`,
//! so that a regression in alignment quality fails `cargo test`.

use serde_json::Value;

type Span = (usize, usize);
/// A detection or case: kind, A span, B span.
type Passage = (String, Span, Span);

/// Scores of one pair.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub cases: usize,
    pub detections: usize,
    pub precision: f64,
    pub recall: f64,
    pub granularity: f64,
    pub plagdet: f64,
    pub kind_acc: f64,
    pub link_f1: f64,
}

impl Scores {
    /// One line in the layout of score.py's table.
    pub fn line(&self) -> String {
        format!(
            "cases {:>3} dets {:>3} precision {:.3} recall {:.3} granularity {:.3} plagdet {:.3} kind_acc {:.3} link_f1 {:.3}",
            self.cases,
            self.detections,
            self.precision,
            self.recall,
            self.granularity,
            self.plagdet,
            self.kind_acc,
            self.link_f1
        )
    }
}

fn locate(text: &[u8], quote: &str) -> Span {
    let q = quote.as_bytes();
    let hits: Vec<usize> = text
        .windows(q.len())
        .enumerate()
        .filter(|(_, w)| *w == q)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(hits.len(), 1, "gold quote must occur once: {quote:?}");
    (hits[0], hits[0] + q.len())
}

/// pre[i] = non-whitespace bytes before i: boundary whitespace does not count.
fn nonspace_prefix(text: &[u8]) -> Vec<usize> {
    let mut pre = Vec::with_capacity(text.len() + 1);
    let mut n = 0;
    pre.push(0);
    for c in text {
        if !b" \t\r\n".contains(c) {
            n += 1;
        }
        pre.push(n);
    }
    pre
}

fn clamp(s: Span, n: usize) -> Span {
    let a = s.0.min(n);
    (a, s.1.min(n).max(a))
}

fn len(pre: &[usize], s: Span) -> usize {
    pre[s.1] - pre[s.0]
}

fn union_len(pre: &[usize], spans: &[Span]) -> usize {
    let mut v = spans.to_vec();
    v.sort_unstable();
    let mut total = 0;
    let mut cur: Option<Span> = None;
    for s in v {
        match cur {
            Some(c) if s.0 <= c.1 => cur = Some((c.0, c.1.max(s.1))),
            Some(c) => {
                total += len(pre, c);
                cur = Some(s);
            }
            None => cur = Some(s),
        }
    }
    total + cur.map_or(0, |c| len(pre, c))
}

fn ov(pre: &[usize], x: Span, y: Span) -> Option<Span> {
    let (s, e) = (x.0.max(y.0), x.1.min(y.1));
    (e > s && pre[e] - pre[s] > 0).then_some((s, e))
}

/// Score `links` (the JSON `links` array of `copycat compare`) against the
/// gold links of one pair.
pub fn score_pair(a: &[u8], b: &[u8], gold: &[Value], links: &[Value]) -> Scores {
    let (pa, pb) = (nonspace_prefix(a), nonspace_prefix(b));
    let (na, nb) = (a.len(), b.len());
    let mut cases: Vec<Passage> = Vec::new();
    let mut related: Vec<(Span, Span)> = Vec::new();
    for g in gold {
        let kind = g["kind"].as_str().unwrap().to_string();
        // A case is given by quotes, or (in generated gold) by byte spans.
        let at = |text: &[u8], quote: &str, span: &str| match g[span].as_array() {
            Some(v) => (
                v[0].as_u64().unwrap() as usize,
                v[1].as_u64().unwrap() as usize,
            ),
            None => locate(text, g[quote].as_str().unwrap()),
        };
        let sa = clamp(at(a, "a_quote", "a_span"), na);
        let sb = clamp(at(b, "b_quote", "b_span"), nb);
        if kind == "related" {
            related.push((sa, sb));
        } else {
            cases.push((kind, sa, sb));
        }
    }
    let span = |v: &Value| {
        (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        )
    };
    let dets: Vec<Passage> = links
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap_or("copied").to_string(),
                clamp(span(&d["a"]), na),
                clamp(span(&d["b"]), nb),
            )
        })
        .filter(|(_, x, y)| len(&pa, *x) + len(&pb, *y) > 0)
        .collect();
    let detects =
        |r: &Passage, ca: Span, cb: Span| ov(&pa, r.1, ca).is_some() && ov(&pb, r.2, cb).is_some();
    let mut kept: Vec<(&Passage, Vec<usize>)> = Vec::new();
    for r in &dets {
        let hits: Vec<usize> = (0..cases.len())
            .filter(|&k| detects(r, cases[k].1, cases[k].2))
            .collect();
        if !hits.is_empty() || !related.iter().any(|&(ra, rb)| detects(r, ra, rb)) {
            kept.push((r, hits));
        }
    }
    let mut precs = Vec::new();
    let mut per_case: Vec<Vec<(usize, Span, Span)>> = vec![Vec::new(); cases.len()];
    for (di, (r, hits)) in kept.iter().enumerate() {
        let a_ov: Vec<Span> = hits
            .iter()
            .map(|&k| ov(&pa, r.1, cases[k].1).unwrap())
            .collect();
        let b_ov: Vec<Span> = hits
            .iter()
            .map(|&k| ov(&pb, r.2, cases[k].2).unwrap())
            .collect();
        let size = len(&pa, r.1) + len(&pb, r.2);
        precs.push((union_len(&pa, &a_ov) + union_len(&pb, &b_ov)) as f64 / size.max(1) as f64);
        for (i, &k) in hits.iter().enumerate() {
            per_case[k].push((di, a_ov[i], b_ov[i]));
        }
    }
    let (mut recs, mut grans, mut kinds) = (Vec::new(), Vec::new(), Vec::new());
    for (k, c) in cases.iter().enumerate() {
        let hits = &per_case[k];
        let size = len(&pa, c.1) + len(&pb, c.2);
        let xs: Vec<Span> = hits.iter().map(|h| h.1).collect();
        let ys: Vec<Span> = hits.iter().map(|h| h.2).collect();
        recs.push((union_len(&pa, &xs) + union_len(&pb, &ys)) as f64 / size.max(1) as f64);
        if !hits.is_empty() {
            grans.push(hits.len() as f64);
            let best = hits
                .iter()
                .fold(None::<&(usize, Span, Span)>, |acc, h| match acc {
                    Some(b) if len(&pa, b.1) + len(&pb, b.2) >= len(&pa, h.1) + len(&pb, h.2) => {
                        Some(b)
                    }
                    _ => Some(h),
                })
                .unwrap();
            kinds.push(kept[best.0].0.0 == c.0);
        }
    }
    let (mut lp_num, mut lp_den, mut lr_num, mut lr_den) = (0.0, 0.0, 0.0, 0.0);
    for (k, c) in cases.iter().enumerate() {
        let ca = len(&pa, c.1) as f64;
        let cb = len(&pb, c.2) as f64;
        lr_den += cb;
        let mut got = 0.0;
        for &(di, x, y) in &per_case[k] {
            let r = kept[di].0;
            let ob = len(&pb, y) as f64;
            let oa = len(&pa, x) as f64;
            let ra = (len(&pa, r.1) as f64).max(1.0);
            lp_num += ob * oa / ra;
            lp_den += ob;
            got += ob * (oa / ca.max(1.0)).min(1.0);
        }
        lr_num += got.min(cb);
    }
    let mean = |v: &[f64], empty: f64| {
        if v.is_empty() {
            empty
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let link_p = if lp_den > 0.0 {
        lp_num / lp_den
    } else if cases.is_empty() {
        1.0
    } else {
        0.0
    };
    let link_r = if lr_den > 0.0 { lr_num / lr_den } else { 1.0 };
    let link_f1 = if link_p + link_r > 0.0 {
        2.0 * link_p * link_r / (link_p + link_r)
    } else {
        0.0
    };
    let p = mean(&precs, if cases.is_empty() { 1.0 } else { 0.0 });
    let r = mean(&recs, 1.0);
    let g = mean(&grans, 1.0);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let kind_hits: Vec<f64> = kinds.iter().map(|&k| if k { 1.0 } else { 0.0 }).collect();
    Scores {
        cases: cases.len(),
        detections: kept.len(),
        precision: p,
        recall: r,
        granularity: g,
        plagdet: f1 / (1.0 + g).log2(),
        kind_acc: mean(&kind_hits, if cases.is_empty() { 1.0 } else { 0.0 }),
        link_f1,
    }
}
