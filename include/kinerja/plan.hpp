// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file plan.hpp
/// A whole strategic plan (Renstra) as printed: its cascade of nodes (regional goal and
/// objective, agency goal and objective, programme, activity, sub-activity), their indicators,
/// per-year targets, budgets (pagu), realizations and printed achievement, the plan's other
/// versions (AWAL columns of a revision) as differences, the history of the previous period,
/// and printed total rows.
///
/// Every printed value is kept as text with the table it came from and where it stands in the
/// plan file; typed values (value.hpp) are read from it on demand, with the indicator's unit as
/// context. The file format is docs/plan-format.md; plan_io.hpp reads and writes it.

#include <kinerja/achievement.hpp>
#include <kinerja/detail/package_data.hpp>
#include <kinerja/number.hpp>
#include <kinerja/rounding.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/year.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja {

class catalog;

/// The name of a file, shared: copies refer to one string, so the locations of every value of a
/// plan cost a pointer each, not a copy of the path (a loader makes one file_name per file). Reads
/// like a `const std::string&` (it converts to one, compares with strings, `+` concatenates) and
/// is assigned from a string or `const char*`. Copies are thread-safe (an atomic count).
class file_name {
public:
    file_name() noexcept = default;
    file_name(std::string name) : shared_(name.empty() ? nullptr : new shared{{1}, std::move(name)}) {}
    file_name(const char* name) : file_name(std::string(name ? name : "")) {}
    file_name(const file_name& other) noexcept : shared_(other.shared_) {
        if (shared_) shared_->count.fetch_add(1, std::memory_order_relaxed);
    }
    file_name(file_name&& other) noexcept : shared_(other.shared_) { other.shared_ = nullptr; }
    file_name& operator=(file_name other) noexcept {
        std::swap(shared_, other.shared_);
        return *this;
    }
    ~file_name() {
        if (shared_ && shared_->count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete shared_;
    }

    /// The name ("" when none).
    const std::string& str() const noexcept { return shared_ ? shared_->name : empty_name(); }
    operator const std::string&() const noexcept { return str(); }
    bool empty() const noexcept { return str().empty(); }
    std::size_t size() const noexcept { return str().size(); }
    const char* c_str() const noexcept { return str().c_str(); }
    /// Both refer to the same shared string (the same loaded file), not merely an equal one.
    bool shares(const file_name& other) const noexcept { return shared_ == other.shared_; }

    friend bool operator==(const file_name& a, const file_name& b) noexcept { return a.str() == b.str(); }
    friend bool operator==(const file_name& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const std::string& a, const file_name& b) noexcept { return a == b.str(); }
    friend bool operator==(const file_name& a, const char* b) noexcept { return a.str() == b; }
    friend bool operator==(const char* a, const file_name& b) noexcept { return a == b.str(); }
    friend bool operator!=(const file_name& a, const file_name& b) noexcept { return !(a == b); }
    friend bool operator!=(const file_name& a, const std::string& b) noexcept { return !(a == b); }
    friend bool operator!=(const std::string& a, const file_name& b) noexcept { return !(a == b); }
    friend bool operator!=(const file_name& a, const char* b) noexcept { return !(a == b); }
    friend bool operator!=(const char* a, const file_name& b) noexcept { return !(a == b); }
    friend bool operator<(const file_name& a, const file_name& b) noexcept { return a.str() < b.str(); }
    friend std::string operator+(const file_name& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const file_name& b) { return a + b.str(); }
    friend std::string operator+(const file_name& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const char* a, const file_name& b) { return a + b.str(); }
    friend std::ostream& operator<<(std::ostream& out, const file_name& f) { return out << f.str(); }

private:
    struct shared {
        std::atomic<long> count;
        std::string name;
    };
    static const std::string& empty_name() noexcept {
        static const std::string none;
        return none;
    }
    shared* shared_ = nullptr;
};

/// Where something stands in a plan file (1-based line and column; 0 when unknown).
struct location {
    kinerja::file_name file;
    int line = 0;
    int column = 0;
    /// "file:line:column", or what is known of it.
    std::string to_string() const;
};

/// A value as printed, with its provenance.
struct printed_value {
    std::string text;    ///< exactly as printed
    std::string source;  ///< table label when it differs from the owner's source ("Tabel 2.7")
    std::string note;    ///< transcriber's note
    kinerja::location location;
};

/// Printed values by year (end_of_period for the end column). Several sources may print a value
/// for the same year (a table's ratio and a percentage in the text), hence a list.
using year_values = std::map<period_year, std::vector<printed_value>>;

/// Levels of the cascade, from the region's goals down to sub-activities: the nomenclature's
/// urusan; the regional plan's (RPJMD) misi, tujuan and sasaran, which a regional table prints as
/// rows and under which its programmes hang; the agency's tujuan and sasaran; programme,
/// activity and sub-activity. Between the agency's sasaran and its programmes stand the strategy
/// (strategi) and the policy direction (arah kebijakan) of Renstra Tabel 5.1: they carry no pagu
/// and are linked many-to-many through `supports` (a strategi supports the sasaran it serves, an
/// arah_kebijakan the strategi it carries out, a program the arah_kebijakan it serves;
/// strategy_links, plan.hpp).
enum class node_level {
    urusan,
    misi,
    tujuan_rpd,
    sasaran_rpd,
    tujuan,
    sasaran,
    strategi,
    arah_kebijakan,
    program,
    kegiatan,
    sub_kegiatan
};
std::string_view to_string(node_level level) noexcept;
/// \throws lookup_error kinerja.lookup.node_level
node_level node_level_from_string(std::string_view name);

/// How quarterly (triwulan) realizations make a year.
enum class aggregation { unspecified, sum, last, max, mean };
std::string_view to_string(aggregation a) noexcept;
/// \throws lookup_error kinerja.lookup.aggregation
aggregation aggregation_from_string(std::string_view name);

/// The annual cycle (docs/annual-cycle.md): evidence (bukti dukung) of a realization and its
/// verification. A step of the verification says what happened to the realization: it was
/// drafted, submitted to the verifier, verified (with the value verified), returned, approved, or
/// revised after verification (with its reason, starting a new round).
enum class verification_status { draft, submitted, verified, returned, approved, revised };
std::string_view to_string(verification_status s) noexcept;
/// \throws lookup_error kinerja.lookup.verification_status
verification_status verification_status_from_string(std::string_view name);
/// Whether a realization's verification may go from `from` (empty: no step yet) to `to`: the
/// table of docs/annual-cycle.md ("Verification"), which verification_transitions() lists.
bool verification_allowed(std::optional<verification_status> from, verification_status to) noexcept;
/// Every allowed transition (from, to), the table of docs/annual-cycle.md in its order; an empty
/// `from` is the first step.
const std::vector<std::pair<std::optional<verification_status>, verification_status>>& verification_transitions();

/// A piece of evidence (bukti dukung) of a realization.
struct evidence {
    std::string title;  ///< required
    std::string kind;   ///< what it is, as the agency names it (laporan, foto, daftar hadir ...)
    std::string uri;    ///< where it is, as a URI with a scheme (https://...); or
    std::string path;   ///< where it is, as a file path (relative to the plan file)
    std::string hash;   ///< its content hash: sha256:, sha384: or sha512: and the hex digest
    kinerja::location location;
};

/// A step of a realization's verification: who did what when.
struct verification_step {
    verification_status status = verification_status::draft;
    std::string by;      ///< who (a role, such as "Verifikator Inspektorat")
    std::string at;      ///< when: ISO 8601 date or date and time, as written (2025-01-20, 2025-01-20T09:30+07:00)
    std::string value;   ///< verified steps: the value verified, as printed (required there, absent elsewhere)
    std::string reason;  ///< why (required for revised; allowed for returned)
    std::string note;
    kinerja::location location;
};

/// The evidence and verification of one realization: a year's (quarter 0) or a quarter's (1..4).
struct realization_record {
    int year = 0;
    int quarter = 0;  ///< 0: the yearly realization; 1..4: the quarter's
    std::vector<kinerja::evidence> evidence;
    std::vector<verification_step> verification;
    /// The status of its last step (empty when no step is recorded).
    std::optional<verification_status> status() const noexcept {
        if (verification.empty()) return std::nullopt;
        return verification.back().status;
    }
};

/// A performance indicator of a node.
struct indicator {
    std::string id;
    std::string name;
    std::vector<printed_value> aliases;
    std::string kind;  ///< iku, ikk, tujuan, sasaran, program, kegiatan, sub_kegiatan, or empty
    std::optional<printed_value> unit;
    std::optional<kinerja::polarity> polarity;  ///< empty for scale indicators or when unknown
    std::string scale;                          ///< for `polarity: scale:NAME`
    std::string polarity_basis;
    /// Id of a formula catalog entry that defines the indicator (catalog.hpp), instead of or
    /// beside its own formula text.
    std::string catalog;
    std::optional<printed_value> formula;  ///< formulasi / cara pengukuran
    /// The number convention of the indicator's printed values, when its transcriber has settled
    /// it from the table (`22.90` beside `18.221` in one row): it reads the ambiguous form
    /// `d.ddd` / `d,ddd` in that convention, before the unit or scale is consulted. Empty: the
    /// unit or scale decides, or the value is reported as unreadable.
    std::optional<kinerja::convention> convention;
    /// The number convention learnt for the indicator's source table when the plan was loaded
    /// (detail::learn_table_conventions, plans.md "Conventions"): the plan's declared
    /// `conventions: numbers`, else the one convention that every value of the table which shows
    /// one is printed in (`25,00%`, `1.234.567`: Indonesian), when at least two show one and none
    /// shows the other. Read where `convention` is empty; derived, so not saved.
    std::optional<kinerja::convention> table_convention;
    std::optional<printed_value> legal_basis;  ///< alasan
    std::string responsible;
    std::optional<int> baseline_year;
    std::optional<printed_value> baseline;
    year_values targets;
    year_values realizations;
    /// Quarterly realizations: year -> quarter (1..4) -> value.
    std::map<int, std::map<int, printed_value>> quarterly_realizations;
    /// Evidence and verification of realizations (the long form of a realization in the plan
    /// file), ordered by year and quarter, at most one per realization.
    std::vector<realization_record> realization_records;
    year_values reported_achievement;
    /// The counts behind a realized rate or percentage (e.g. cases handled and cases reported),
    /// by year; used by the ratio-of-sums roll-up.
    year_values numerators;
    year_values denominators;
    year_values budget;  ///< pagu printed on the indicator's own row
    kinerja::aggregation aggregation = aggregation::unspecified;
    std::optional<int> valid_from;
    std::optional<int> valid_to;
    std::string replaces;
    std::string source;
    kinerja::location location;
    /// For version entries only: the keys the entry gives ("null:KEY" for a key set to null,
    /// which is absent in that version).
    std::set<std::string> given;

    /// The unit text ("" if none).
    const std::string& unit_text() const noexcept;
    /// The first printed value of a year map entry, or nullptr.
    static const printed_value* first(const year_values& values, period_year year) noexcept;
    /// The evidence and verification of a year's realization (quarter 0) or a quarter's, or nullptr.
    const realization_record* record(int year, int quarter = 0) const noexcept;
};

/// A node of the cascade.
struct node {
    std::string id;
    node_level level = node_level::program;
    std::string name;
    std::optional<printed_value> code;  ///< dotted national code, e.g. "2.08.02.2.01.0001"
    std::string code_printed;           ///< the code as printed, when it differs
    std::string row;                    ///< the table's NO column
    std::string parent;
    std::vector<std::string> supports;  ///< cross-links to nodes or indicators
    std::vector<printed_value> aliases;
    std::optional<int> renamed_year;  ///< the node carries `renamed_name` from this year
    std::string renamed_name;
    std::string renamed_source;
    std::optional<int> valid_from;
    std::optional<int> valid_to;
    std::string responsible;
    /// A context node: a row the table prints for orientation with a total that covers more than
    /// the plan holds (an urusan total over agencies that are not in this plan). Its pagu is
    /// printed and counts where it is a part, but it is not checked as complete: no budget-rollup
    /// or budget-missing against its children, no orphan.
    bool context = false;
    year_values budget;  ///< pagu
    year_values budget_realized;
    year_values reported_absorption;  ///< printed realization/budget ratio
    std::string source;
    std::vector<indicator> indicators;
    std::optional<std::pair<int, int>> period;  ///< history nodes: years with printed values
    std::string period_note;
    std::string successor;
    kinerja::location location;
    std::set<std::string> given;  ///< for version entries only: the keys the entry gives ("null:KEY": set to null)
    bool removed = false;         ///< for version entries only: absent in that version

    /// The code text ("" if none).
    const std::string& code_text() const noexcept;
};

/// A printed total row (JUMLAH), which sums the nodes named in `over`.
struct total {
    std::string id;
    std::string name;
    std::vector<std::string> over;
    /// A context total: it covers more rows than `over` names (an APBD total over every office
    /// of a region, where a report names a few of them). Its amounts are checked as printed
    /// (absorption, sign, scale) but not as the sum of `over`: only rows that sum to more than
    /// it are reported (budget-rollup), and a blank among them is no hole (budget-incomplete).
    bool context = false;
    year_values budget;
    year_values budget_realized;
    year_values reported_absorption;
    std::string source;
    kinerja::location location;
};

/// A level of a scale defined in the plan file (bands as printed: edges as text).
struct plan_scale_level {
    std::string name;
    std::vector<std::string> aliases;
    std::string min;
    std::string max;
};

/// A scale defined in the plan file.
struct plan_scale {
    std::string name;
    std::string compare = "position";  ///< position | score
    std::string source;
    std::vector<plan_scale_level> levels;
};

/// Another version of the plan, as differences from the main nodes.
struct plan_version {
    std::string name;
    std::string label;
    std::string source;
    std::vector<node> nodes;  ///< entries; `given` says which keys each entry sets
};

/// Identity of the plan.
struct plan_info {
    std::string id;
    std::string title;
    std::string organisation;
    std::string region;
    int period_from = 0;
    int period_to = 0;
    std::string version;
    std::string document_date;
    std::string source_document;
};

/// Where a node's code must be unique (the duplicate-code check).
/// - parent (the default): among the nodes of one parent (or among the roots) with one
///   responsible agency (the node's `responsible`, else its nearest ancestor's). Regional and
///   multi-agency tables print one nomenclature code once per agency or sub-district (every
///   kecamatan carries the same programme and activity codes), and a programme that serves two
///   objectives is printed under each.
/// - plan: once in the whole plan (a single agency's table that prints each code once).
enum class code_scope { parent, plan };
std::string_view to_string(code_scope scope) noexcept;
/// \throws lookup_error kinerja.lookup.code_scope
code_scope code_scope_from_string(std::string_view name);

/// How the plan computes achievement, and where its codes are unique. Defaults: inverse for
/// lower-is-better, half up to 2, codes unique per parent and responsible agency.
struct plan_settings {
    method lower_method = method::inverse;
    rounding_rule rounding{rounding::half_up, 2};
    kinerja::code_scope code_scope = code_scope::parent;
    /// `evidence: required`: every realization of the plan period needs evidence (the
    /// evidence-missing check); default `optional`.
    bool evidence_required = false;
};

/// What the end-of-period column (kondisi akhir) of a year map means: the `sum` of the yearly
/// values, the value of the `last` year, or something `independent` of the years (not checked).
enum class end_column { sum, last, independent };
std::string_view to_string(end_column e) noexcept;
/// \throws lookup_error kinerja.lookup.end_column
end_column end_column_from_string(std::string_view name);

/// How the pagu printed on a node's indicator rows relates to the node's pagu: each row prints a
/// `parts` of it (the node's pagu is their sum), or each row `repeat`s the whole of it.
enum class indicator_pagu { parts, repeat };
std::string_view to_string(indicator_pagu e) noexcept;
/// \throws lookup_error kinerja.lookup.indicator_pagu
indicator_pagu indicator_pagu_from_string(std::string_view name);

/// The conventions a plan file declares in its `conventions:` block (docs/plan-format.md §5b).
/// Each one left empty is inferred from the plan's own rows (conventions.hpp).
struct declared_conventions {
    std::optional<std::vector<node_level>> pagu_levels;  ///< the levels that carry pagu
    std::optional<end_column> budget_end;                ///< what the end column of pagu means
    std::optional<end_column> target_end;                ///< what the end column of targets means
    std::optional<kinerja::indicator_pagu> indicator_pagu;
    std::optional<kinerja::convention> numbers;  ///< the plan's number convention
    /// The share of rows that must follow a convention for it to be inferred (more than this);
    /// empty: convention_options' default (0.5, a strict majority).
    std::optional<double> majority;
    kinerja::location location;  ///< of the `conventions:` key
    /// True when nothing is declared.
    bool empty() const noexcept {
        return !pagu_levels && !budget_end && !target_end && !indicator_pagu && !numbers && !majority;
    }
};

/// The kind of an annual target document (docs/annual-cycle.md).
enum class annual_document_kind { renja, perjanjian_kinerja };
std::string_view to_string(annual_document_kind k) noexcept;
/// \throws lookup_error kinerja.lookup.annual_document_kind
annual_document_kind annual_document_kind_from_string(std::string_view name);

/// One indicator's target in an annual document.
struct annual_target {
    std::string indicator;  ///< the indicator's id (one of the plan period's indicators)
    printed_value value;    ///< the target as printed in the document
    /// Not empty: the target is recorded as a revision of the Renstra's, for this reason.
    std::string revision;
    kinerja::location location;  ///< of the indicator's key
};

/// A yearly target document (Renja, Perjanjian Kinerja): a version of one year's targets.
struct annual_document {
    std::string id;
    annual_document_kind kind = annual_document_kind::renja;
    int year = 0;
    std::string label;   ///< its title ("Perjanjian Kinerja Tahun 2025")
    std::string number;  ///< its number as printed
    std::string date;    ///< ISO 8601 date (2025-01-31)
    std::string source;
    std::vector<annual_target> targets;  ///< in file order, one per indicator
    kinerja::location location;
};

/// A whole plan.
class plan {
public:
    int format_version = 1;
    plan_info info;
    plan_settings settings;
    /// The conventions the plan file declares (`conventions:`); the rest are inferred
    /// (infer_conventions, conventions.hpp).
    declared_conventions conventions;
    std::vector<plan_scale> scales;
    /// Unit words the plan declares (its `units:` section; docs/plan-format.md, Units).
    std::vector<unit_declaration> units;
    std::vector<std::pair<std::string, std::string>> sources;  ///< label -> where it is printed
    std::vector<node> nodes;
    std::vector<node> history;
    std::vector<total> totals;
    std::vector<plan_version> versions;
    /// Yearly target documents (Renja, Perjanjian Kinerja), in file order (docs/annual-cycle.md).
    std::vector<annual_document> annual_documents;
    /// The plan file's `catalogs:` list as written: catalog files (relative to the plan file) and
    /// `bundled` (docs/catalog.md §5). Empty optional: the key is absent, and the default catalog
    /// (default_catalog(), catalog.hpp) applies.
    std::optional<std::vector<std::string>> catalogs;
    /// The formula catalog that the indicators' `catalog: ID` resolve in: the catalogs of
    /// `catalogs:` merged, or the default catalog, as loaded with the plan (once per plan; checks
    /// and achievement use it, they do not read files again). nullptr: not loaded (a plan built in
    /// code, or one with neither `catalogs:` nor a `catalog:` reference); resolved_catalog() then
    /// gives the default catalog. Assign a catalog to give this plan another one.
    std::shared_ptr<const kinerja::catalog> loaded_catalog;
    /// The file the plan was read from ("" if none).
    std::string file;

    /// loaded_catalog, else default_catalog() (catalog.hpp). \throws file_error when the bundled
    /// catalog is needed and cannot be loaded (kinerja.catalog.*)
    std::shared_ptr<const kinerja::catalog> resolved_catalog() const;

    /// The node with this id among nodes and history, or nullptr.
    const node* find_node(std::string_view id) const noexcept;
    node* find_node(std::string_view id) noexcept;
    /// The indicator with this id (and its node), or {nullptr, nullptr}.
    std::pair<const node*, const indicator*> find_indicator(std::string_view id) const noexcept;
    /// Direct children of a node (among nodes and history), in file order.
    std::vector<const node*> children(std::string_view id) const;
    /// Names of the versions: the main one first, then those in `versions`.
    std::vector<std::string> version_names() const;
    /// The plan as it stands in another version (the main version for its own name): the
    /// version's entries applied to a copy of the nodes, in O((N + E) log N) for N nodes and E
    /// entries. Never returns a plan whose parent links form a cycle or name what is not a node.
    /// \throws lookup_error kinerja.lookup.version
    /// \throws file_error kinerja.plan.reference when, in that version, a node is its own ancestor
    ///         or a parent is not one of its nodes (at the version entry; a loaded plan was checked
    ///         when it was read)
    plan version(std::string_view name) const;

    /// Equal content (the canonical YAML of both is the same; locations do not count).
    friend bool operator==(const plan& a, const plan& b);
    friend bool operator!=(const plan& a, const plan& b) { return !(a == b); }
};

/// The polarity that applies to an indicator of `p`: its own `polarity`; else, when it names a
/// catalog entry (`catalog: ID`) that p.resolved_catalog() defines, the entry's polarity; else none
/// (unknown, not guessed). A scale indicator (`polarity: scale:NAME`) has none. Everything that
/// computes an indicator's achievement reads the polarity through this function.
/// \throws file_error when the indicator names a catalog entry and the default catalog cannot be
///         loaded
std::optional<kinerja::polarity> indicator_polarity(const plan& p, const indicator& ind);

/// One version of an indicator's target for a year: the Renstra's (document nullptr) or an annual
/// document's.
struct annual_target_version {
    const annual_document* document = nullptr;  ///< nullptr: the Renstra
    const printed_value* value = nullptr;
    std::string revision;  ///< the reason, for an annual target recorded as a revision
};
/// The versions of an indicator's target for a year, in order: the Renstra's (when it prints one),
/// then each annual document's of that year in file order. The last one is the target in force.
std::vector<annual_target_version> annual_target_versions(const plan& p, std::string_view indicator_id, int year);

}  // namespace kinerja
