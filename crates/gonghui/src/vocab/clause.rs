//! The clause and reading ids of the policy reading (`docs/POLICY.md`),
//! which every rule cites.
//!
//! The ids are code, so a rule cannot cite a clause that does not exist; their
//! text (the Chinese source words and the English gloss) is data, in the
//! embedded policy file, which must list exactly these ids.

use std::fmt;

macro_rules! clauses {
    ($($id:ident),+ $(,)?) => {
        /// A clause (`C1`–`C22`: what the article says) or an interpretation
        /// (`I1`–`I9`: how gonghui reads it) of the policy reading.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(missing_docs)]
        pub enum Clause { $($id,)+ }

        impl Clause {
            /// Every clause, then every interpretation, in the order of the policy reading.
            pub const ALL: &'static [Clause] = &[$(Clause::$id,)+];

            /// The id as the policy reading writes it: `"C9"`, `"I4"`.
            pub const fn id(self) -> &'static str {
                match self { $(Clause::$id => stringify!($id),)+ }
            }
        }
    };
}

clauses!(
    C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, C20, C21,
    C22, I1, I2, I3, I4, I5, I6, I7, I8, I9,
);

impl Clause {
    /// The clause with this id, if any.
    pub fn from_id(id: &str) -> Option<Clause> {
        Clause::ALL.iter().copied().find(|c| c.id() == id)
    }

    /// Whether this is an interpretation (`I…`) rather than a clause of the
    /// article (`C…`).
    pub const fn is_interpretation(self) -> bool {
        matches!(
            self,
            Clause::I1
                | Clause::I2
                | Clause::I3
                | Clause::I4
                | Clause::I5
                | Clause::I6
                | Clause::I7
                | Clause::I8
                | Clause::I9
        )
    }
}

impl serde::Serialize for Clause {
    /// The id: `"C9"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl Clause {
    /// The clause's id: `C18`.
    fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        out.write_str(self.id())
    }
}

super::words::words_and_display!(Clause);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        assert_eq!(Clause::ALL.len(), 31);
        for c in Clause::ALL {
            assert_eq!(Clause::from_id(c.id()), Some(*c));
            assert_eq!(c.is_interpretation(), c.id().starts_with('I'));
        }
        assert_eq!(Clause::from_id("C23"), None);
    }
}
