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
    assert_eq!(children(&all, "county").iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["town"]);
    assert!(is_parent(&all, "town") && !is_parent(&all, "village"));
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
