// The request and answer of CONTRACT.md as TypeScript types, for `evaluateObject`.
// Emitted verbatim into the generated `.d.ts` (a `typescript_custom_section` of lib.rs) and
// checked by `tsc` against every case of tests/conformance (bindings/js/test/types.test.mjs):
// a field the core adds or renames fails that check until it is written here too.

/** The 12 key manufacturing industrial chains of the "1269" plan (POLICY.md). */
export type Chain =
  | "electronic_information" | "nonferrous_metals" | "equipment_manufacturing" | "new_energy"
  | "petrochemicals" | "building_materials" | "steel" | "aviation" | "food"
  | "textiles_apparel" | "pharmaceuticals" | "modern_furniture";

/** The 6 advanced manufacturing clusters of the "1269" plan (POLICY.md). */
export type Cluster =
  | "electronic_information" | "copper_new_materials" | "lithium_pv_new_energy"
  | "tungsten_rare_earth_new_materials" | "aviation" | "refining_chemical_new_materials";

export type VenueKind = "township" | "subdistrict" | "village" | "community" | "industrial_park";
export type ParkLevel = "national" | "provincial" | "municipal" | "county";
export type Tier = "six_haves" | "six_norms";

/** The yearly (`year`) and three-year (`three_years`) targets of the special action. */
export type TargetId =
  | "skill_competitions" | "standard_venues" | "park_venues" | "six_haves_unions"
  | "six_norms_unions" | "health_care_workers" | "recuperation_workers"
  | "health_knowledge_workers" | "cultural_events" | "singles_mixers"
  | "model_workers" | "labour_medals" | "certificates_and_pioneers";

/** The questions about one case. */
export type CaseQuestionId =
  | "venue_subsidy" | "model_union_award" | "mutual_aid_subsidy" | "nomination_share"
  | "studio_quota" | "action_progress";

export type QuestionId =
  | CaseQuestionId | "allocate_awards" | "compare_policies" | "yearly_budget"
  | "mutual_aid_schedule" | "catalog";

/** The language of explanation texts and error messages (default `zh`). */
export type Lang = "zh" | "en";

/** Integers within ±(2^53 − 1); fen are hundredths of a yuan. */
export type Int = number;

interface RequestBase {
  /** Echoed back first in the answer. */
  id?: string;
  lang?: Lang;
  /** Parameter id (see the catalog) → value, to ask "what if". */
  overrides?: { [parameter: string]: unknown };
}

// An optional fact may be left out or given as `null`: the library reads both alike.

/** Membership in the chains and clusters; each list may be left out (meaning empty). */
export interface Membership {
  chains?: Chain[] | null;
  clusters?: Cluster[] | null;
}

export interface VenueSubsidyFacts {
  venue_kind: VenueKind;
  /** Required for the four grassroots kinds; at most two decimals. */
  indoor_area_m2?: number | null;
  /** Required for `industrial_park`. */
  park_level?: ParkLevel | null;
}
export interface ModelUnionAwardFacts extends Membership {
  tier: Tier;
  /** Awards of that tier already made this year (default 0). */
  awarded_this_year?: Int | null;
}
export interface MutualAidSubsidyFacts extends Membership {
  /** Every year the enterprise was in the plan. */
  enrolled_years: Int[];
  year: Int;
  /** The premium for `year`, in fen. */
  premium_fen: Int;
}
export interface NominationShareFacts {
  total: Int;
  from_key_industries: Int;
}
export interface StudioQuotaFacts {
  total_slots: Int;
  advanced_manufacturing_slots: Int;
}
export interface ActionProgressFacts {
  year: Int;
  /** Target id → number achieved (default: none given). */
  achieved?: { [T in TargetId]?: number | null } | null;
}

export interface AllocateAwardsFacts {
  /** Applications in the union's own order, which decides when the cap is reached. */
  applications: Array<Membership & { id?: string | null; tier: Tier }>;
  /** Awards of each tier already made this year. */
  already_awarded?: { [T in Tier]?: Int | null } | null;
}
/** A population: requests of the contract (one that cannot be read is reported, not fatal). */
export type Population = Array<CaseRequest | unknown>;
export interface ComparePoliciesFacts {
  /** Parameter id (see the catalog) → value: the standard to compare with the published one. */
  alternative: { [parameter: string]: unknown };
  population: Population;
  /** At most this many changed cases are listed. */
  max_changes?: Int | null;
}
export interface YearlyBudgetFacts {
  year: Int;
  population?: Population | null;
}
export interface MutualAidScheduleFacts extends Membership {
  join_year: Int;
  premium_fen: Int;
}

export interface VenueSubsidyRequest extends RequestBase { question: "venue_subsidy"; facts: VenueSubsidyFacts }
export interface ModelUnionAwardRequest extends RequestBase { question: "model_union_award"; facts: ModelUnionAwardFacts }
export interface MutualAidSubsidyRequest extends RequestBase { question: "mutual_aid_subsidy"; facts: MutualAidSubsidyFacts }
export interface NominationShareRequest extends RequestBase { question: "nomination_share"; facts: NominationShareFacts }
export interface StudioQuotaRequest extends RequestBase { question: "studio_quota"; facts: StudioQuotaFacts }
export interface ActionProgressRequest extends RequestBase { question: "action_progress"; facts: ActionProgressFacts }
export interface AllocateAwardsRequest extends RequestBase { question: "allocate_awards"; facts: AllocateAwardsFacts }
export interface ComparePoliciesRequest extends RequestBase { question: "compare_policies"; facts: ComparePoliciesFacts }
export interface YearlyBudgetRequest extends RequestBase { question: "yearly_budget"; facts: YearlyBudgetFacts }
export interface MutualAidScheduleRequest extends RequestBase { question: "mutual_aid_schedule"; facts: MutualAidScheduleFacts }
export interface CatalogRequest extends RequestBase { question: "catalog"; facts?: Record<string, never> }

/** A request about one case: the members of a population. */
export type CaseRequest =
  | VenueSubsidyRequest | ModelUnionAwardRequest | MutualAidSubsidyRequest
  | NominationShareRequest | StudioQuotaRequest | ActionProgressRequest;

/** Any request of CONTRACT.md. */
export type Request =
  | CaseRequest | AllocateAwardsRequest | ComparePoliciesRequest | YearlyBudgetRequest
  | MutualAidScheduleRequest | CatalogRequest;

/** One step of the reasoning behind a decision. */
export interface ExplanationStep {
  rule: string;
  /** The clause of POLICY.md the step rests on (`C18`, `I7`, …). */
  clause: string;
  /** The interpretation (POLICY.md I1–I9) the step applies, if any. */
  reading: string | null;
  holds: boolean;
  text: string;
}
/** Something the source text leaves open, said rather than guessed. */
export interface OpenPoint { topic: string; clause: string; text: string }
/** A parameter the request overrode. */
export interface Overridden { parameter: string; published: unknown; used: unknown }
/** What the decision was computed from. */
export interface Stamp { policy: string; parameters: string; engine: string }

interface DecisionBase<Q extends QuestionId, O extends string> {
  id?: string;
  question: Q;
  policy: string;
  outcome: O;
  open: OpenPoint[];
  overridden: Overridden[];
  explanation: ExplanationStep[];
  stamp: Stamp;
}

export interface VenueSubsidyDecision extends DecisionBase<"venue_subsidy", "eligible" | "ineligible"> {
  /** Null when ineligible, and where the policy sets no amount. */
  amount_fen: Int | null;
  amount_yuan: string | null;
}
export interface ModelUnionAwardDecision extends DecisionBase<"model_union_award", "eligible" | "ineligible"> {
  amount_fen: Int | null;
  amount_yuan: string | null;
}
export interface MutualAidSubsidyDecision extends DecisionBase<"mutual_aid_subsidy", "eligible" | "ineligible"> {
  rate_percent: Int;
  /** 0 and "0.00" when ineligible. */
  amount_fen: Int;
  amount_yuan: string;
}
export interface NominationShareDecision extends DecisionBase<"nomination_share", "compliant" | "noncompliant"> {
  required: Int;
  /** One decimal; null when `total` is 0. */
  share_percent: string | null;
}
export interface StudioQuotaDecision extends DecisionBase<"studio_quota", "compliant" | "noncompliant"> {
  required: Int;
  share_percent: string | null;
}
export interface TargetProgress {
  target: TargetId;
  clause: string;
  period: "year" | "three_years";
  goal: number;
  /** Null when no figure was given. */
  achieved: number | null;
  met: boolean | null;
  /** Whether the figure goes past a goal that is also a cap (C13's unions); null for other targets or without a figure. */
  beyond_cap: boolean | null;
  /** One decimal, or null. */
  percent: string | null;
}
export interface ActionProgressDecision extends DecisionBase<"action_progress", "all_met" | "not_all_met"> {
  year: Int;
  targets: TargetProgress[];
}
export interface AllocateAwardsDecision extends DecisionBase<"allocate_awards", "all_awarded" | "not_all_awarded"> {
  tiers: Array<{
    tier: Tier; cap: Int; already_awarded: Int; applications: Int; awarded: Int;
    amount_fen: Int; amount_yuan: string;
  }>;
  total_fen: Int;
  total_yuan: string;
  applications: Array<{
    rank: Int; id: string | null; tier: Tier; awarded: boolean; amount_fen: Int | null;
    reason: "not_key_industry" | "cap_reached" | "already_awarded" | null;
    text: string;
  }>;
}
/** A population member that could not be read, by its place (`rank`) in the population. */
export interface Rejection { rank: Int; id: string | null; code: ErrorCode; field: string | null }
export interface ComparePoliciesDecision extends DecisionBase<"compare_policies", "changed" | "unchanged"> {
  cases: Int;
  changed: Int;
  rejected: Int;
  questions: Array<{
    question: CaseQuestionId; cases: Int; changed: Int;
    favourable_before: Int; favourable_after: Int;
    amount_before_fen: Int | null; amount_after_fen: Int | null; difference_fen: Int | null;
  }>;
  changes: Array<{
    rank: Int; id: string | null; question: CaseQuestionId;
    before: { outcome: string; amount_fen: Int | null };
    after: { outcome: string; amount_fen: Int | null };
    parameters: string[];
  }>;
  rejections: Rejection[];
}
export interface YearlyBudgetDecision extends DecisionBase<"yearly_budget", "within_plan" | "beyond_plan"> {
  year: Int;
  lines: Array<{
    line: "park_venues" | "grassroots_venues" | "six_haves_unions" | "six_norms_unions" | "mutual_aid";
    clause: string;
    bound: "at_least" | "at_most" | "open";
    planned_count: Int | null; unit_fen: Int | null; planned_fen: Int | null;
    committed_count: Int; committed_fen: Int; remaining_fen: Int | null;
  }>;
  planned_fen: Int;
  planned_yuan: string;
  committed_fen: Int;
  committed_yuan: string;
  cases: Int;
  not_counted: Int;
  rejected: Int;
  rejections: Rejection[];
}
export interface MutualAidScheduleDecision extends DecisionBase<"mutual_aid_schedule", "eligible" | "ineligible"> {
  join_year: Int;
  years: Array<{
    year: Int; eligible: boolean; rate_percent: Int; amount_fen: Int; amount_yuan: string;
    /** What a break in that year would lose, that year and after (C19). */
    break_cost_fen: Int;
    break_cost_yuan: string;
  }>;
  total_fen: Int;
  total_yuan: string;
}

/** A text in both languages. */
export interface Bilingual { zh: string; en: string }
/** A code of the contract with its names. */
export interface CodeName<C extends string> extends Bilingual { code: C }
export interface CatalogTarget extends Bilingual {
  target: TargetId;
  clause: string;
  period: "year" | "three_years";
  goal: number;
  /** The policy parameter that sets `goal`. */
  parameter: string;
}
/** A policy parameter: its id (for `overrides`), value, unit, clause and history. */
export interface CatalogParameter extends Bilingual {
  id: string;
  value: unknown;
  unit: string;
  clause: string;
  reading: string | null;
  timeline: Array<{ stage: string; value: unknown } | { from: Int; to: Int; value: unknown }>;
}
/** A figure the article reports for a target (C7, C11, C15, C16, C21, C22). */
export interface CatalogReported extends Bilingual {
  target: TargetId;
  year: Int;
  achieved: Int;
  /** The article says "over" the figure (余). */
  at_least: boolean;
  clause: string;
}
/** A clause of the policy reading (C1–C22) or a reading (I1–I9), with the article's line it rests on. */
export interface CatalogClause extends Bilingual { id: string; line: string | null }

export interface CatalogDecision extends DecisionBase<"catalog", "listed"> {
  title: Bilingual;
  /** The article the policy is read from, and where its clauses are set out. */
  source: Bilingual;
  chains: CodeName<Chain>[];
  clusters: CodeName<Cluster>[];
  venue_kinds: CodeName<VenueKind>[];
  park_levels: CodeName<ParkLevel>[];
  tiers: CodeName<Tier>[];
  questions: CodeName<QuestionId>[];
  targets: CatalogTarget[];
  reported: CatalogReported[];
  parameters: CatalogParameter[];
  clauses: CatalogClause[];
}

export type Decision =
  | VenueSubsidyDecision | ModelUnionAwardDecision | MutualAidSubsidyDecision
  | NominationShareDecision | StudioQuotaDecision | ActionProgressDecision
  | AllocateAwardsDecision | ComparePoliciesDecision | YearlyBudgetDecision
  | MutualAidScheduleDecision | CatalogDecision;

export type ErrorCode =
  | "malformed_request" | "unknown_question" | "missing_field" | "unknown_field"
  | "invalid_value" | "unknown_parameter";

/** The answer to a request that could not be decided. */
export interface ErrorAnswer {
  id?: string;
  error: {
    code: ErrorCode;
    /** The offending path (`facts.premium_fen`), where there is one. */
    field: string | null;
    /** What was expected, in the request's language. */
    message: string;
  };
}

/** What `evaluateObject` returns: a decision or an error. */
export type Answer = Decision | ErrorAnswer;

/** One problem of a refused policy file. */
export interface PolicyProblem {
  /** A parameter id (`mutual_aid.rate_percent`), a field's path (`parameters[9].id`), or `(file)`. */
  field: string;
  zh: string;
  en: string;
}

/**
 * What `new Policy(file)` throws when the file is refused (`e.name === "PolicyError"`): an
 * `Error` whose `message` is the refusal as one JSON object, byte for byte what C and Java give
 * (`{"error":{"code":"invalid_policy","field":null,"message":…,"problems":[…]}}`, its own
 * `message` in Chinese), with the same `code` and `problems` on the error itself.
 */
export interface PolicyError extends Error {
  name: "PolicyError";
  code: "invalid_policy";
  problems: PolicyProblem[];
}
