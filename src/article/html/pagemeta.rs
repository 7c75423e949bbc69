//! What a page says about itself: headline, date, outlet and byline as its
//! JSON-LD (schema.org `NewsArticle`, `Article`, `BlogPosting`…, in `@graph`
//! arrays too), its Open Graph and `<meta>` tags and its marked elements
//! state them, in that order of trust, before any guess from the text.
//!
//! Every string leaving here is one line of terminal-safe text: entities in
//! attributes and JSON escapes (`\u001b`) can spell any control character,
//! and all of them become the same visible placeholders as in article text.

use serde_json::Value;

use super::super::decode::placeholder;
use super::tree::Tree;

/// What a page says about itself in its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The headline: JSON-LD `headline`, `og:title`, `twitter:title`, or the
    /// `<title>`, without the site's name.
    pub title: Option<String>,
    /// `YYYY-MM-DD`: JSON-LD `datePublished`, `article:published_time` and
    /// other date tags, `itemprop=datePublished`, or a `<time datetime>`.
    pub date: Option<String>,
    /// JSON-LD `publisher.name`, or `og:site_name`.
    pub outlet: Option<String>,
    /// JSON-LD `author` names, `<meta name=author>`, or a byline element.
    pub byline: Option<String>,
}

/// Where the title in [`Hints`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TitleFrom {
    /// The JSON-LD article's `headline` (or `name`): the publisher's own
    /// statement of the story's headline.
    Article,
    /// `og:title`, `twitter:title` or another title `<meta>`: often the
    /// headline written for social cards and search, which may differ
    /// from the one the page shows.
    Meta,
    /// The `<title>`, less the site's name as far as a rule can tell.
    TitleTag,
    /// Nowhere.
    Nothing,
}

/// schema.org types of a story (and of pages that are one).
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "posting",
    "discussionforumposting",
    "howto",
    "recipe",
];

/// A JSON-LD document of more than this many values is not read further
/// (a page may embed a product catalogue).
const MAX_JSON_VALUES: usize = 20_000;

/// `s` as one line of safe text: controls and bidi overrides replaced by
/// their placeholders, runs of whitespace (line breaks included) one space,
/// a byte-order mark dropped.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .filter(|&c| c != '\u{FEFF}')
                .map(|c| placeholder(c).unwrap_or(c)),
        );
    }
    out
}

fn type_names(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article(v: &Value) -> bool {
    type_names(v).iter().any(|t| {
        ARTICLE_TYPES.contains(
            &t.trim_start_matches("schema:")
                .trim_start_matches("http://schema.org/")
                .trim_start_matches("https://schema.org/"),
        )
    })
}

/// Every JSON object in `docs` (arrays and `@graph` walked, without
/// recursion), in document order.
fn objects(docs: &[Value]) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = docs.iter().rev().collect();
    let mut seen = 0usize;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_JSON_VALUES {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(m) => {
                out.push(v);
                // Nested objects (an article's `author`, `mainEntity`) are
                // objects too; the article types are found among them.
                for (k, x) in m.iter().rev() {
                    if k == "@graph"
                        || k == "mainEntity"
                        || k == "mainEntityOfPage"
                        || k == "itemListElement"
                    {
                        stack.push(x);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The names in an `author` (or `publisher`) value: a string, an object with
/// a `name` (or an `@id` naming one elsewhere in the page), or a list of them.
fn names<'a>(v: &'a Value, all: &[&'a Value]) -> Vec<String> {
    let one = |x: &'a Value| -> Option<String> {
        match x {
            Value::String(s) => Some(s.clone()),
            Value::Object(m) => match m.get("name") {
                Some(Value::String(s)) => Some(s.clone()),
                _ => {
                    let id = m.get("@id")?.as_str()?;
                    all.iter()
                        .find(|o| {
                            o.get("@id").and_then(Value::as_str) == Some(id)
                                && o.get("name").is_some()
                        })
                        .and_then(|o| o.get("name")?.as_str().map(str::to_string))
                }
            },
            _ => None,
        }
    };
    let list: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(one).collect(),
        _ => one(v).into_iter().collect(),
    };
    list.into_iter()
        .map(|s| clean(&s))
        .filter(|s| !s.is_empty() && !s.starts_with("http"))
        .collect()
}

/// Names joined as a byline reads: `A`, `A and B`, `A, B and C`.
fn join_names(mut n: Vec<String>) -> Option<String> {
    n.dedup();
    match n.len() {
        0 => None,
        1 => n.pop(),
        _ => {
            let last = n.pop()?;
            Some(format!("{} and {last}", n.join(", ")))
        }
    }
}

/// Parse a JSON-LD block leniently: a CDATA wrapper or an HTML comment
/// around it, and raw line breaks inside strings, are common.
fn parse_json_ld(s: &str) -> Option<Value> {
    let t = s.trim();
    let t = t
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.strip_suffix("]]>"))
        .unwrap_or(t)
        .trim();
    let t = t
        .strip_prefix("<!--")
        .and_then(|x| x.strip_suffix("-->"))
        .unwrap_or(t)
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        let flat: String = t
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date as `YYYY-MM-DD`: ISO 8601 (`2019-11-18T…`), `2019/11/18`,
/// `20191118`, or with an English month name (`Nov. 18, 2019`,
/// `Mon, 18 Nov 2019 …`, `18 November 2019`).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let digits = |x: &str| x.parse::<u32>().ok();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
        && s.is_char_boundary(10)
    {
        return ymd(digits(&s[..4])?, digits(&s[5..7])?, digits(&s[8..10])?);
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        return ymd(digits(&s[..4])?, digits(&s[4..6])?, digits(&s[6..8])?);
    }
    // Words: a month name, a day and a year, in either order.
    let lower = s.to_ascii_lowercase();
    let toks: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(8)
        .collect();
    let month = toks.iter().position(|t| {
        t.len() >= 3
            && MONTHS.iter().any(|m| t.starts_with(m))
            && t.chars().all(|c| c.is_ascii_alphabetic())
    })?;
    let m = MONTHS.iter().position(|x| toks[month].starts_with(x))? as u32 + 1;
    let nums: Vec<u32> = toks
        .iter()
        .filter(|t| t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|t| digits(t))
        .collect();
    let year = *nums.iter().find(|&&n| n >= 1900)?;
    let day = *nums.iter().find(|&&n| (1..=31).contains(&n))?;
    ymd(year, m, day)
}

/// Month names (their starts) in English, German, French, Spanish and
/// Italian, for dates written out in a page's text.
const MONTH_WORDS: &[(&str, u32)] = &[
    ("jan", 1),
    ("gen", 1),
    ("ene", 1),
    ("feb", 2),
    ("fév", 2),
    ("fev", 2),
    ("mär", 3),
    ("mar", 3),
    ("apr", 4),
    ("avr", 4),
    ("abr", 4),
    ("may", 5),
    ("mai", 5),
    ("mag", 5),
    ("juin", 6),
    ("jun", 6),
    ("giu", 6),
    ("juil", 7),
    ("jul", 7),
    ("lug", 7),
    ("aug", 8),
    ("aoû", 8),
    ("aou", 8),
    ("ago", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("okt", 10),
    ("ott", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    ("déc", 12),
    ("dic", 12),
];

/// A date in a line of a page's text (`Published 18.11.2019, 10:04`,
/// `18. November 2019`, `Nov. 18, 2019`, `2019-11-18`), as `YYYY-MM-DD`.
/// Numeric dates with slashes other than year first are left alone: which
/// of day and month comes first differs between countries.
pub fn find_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            continue;
        }
        // Year first: 2019-11-18, 2019/11/18.
        if let Some(d) = s
            .get(i..)
            .and_then(parse_date)
            .filter(|_| digit(i + 3) && !digit(i + 4))
        {
            return Some(d);
        }
        // Day first with dots: 18.11.2019 or 18. 11. 2019.
        let rest = &s[i..];
        let parts: Vec<&str> = rest.splitn(4, '.').take(3).map(str::trim).collect();
        if parts.len() == 3 {
            let year: String = parts[2].chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(d), Ok(m), Ok(y)) = (
                parts[0].parse::<u32>(),
                parts[1].parse::<u32>(),
                year.parse::<u32>(),
            ) && year.len() == 4
                && parts[0].len() <= 2
                && parts[1].len() <= 2
                && let Some(date) = ymd(y, m, d)
            {
                return Some(date);
            }
        }
    }
    // Year, month and day marked as such (Japanese and Chinese):
    // 2019年4月2日.
    if let Some(d) = s.match_indices('年').find_map(|(at, _)| {
        let year: String = s[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let rest = &s[at + '年'.len_utf8()..];
        let (m, rest) = rest.trim_start().split_once('月')?;
        let (d, _) = rest.trim_start().split_once('日')?;
        ymd(
            year.parse().ok()?,
            m.trim().parse().ok()?,
            d.trim().parse().ok()?,
        )
        .filter(|_| year.len() == 4)
    }) {
        return Some(d);
    }
    // A month's name with a day and a year around it.
    let lower = s.to_lowercase();
    let toks: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    for (k, t) in toks.iter().enumerate() {
        if t.chars().count() < 3 || !t.chars().all(char::is_alphabetic) {
            continue;
        }
        let Some(&(_, m)) = MONTH_WORDS.iter().find(|(w, _)| t.starts_with(w)) else {
            continue;
        };
        let num = |j: usize| -> Option<u32> {
            // A day may be written as an ordinal: `Apr 27th, 2020`.
            let x = toks.get(j)?;
            let x = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| x.strip_suffix(s))
                .unwrap_or(x);
            (x.len() <= 4 && x.chars().all(|c| c.is_ascii_digit())).then(|| x.parse().ok())?
        };
        // 18 November 2019; November 18, 2019.
        let (before, after, after2) = (k.checked_sub(1).and_then(num), num(k + 1), num(k + 2));
        let found = match (before, after, after2) {
            (Some(d), Some(y), _) if d <= 31 && y >= 1900 => ymd(y, m, d),
            (_, Some(d), Some(y)) if d <= 31 && y >= 1900 => ymd(y, m, d),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The keys of `<meta>` tags that give each field, most trusted first.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "headline"];
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "citation_publication_date",
    "date",
    "article:modified_time",
];
const OUTLET_KEYS: &[&str] = &["og:site_name", "application-name", "publisher"];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "citation_author",
];

fn meta_value<'a>(t: &'a Tree, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        t.metas
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// The words of a name compared loosely: lower-case letters and digits,
/// without a leading "the" or a web address's `www.` and ending.
fn loose(s: &str) -> String {
    let l = s.trim().to_lowercase();
    let l = l.strip_prefix("the ").unwrap_or(&l);
    let l = l.strip_prefix("www.").unwrap_or(l);
    let l = l
        .rsplit_once('.')
        .filter(|(_, tld)| (2..=4).contains(&tld.len()) && !tld.contains(' '))
        .map_or(l, |(h, _)| h);
    l.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Separators between a headline and a site's name. The fullwidth bar
/// is the one Japanese and Chinese titles use, spaced or not.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " // ", " ｜ ", "｜",
];

/// A title without the site's name: `Story – The Outlet`, `Outlet | Story`.
/// A part equal (loosely) to one of `sites` goes, before or after the
/// story; failing that, and only when `guess`, a short last part after a
/// separator (at most four words, after at least three) is taken for one.
pub fn without_site(title: &str, sites: &[String], guess: bool) -> String {
    let t = title.trim();
    let known: Vec<String> = sites
        .iter()
        .map(|s| loose(s))
        .filter(|s| !s.is_empty())
        .collect();
    for sep in SEPARATORS {
        if let Some((head, tail)) = t.rsplit_once(sep)
            && known.contains(&loose(tail))
            && !head.trim().is_empty()
        {
            return without_site(head, sites, false);
        }
        if let Some((head, tail)) = t.split_once(sep)
            && known.contains(&loose(head))
            && !tail.trim().is_empty()
        {
            return without_site(tail, sites, false);
        }
    }
    if guess {
        for sep in SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep)
                && tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 3
            {
                return head.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// What the page's markup states, without looking at its text (but for the
/// text of byline elements, given as `byline_text`), and where the title
/// comes from.
pub(super) fn hints(t: &Tree, byline_text: Option<String>) -> (Hints, TitleFrom) {
    let docs: Vec<Value> = t.json_ld.iter().filter_map(|s| parse_json_ld(s)).collect();
    let all = objects(&docs);
    let article = all.iter().copied().find(|v| is_article(v));
    let field = |k: &str| -> Option<String> {
        article
            .and_then(|a| a.get(k))
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
    };
    let publisher = article
        .and_then(|a| a.get("publisher"))
        .map(|p| names(p, &all))
        .and_then(|n| n.into_iter().next())
        .or_else(|| {
            all.iter()
                .find(|o| {
                    type_names(o)
                        .iter()
                        .any(|t| t == "newsmediaorganization" || t == "organization")
                })
                .and_then(|o| o.get("name")?.as_str().map(clean))
        });
    let site_meta = meta_value(t, OUTLET_KEYS)
        .map(clean)
        .filter(|s| !s.is_empty());
    let outlet = site_meta.clone().or_else(|| publisher.clone());
    let sites: Vec<String> = [site_meta, publisher].into_iter().flatten().collect();

    let nonempty = |s: String| (!s.is_empty()).then_some(s);
    let (title, title_from) = if let Some(h) = field("headline")
        .or_else(|| field("name"))
        .and_then(|h| nonempty(without_site(&h, &sites, false)))
    {
        (Some(h), TitleFrom::Article)
    } else if let Some(h) =
        meta_value(t, TITLE_KEYS).and_then(|s| nonempty(without_site(&clean(s), &sites, false)))
    {
        (Some(h), TitleFrom::Meta)
    } else if let Some(h) = t
        .title_tag
        .as_deref()
        .and_then(|s| nonempty(without_site(&clean(s), &sites, true)))
    {
        (Some(h), TitleFrom::TitleTag)
    } else {
        (None, TitleFrom::Nothing)
    };

    let date = field("datePublished")
        .or_else(|| field("dateCreated"))
        .and_then(|d| parse_date(&d))
        .or_else(|| {
            DATE_KEYS.iter().find_map(|k| {
                t.metas
                    .iter()
                    .filter(|(key, _)| key == k)
                    .find_map(|(_, v)| parse_date(v))
            })
        })
        .or_else(|| {
            t.times
                .iter()
                .filter(|(_, m)| *m)
                .find_map(|(d, _)| parse_date(d))
        })
        .or_else(|| t.times.iter().find_map(|(d, _)| parse_date(d)))
        .or_else(|| {
            // A page typed as something other than an article (a
            // `WebPage`, a `VideoObject`) may still date itself.
            all.iter()
                .find_map(|o| parse_date(o.get("datePublished")?.as_str()?))
        })
        .or_else(|| field("dateModified").and_then(|d| parse_date(&d)));

    let byline = article
        .and_then(|a| a.get("author").or_else(|| a.get("creator")))
        .and_then(|a| join_names(names(a, &all)))
        .or_else(|| {
            meta_value(t, AUTHOR_KEYS)
                .filter(|v| !v.starts_with("http"))
                .map(clean)
        })
        .or(byline_text)
        .map(|b| {
            let b = b.trim();
            let b = b
                .strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .or_else(|| b.strip_prefix("BY "))
                .unwrap_or(b);
            clean(b)
        })
        .filter(|s| !s.is_empty());

    (
        Hints {
            title,
            date,
            outlet,
            byline,
        },
        title_from,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_use() {
        assert_eq!(
            parse_date("2019-11-18T10:00:00Z").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(parse_date("2019/11/18").as_deref(), Some("2019-11-18"));
        assert_eq!(parse_date("20191118").as_deref(), Some("2019-11-18"));
        assert_eq!(
            parse_date("Mon, 18 Nov 2019 09:00:00 GMT").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            parse_date("November 18, 2019").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            parse_date("Nov. 8, 2019 at 3 pm").as_deref(),
            Some("2019-11-08")
        );
        assert_eq!(parse_date("2019-13-01"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("1234é6789x"), None);
    }

    #[test]
    fn dates_written_in_a_line_of_text() {
        assert_eq!(
            find_date("Veröffentlicht am 18.11.2019, 10:04 Uhr").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            find_date("18. November 2019").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            find_date("Publié le 3 mars 2020 à 10h").as_deref(),
            Some("2020-03-03")
        );
        assert_eq!(
            find_date("Posted on November 18, 2019 by Jane").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            find_date("Updated 2019-11-18T10:00").as_deref(),
            Some("2019-11-18")
        );
        // A day as an ordinal; year, month and day marked in CJK.
        assert_eq!(find_date("Apr 27th, 2020").as_deref(), Some("2020-04-27"));
        assert_eq!(
            find_date("1st of May 2019").as_deref(),
            None,
            "a word between the day and the month is no date"
        );
        assert_eq!(
            find_date("最終更新日：2019年4月2日").as_deref(),
            Some("2019-04-02")
        );
        assert_eq!(
            find_date("公開 2019年 04月 21日 10時").as_deref(),
            Some("2019-04-21")
        );
        assert_eq!(find_date("2019年の夏"), None);
        assert_eq!(find_date("19年4月2日"), None);
        // Day and month in an order that differs by country: no guess.
        assert_eq!(find_date("Posted 11/12/2019"), None);
        assert_eq!(find_date("12 March"), None);
        assert_eq!(find_date("Call 555.123.4567 today"), None);
    }

    #[test]
    fn the_site_name_leaves_the_title() {
        let sites = vec!["The Courier".to_string()];
        assert_eq!(
            without_site("Port strike spreads – The Courier", &sites, false),
            "Port strike spreads"
        );
        assert_eq!(
            without_site("Courier | Port strike spreads", &sites, false),
            "Port strike spreads"
        );
        assert_eq!(
            without_site("Port strike spreads | courier.com", &sites, false),
            "Port strike spreads"
        );
        // The fullwidth bar of Japanese and Chinese titles.
        let sites = vec!["ガジェット通信 GetNews".to_string()];
        assert_eq!(
            without_site(
                "新聞をスクラップできる「ペン」、CUTPEN ｜ ガジェット通信 GetNews",
                &sites,
                false
            ),
            "新聞をスクラップできる「ペン」、CUTPEN"
        );
        assert_eq!(
            without_site(
                "ガジェット通信 GetNews｜新聞をスクラップできる",
                &sites,
                false
            ),
            "新聞をスクラップできる"
        );
        let sites = vec!["The Courier".to_string()];
        // A dash inside the headline stays.
        assert_eq!(
            without_site("Strike - and a lockout - spread", &sites, false),
            "Strike - and a lockout - spread"
        );
        // Without a known name, only a guess at a short tail.
        assert_eq!(
            without_site("Port strike spreads to Antwerp - Daily Post", &[], true),
            "Port strike spreads to Antwerp"
        );
        assert_eq!(
            without_site("Port strike spreads to Antwerp - Daily Post", &[], false),
            "Port strike spreads to Antwerp - Daily Post"
        );
    }

    #[test]
    fn json_ld_in_a_graph_with_references() {
        let doc = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"The Courier"},
            {"@type":["NewsArticle"],"headline":"Port strike spreads","datePublished":"2025-11-26T09:30:00+01:00",
             "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],"publisher":{"@id":"#org"}}]}"##;
        let t = Tree {
            json_ld: vec![doc.to_string()],
            ..Tree::default()
        };
        let (h, _) = hints(&t, None);
        assert_eq!(h.title.as_deref(), Some("Port strike spreads"));
        assert_eq!(h.date.as_deref(), Some("2025-11-26"));
        assert_eq!(h.byline.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(h.outlet.as_deref(), Some("The Courier"));
    }

    #[test]
    fn hostile_strings_come_out_clean() {
        let doc = "{\"@type\":\"Article\",\"headline\":\"A\\u001b]0;PWN\\u0007 \\u202e B\",\"author\":\"X\\u009bY\"}";
        let t = Tree {
            json_ld: vec![doc.to_string()],
            metas: vec![("og:site_name".into(), "Daily \u{1b}[2J\nNews".into())],
            ..Tree::default()
        };
        let (h, _) = hints(&t, None);
        for v in [&h.title, &h.outlet, &h.byline] {
            let v = v.as_deref().unwrap();
            assert!(
                v.chars().all(|c| placeholder(c).is_none() && c != '\n'),
                "{v:?}"
            );
        }
        assert_eq!(h.outlet.as_deref(), Some("Daily \u{241b}[2J News"));
    }
}
