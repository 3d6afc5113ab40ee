//! The step every measure for the chains and clusters takes first: is the
//! enterprise in one of them (POLICY I3)?

use crate::explain::{Explainer, say};
use crate::vocab::{Clause, KeyIndustries, Lang};

/// Takes the step "is the enterprise in a chain or cluster" (I3), citing
/// `clause`, the clause that requires it.
pub(crate) fn explain(
    industries: KeyIndustries,
    lang: Lang,
    clause: Clause,
    out: &mut dyn Explainer,
) {
    let step = (
        "industry.key",
        clause,
        Some(Clause::I3),
        industries.is_key(),
    );
    if industries.is_key() {
        let words = industries.words(lang);
        say!(
            out,
            lang,
            step,
            zh["企业属于", words, "，在12条重点产业链和6个先进制造业集群之内（", clause, "）"],
            en["The enterprise is in ", words, ", within the 12 key chains and 6 clusters (", clause, ")"],
        );
    } else {
        say!(
            out,
            lang,
            step,
            zh["企业不属于12条重点产业链和6个先进制造业集群中的任何一个；", clause, "只支持其中的企业"],
            en["The enterprise is in none of the 12 key chains and 6 clusters; ", clause, " supports only their enterprises"],
        );
    }
}
