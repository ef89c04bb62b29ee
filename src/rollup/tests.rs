use super::*;
use crate::model::{Agency, AgencyKind, Contact};

fn agency(slug: &str, parent: Option<&str>) -> (String, Agency) {
    let a = Agency {
        slug: slug.into(),
        name: slug.into(),
        kind: AgencyKind::Township,
        parent: parent.map(str::to_owned),
        contact: Contact::default(),
        file: Arc::new(std::path::PathBuf::from(slug)),
        parent_pos: Pos::default(),
        code: None,
        code_pos: Pos::default(),
        sums_children: false,
        years: None,
        years_pos: Pos::default(),
    };
    (slug.into(), a)
}

#[test]
fn under_a_parent_are_its_descendants_once_even_in_a_cycle() {
    let all: BTreeMap<String, Agency> = [
        agency("county", None),
        agency("town", Some("county")),
        agency("village", Some("town")),
        agency("other", None),
        agency("a", Some("b")),
        agency("b", Some("a")),
    ]
    .into_iter()
    .collect();
    assert_eq!(under(&all, "county"), ["county", "town", "village"]);
    assert_eq!(under(&all, "a"), ["a", "b"], "a cycle ends where it returns");
    let tree = Tree::new(all.values());
    assert_eq!(tree.under("town"), ["town", "village"]);
    assert_eq!(tree.under("b"), ["b"], "in a cycle, each agency once");
    assert_eq!(tree.under("nowhere"), [""; 0]);
    assert_eq!(tree.children("county"), ["town"]);
    assert!(tree.is_parent("town") && !tree.is_parent("village"));
}

#[test]
fn money_adds_up_in_yuan_and_money_without_a_unit_is_unknown() {
    let yuan = |units, unit| CellValue::Money(Decimal { units, scale: 0 }, unit);
    let a = addable(&yuan(3, Some(Unit::WanYuan))).expect("addable");
    let b = addable(&yuan(500, Some(Unit::Yuan))).expect("addable");
    assert_eq!(add(&a, &b), Some(yuan(30_500, Some(Unit::Yuan))));
    assert_eq!(addable(&yuan(1, None)), None);
    assert_eq!(add(&CellValue::Int(i64::MAX), &CellValue::Int(1)), None, "never wrapped");
}

#[test]
fn a_summed_cell_is_blank_until_a_figure_unknown_for_good_and_zero_needs_no_unit() {
    let money = |units, unit| CellValue::Money(Decimal { units, scale: 0 }, unit);
    let cell = |value, source| Cell { value, source, pos: Pos::default() };
    let mut total = cell(zero(CellKind::Money), Source::Omitted);
    let mut unknown = false;
    add_cell(&mut total, &mut unknown, &cell(money(0, None), Source::Blank));
    assert_eq!(total.source, Source::Blank, "blank in every report so far");
    add_cell(&mut total, &mut unknown, &cell(money(0, None), Source::Omitted));
    assert_eq!((total.source, unknown), (Source::Given, false), "an amount of 0 needs no unit");
    add_cell(&mut total, &mut unknown, &cell(money(2, Some(Unit::WanYuan)), Source::Given));
    assert_eq!(total.value, money(20_000, Some(Unit::Yuan)));
    add_cell(&mut total, &mut unknown, &cell(money(5, None), Source::Given));
    assert!(unknown && total.source == Source::Blank, "no unit: unknown, not a guess");
    add_cell(&mut total, &mut unknown, &cell(money(5, Some(Unit::Yuan)), Source::Given));
    assert!(unknown && total.source == Source::Blank, "unknown for good");
}

#[test]
fn a_deep_and_wide_hierarchy_is_walked_once_without_recursion() {
    // A chain 30 000 deep and a parent of 30 000: no stack overflow, and
    // each agency's slice is its descendants.
    let n = 30_000;
    let mut all: BTreeMap<String, Agency> = BTreeMap::new();
    for i in 0..n {
        let parent = (i > 0).then(|| format!("c{:06}", i - 1));
        all.insert(format!("c{i:06}"), agency(&format!("c{i:06}"), parent.as_deref()).1);
        all.insert(format!("w{i:06}"), agency(&format!("w{i:06}"), Some("root")).1);
    }
    all.insert("root".into(), agency("root", None).1);
    let tree = Tree::new(all.values());
    assert_eq!(tree.under("c000000").len(), n);
    assert_eq!(tree.under(&format!("c{:06}", n - 1)).len(), 1);
    assert_eq!(tree.under("root").len(), n + 1);
    assert_eq!(tree.children("root").len(), n);
}
