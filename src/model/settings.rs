//! plan.toml: the plan's facts, policy, hotline, severity levels and risk matrix.

use super::*;

/// `[plan]` of plan.toml.
#[derive(Clone, Debug, Serialize)]
pub struct PlanInfo {
    pub title: Text,
    pub organization: Text,
    pub version: Text,
    pub classification: Opt<String>,
    pub owner: Opt<String>,
    pub last_reviewed: Opt<Date>,
    pub review_every: Opt<Duration>,
    pub base_url: Opt<String>,
    pub language: Opt<String>,
    /// Who approved this version (a contact), and when.
    pub approved_by: Opt<String>,
    pub approved_on: Opt<Date>,
}

/// Document control: the record of changes (changes.toml, else git) and the
/// distribution list (distribution.toml).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    pub changes: Vec<Change>,
    /// The record was read from git (the plan has no changes.toml).
    pub from_git: bool,
    pub copies: Vec<Copy>,
}

/// An entry of the record of changes.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// Where it is written (none for a commit read from git).
    #[serde(skip)]
    pub at: Option<Span>,
    pub version: Opt<String>,
    pub date: Opt<Date>,
    /// A contact (changes.toml).
    pub by: Opt<String>,
    /// The author's name as git has it (a record read from git).
    pub author: Option<String>,
    pub summary: Text,
}

/// A controlled copy of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct Copy {
    #[serde(skip)]
    pub at: Span,
    pub number: Spanned<i64>,
    /// A contact.
    pub holder: Text,
    /// print, usb, phone, intranet or email.
    pub form: Opt<String>,
    pub location: Opt<String>,
    pub issued: Opt<Date>,
}

impl Document {
    /// The changes, newest first (by date; undated last, in file order).
    pub fn changes_newest_first(&self) -> Vec<&Change> {
        let mut out: Vec<&Change> = self.changes.iter().collect();
        out.sort_by(|a, b| {
            let d = |c: &Change| c.date.as_ref().map(|d| d.value);
            d(b).cmp(&d(a))
        });
        out
    }

    pub fn copy(&self, number: i64) -> Option<&Copy> {
        self.copies.iter().find(|c| c.number.value == number)
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Policy {
    pub exercise_every: Opt<Duration>,
    pub vendor_contract_warning: Opt<Duration>,
    pub contact_verify_every: Opt<Duration>,
    /// How often everyone with a role takes part in an exercise, training or
    /// briefing (`untrained`).
    pub train_every: Opt<Duration>,
    pub tiers: Vec<TierLabel>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TierLabel {
    pub tier: Spanned<i64>,
    pub label: Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct Hotline {
    #[serde(skip)]
    pub at: Span,
    pub label: Opt<String>,
    pub phone: Opt<String>,
    pub alt_phone: Opt<String>,
    pub email: Opt<String>,
}

/// `[[severity]]` of plan.toml.
#[derive(Clone, Debug, Serialize)]
pub struct SeverityLevel {
    #[serde(skip)]
    pub at: Span,
    pub level: Text,
    pub title: Opt<String>,
    pub criteria: Opt<String>,
    pub respond_within: Opt<Duration>,
    pub update_every: Opt<Duration>,
    pub notify: Vec<Text>,
    pub call_tree: Opt<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RiskMatrix {
    pub likelihood: Vec<String>,
    pub impact: Vec<String>,
    pub bands: Vec<Band>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub min: i64,
    pub label: String,
}

impl Default for RiskMatrix {
    fn default() -> Self {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        RiskMatrix {
            likelihood: words(&["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
            impact: words(&["Minimal", "Minor", "Moderate", "Major", "Severe"]),
            bands: [(1, "Low"), (5, "Medium"), (10, "High"), (17, "Extreme")]
                .into_iter()
                .map(|(min, label)| Band {
                    min,
                    label: label.to_string(),
                })
                .collect(),
        }
    }
}

impl RiskMatrix {
    /// Inherent score (likelihood x impact) of a risk whose ratings lie on this
    /// matrix's scales; None when a rating is absent or off the scale.
    pub fn score(&self, risk: &Risk) -> Option<i64> {
        Some(on_scale(&risk.likelihood, &self.likelihood)? * on_scale(&risk.impact, &self.impact)?)
    }

    /// Residual score (after mitigations), on the same terms as [`RiskMatrix::score`].
    pub fn residual_score(&self, risk: &Risk) -> Option<i64> {
        Some(
            on_scale(&risk.residual_likelihood, &self.likelihood)?
                * on_scale(&risk.residual_impact, &self.impact)?,
        )
    }

    /// Index of the band a score falls in (bands sorted by `min`).
    pub fn band_of(&self, score: i64) -> Option<usize> {
        self.bands.iter().rposition(|b| score >= b.min)
    }

    /// High and extreme: the top two bands (the top one when there are only two or fewer).
    pub fn is_high(&self, score: i64) -> bool {
        let n = self.bands.len();
        let first_high = if n >= 3 { n - 2 } else { n.saturating_sub(1) };
        self.band_of(score).is_some_and(|b| b >= first_high)
    }
}

/// A rating that lies on a scale of the risk matrix (1 to the scale's length).
fn on_scale(rating: &Opt<i64>, scale: &[String]) -> Option<i64> {
    rating
        .as_ref()
        .map(|r| r.value)
        .filter(|&v| v >= 1 && usize::try_from(v).is_ok_and(|v| v <= scale.len()))
}

/// Everything in plan.toml besides the cards.
#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    pub info: PlanInfo,
    pub policy: Policy,
    pub hotline: Option<Hotline>,
    pub severities: Vec<SeverityLevel>,
    pub risk_matrix: RiskMatrix,
    pub call_tree_cards: bool,
    /// Whether plan.toml was read: when it does not parse, what it would define
    /// (severity levels) is unknown, and references to it are not judged.
    pub read: bool,
}
