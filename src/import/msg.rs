//! Every user-facing line of `gongkai import`, in one place, Chinese first:
//! the users are webmasters who read Chinese. A later issue moves these into
//! the zh-CN/en message catalogues; keeping them here makes that a move, not a
//! hunt through the code.

use std::path::Path;

/// No year in the title and no `--year`.
pub const NO_YEAR: &str = "无法确定报告年度：标题中没有“XXXX年”，请用 --year 指定";
/// A bad `--agency`.
pub const NO_AGENCY: &str = "--agency 应为机构文件夹名（小写英文字母、数字和 -，如 baibu）";
/// Header of the placement report.
pub const PLACEMENT: &str = "数字去向（每个数字：入表 / 正文 / 未入表 / 未导入）：";
/// Figures put in cells.
pub const PLACED: &str = "入表";
/// Numbers of the narrative.
pub const NARRATIVE: &str = "正文";
/// A cell printed blank, in a placed row.
pub const BLANK: &str = "空";
/// Figures that found no cell.
pub const UNPLACED: &str = "未入表";
/// Numbers outside the report.
pub const SKIPPED: &str = "未导入（页面框架、注释）";
/// Import refused for unplaced figures.
pub const REFUSED_UNPLACED: &str = "有表格数字未能放入表格单元格，未写入任何文件。请核对原文；确认无误后可加 --force 强制导入（未入表的数字将不会写入）";
/// Dry run banner.
pub const DRY_RUN: &str = "（试运行 --dry-run：以下内容不会写入）";
/// Header of the check findings.
pub const CHECK_HEADER: &str = "导入后检查（gongkai check）结果：";
/// Check found nothing.
pub const CHECK_CLEAN: &str = "检查通过：没有错误或警告";
/// No importable files in a folder.
pub const NO_FILES: &str = "文件夹中没有可导入的文件";

/// A file could not be read.
pub fn read_failed(path: &Path, why: &std::io::Error) -> String {
    format!("无法读取 {}：{why}", path.display())
}

/// A .docx is broken.
pub fn bad_docx(why: &str) -> String {
    format!("不是有效的 Word (.docx) 文件：{why}")
}

/// No form for the year.
pub fn no_form(year: i32) -> String {
    format!("{year} 年没有适用的报告格式（全国格式自 2019 年起）")
}

/// A target file exists.
pub fn exists(path: &Path) -> String {
    format!("{} 已存在：gongkai 不会覆盖它", path.display())
}

/// A file was written.
pub fn wrote(path: &Path) -> String {
    format!("已写入 {}", path.display())
}

/// What a dry run would write.
pub fn would_write(path: &Path) -> String {
    format!("将写入 {}：", path.display())
}

/// Which file is being imported.
pub fn importing(path: &Path) -> String {
    format!("导入 {}", path.display())
}

/// A table absent from the source.
pub fn missing_table(title: &str, key: &str) -> String {
    format!("原文没有{title}（{key}）：写为 missing_in_original")
}

/// A row absent from a table the source has.
pub fn missing_row(table: &str, row: &str) -> String {
    format!("原文表中没有“{row}”一行（{table}）：写为空白 ~")
}

/// Rules that fail, so the webmaster knows what the original gets wrong.
pub fn failing_rules(codes: &str) -> String {
    format!("未通过的规则：{codes}（原文如此时，请保留原样并核对；不要为通过检查而改动公开的数字）")
}

/// Why a figure was not placed: no row matched its label.
pub fn no_row(label: &str) -> String {
    format!("没有与“{label}”对应的表格行")
}

/// Why a figure was not placed: the row has the wrong number of figures.
pub fn wrong_count(label: &str, found: usize, expected: usize) -> String {
    format!("“{label}”一行有 {found} 个数字，表格应有 {expected} 列")
}

/// Why a figure was not placed: not a figure of its cell's kind.
pub fn bad_figure(text: &str, place: &str) -> String {
    format!("“{text}”不是{place}可用的数字")
}

/// Why a figure was not placed: the cell was already filled.
pub fn twice(place: &str) -> String {
    format!("{place} 已有数字（该行重复出现）")
}

/// Why a figure was not placed: a table in sections 二–四 matched no form table.
pub fn unknown_table() -> String {
    "二至四部分中无法识别的表格".into()
}

/// Why a figure was not placed: several rows match equally.
pub fn ambiguous(label: &str) -> String {
    format!("“{label}”可对应多个表格行")
}

/// Summary line of the placement.
pub fn tally(placed: usize, narrative: usize, unplaced: usize, skipped: usize, blanks: usize) -> String {
    let blanks =
        if blanks > 0 { format!("（另有 {blanks} 个空白单元格，写为 ~）") } else { String::new() };
    format!("共 {placed} 个入表，{narrative} 个在正文，{unplaced} 个未入表，{skipped} 个未导入{blanks}")
}

/// A source that was not imported, and why.
pub fn failed(why: &str) -> String {
    format!("错误：{why}")
}

/// The report's agency is not described in the site and no `--agency` was given.
pub fn unknown_agency(name: Option<&str>) -> String {
    match name {
        Some(n) => format!(
            "站点中还没有“{n}”：请用 --agency 指定其文件夹名（小写英文字母、数字和 -，如 baibu），将同时写入 agency.yaml"
        ),
        None => "原文标题中没有机构名称：请用 --agency 指定机构文件夹名".into(),
    }
}

/// A file could not be written.
pub fn write_failed(path: &Path, why: &std::io::Error) -> String {
    format!("无法写入 {}：{why}", path.display())
}

/// Why a figure was not placed: it is printed among a row's labels.
pub fn among_labels(label: &str) -> String {
    format!("数字位于“{label}”一行的标签之间，不属于任何一列")
}

/// A format gongkai cannot read.
pub fn unsupported(what: &str) -> String {
    format!("不支持{what}：请在 Word 中另存为 .docx，或复制网页、PDF 中的文字另存为 .txt 后导入")
}
