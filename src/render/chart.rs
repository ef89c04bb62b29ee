//! An inline SVG chart of applications received and handled over the years.
//!
//! Plain SVG, no script: it prints, works offline and is described by its
//! `<title>`/`<desc>` and by the data table the page shows beside it.

use super::tables::esc;
use std::fmt::Write as _;

/// One year of the chart.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChartRow {
    /// Report year.
    pub year: i32,
    /// Applications received (本年新收).
    pub received: f64,
    /// Applications handled (本年办结).
    pub handled: f64,
}

/// Renders grouped bars, two per year. `id` must be unique on the page.
pub fn bars(rows: &[ChartRow], id: &str) -> String {
    let (w, h, left, bottom, top) = (640.0_f64, 260.0_f64, 48.0_f64, 28.0_f64, 28.0_f64);
    let max = rows.iter().flat_map(|r| [r.received, r.handled]).fold(0.0_f64, f64::max);
    let scale_max = nice_ceiling(max);
    let plot_h = h - bottom - top;
    let n = rows.len().max(1) as f64;
    let slot = (w - left - 8.0) / n;
    let bar = (slot * 0.35).min(36.0);
    let mut s = String::new();
    let desc: Vec<String> = rows
        .iter()
        .map(|r| format!("{}年：收到 {}，办结 {}", r.year, fmt_num(r.received), fmt_num(r.handled)))
        .collect();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">历年收到和办结的政府信息公开申请数</title><desc id=\"{id}-desc\">{}</desc>",
        esc(&desc.join("；"))
    );
    for k in 0..=4 {
        let v = scale_max * k as f64 / 4.0;
        let y = top + plot_h - plot_h * k as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/><text x=\"{}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            w - 8.0,
            left - 6.0,
            y + 4.0,
            fmt_num(v)
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let x0 = left + slot * i as f64 + slot / 2.0 - bar;
        for (j, (v, class)) in [(r.received, "received"), (r.handled, "handled")].into_iter().enumerate() {
            let bh = if scale_max > 0.0 { plot_h * v / scale_max } else { 0.0 };
            let x = x0 + bar * j as f64;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" class=\"{class}\"/>",
                top + plot_h - bh,
                bar - 2.0
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
            x0 + bar,
            h - 8.0,
            r.year
        );
    }
    let _ = write!(
        s,
        "<rect x=\"{left}\" y=\"6\" width=\"12\" height=\"12\" class=\"received\"/><text x=\"{}\" y=\"16\" class=\"axis\">收到</text><rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" class=\"handled\"/><text x=\"{}\" y=\"16\" class=\"axis\">办结</text></svg>",
        left + 16.0,
        left + 64.0,
        left + 80.0
    );
    s
}

/// 1, 2, 5 × 10ⁿ at or above `v` (at least 4, so the four grid steps are whole).
fn nice_ceiling(v: f64) -> f64 {
    if v <= 4.0 {
        return 4.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 4.0, 5.0, 10.0].iter().map(|m| m * mag).find(|c| *c >= v).unwrap_or(10.0 * mag)
}

/// A figure without a trailing `.0`.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_is_self_describing_svg() {
        let svg = bars(
            &[
                ChartRow { year: 2023, received: 10.0, handled: 8.0 },
                ChartRow { year: 2024, received: 0.0, handled: 3.0 },
            ],
            "c",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("2023年：收到 10，办结 8；2024年：收到 0，办结 3"), "{svg}");
        assert_eq!(svg.matches("class=\"received\"").count(), 3);
        assert_eq!(nice_ceiling(3119.0), 4000.0);
    }
}
