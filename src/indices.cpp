// SPDX-License-Identifier: Apache-2.0
// Composite development indices (UNDP and BPS). Sources and worked examples: docs/indices.md.
#include <kinerja/indices.hpp>

#include <kinerja/error.hpp>
#include <kinerja/rounding.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace kinerja::indices {

namespace {

constexpr const char* input_id = "kinerja.argument.index_input";
constexpr const char* undefined_id = "kinerja.undefined.index";
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::string show(double x) {
    std::ostringstream s;
    s.precision(10);
    s << x;
    return s.str();
}

void require(bool ok, std::string_view fn, std::string_view name, double x, std::string_view rule) {
    if (!ok)
        throw argument_error(input_id, std::string(fn) + ": " + std::string(name) + " = " + show(x) +
                                           " is out of range (" + std::string(rule) + ")");
}

void finite_at_least(std::string_view fn, std::string_view name, double x, double lo, std::string_view rule) {
    require(std::isfinite(x) && x >= lo, fn, name, x, rule);
}

void positive(std::string_view fn, std::string_view name, double x) {
    require(std::isfinite(x) && x > 0.0, fn, name, x, "must be a finite number above 0");
}

void percentage(std::string_view fn, std::string_view name, double x) {
    require(std::isfinite(x) && x >= 0.0 && x <= 100.0, fn, name, x, "a percentage must lie in 0..100");
}

void proportion(std::string_view fn, std::string_view name, double x) {
    require(std::isfinite(x) && x >= 0.0 && x <= 1.0, fn, name, x, "a proportion must lie in 0..1");
}

[[noreturn]] void undefined(std::string_view fn, const std::string& why) {
    throw undefined_error(undefined_id, std::string(fn) + ": " + why);
}

template <typename... D>
bool any_nan(D... x) {
    return (std::isnan(x) || ...);
}

/// Runs a scalar computation for one row of an array function: NaN instead of an error.
template <typename F>
double guarded(F&& f) {
    try {
        return f();
    } catch (const kinerja::error&) {
        return nan;
    }
}

double le_index(std::string_view fn, std::string_view name, double le, const goalposts& g) {
    finite_at_least(fn, name, le, g.min,
                    "a life expectancy must be finite and at least the minimum goalpost " + show(g.min) + " years");
    return (std::fmin(le, g.max) - g.min) / (g.max - g.min);
}

double edu_index(std::string_view fn, std::string_view eys_name, std::string_view mys_name, double eys, double mys) {
    finite_at_least(fn, eys_name, eys, 0.0, "years of schooling must be finite and not negative");
    finite_at_least(fn, mys_name, mys, 0.0, "years of schooling must be finite and not negative");
    return (std::fmin(eys, expected_schooling_goalposts.max) / expected_schooling_goalposts.max +
            std::fmin(mys, mean_schooling_goalposts.max) / mean_schooling_goalposts.max) /
           2.0;
}

double log_index(double x, const goalposts& g) {
    return (std::log(std::fmin(x, g.max)) - std::log(g.min)) / (std::log(g.max) - std::log(g.min));
}

double gni_index(std::string_view fn, std::string_view name, double gnipc) {
    finite_at_least(fn, name, gnipc, gni_goalposts.min,
                    "GNI per capita must be finite and at least the minimum goalpost 100 PPP$");
    return log_index(gnipc, gni_goalposts);
}

double to_rupiah(std::string_view fn, std::string_view name, double x, money_unit unit) {
    finite_at_least(fn, name, x, 0.0, "an expenditure must be finite and not negative");
    switch (unit) {
        case money_unit::rupiah: return x;
        case money_unit::thousand_rupiah: return x * 1000.0;
        case money_unit::automatic: break;
    }
    return x < 100000.0 ? x * 1000.0 : x;
}

double spending_index(std::string_view fn, std::string_view name, double x, money_unit unit) {
    const double rupiah = to_rupiah(fn, name, x, unit);
    require(rupiah >= expenditure_goalposts.min, fn, name, x,
            "the adjusted per-capita expenditure must be at least the minimum goalpost Rp 1,007,436 a year");
    return log_index(rupiah, expenditure_goalposts);
}

double hdi_with(std::string_view fn, double le, double eys, double mys, double gnipc, const goalposts& g,
                std::string_view suffix = {}) {
    if (any_nan(le, eys, mys, gnipc)) return nan;
    const std::string s(suffix);
    const double lei = le_index(fn, "le" + s, le, g);
    const double ei = edu_index(fn, "eys" + s, "mys" + s, eys, mys);
    const double ii = gni_index(fn, "gnipc" + s, gnipc);
    return std::cbrt(lei * ei * ii);
}

double ipm_with(std::string_view fn, double uhh, double hls, double rls, double expenditure, money_unit unit,
                const goalposts& g) {
    if (any_nan(uhh, hls, rls, expenditure)) return nan;
    const double ikes = le_index(fn, "uhh", uhh, g);
    const double ipend = edu_index(fn, "hls", "rls", hls, rls);
    const double ipeng = spending_index(fn, "expenditure", expenditure, unit);
    return 100.0 * std::cbrt(ikes * ipend * ipeng);
}

/// The common part of GII and IKG; shares as fractions, parliament floors already applied.
gii_components gii_core(std::string_view fn, double health_f, double pr_f, double se_f, double lf_f, double pr_m,
                        double se_m, double lf_m) {
    gii_components c{};
    c.health_f = health_f;
    c.empowerment_f = std::sqrt(pr_f * se_f);
    c.empowerment_m = std::sqrt(pr_m * se_m);
    c.g_f = std::cbrt(health_f * c.empowerment_f * lf_f);
    c.g_m = std::cbrt(c.empowerment_m * lf_m);
    // harmonic mean [(1/G_F + 1/G_M) / 2]^-1; 0 when either is 0
    c.harm = (c.g_f > 0.0 && c.g_m > 0.0) ? 2.0 * c.g_f * c.g_m / (c.g_f + c.g_m) : 0.0;
    c.g_fm = std::cbrt((health_f + 1.0) / 2.0 * (c.empowerment_f + c.empowerment_m) / 2.0 * (lf_f + lf_m) / 2.0);
    if (!(c.g_fm > 0.0))
        undefined(fn, "the reference G_FM is 0 (no empowerment or no labour force participation of either sex)");
    c.value = 1.0 - c.harm / c.g_fm;
    return c;
}

gii_components all_nan() { return gii_components{nan, nan, nan, nan, nan, nan, nan, nan}; }

/// A parliament (legislative) share of 0 % is read as 0.1 % (UNDP technical note 4).
double seats(double percent) { return (percent == 0.0 ? 0.1 : percent) / 100.0; }

}  // namespace

// --------------------------------------------------------------------------- dimension indices

double life_expectancy_index(double le, const goalposts& g) {
    if (std::isnan(le)) return nan;
    return le_index("life_expectancy_index", "le", le, g);
}

double education_index(double eys, double mys) {
    if (any_nan(eys, mys)) return nan;
    return edu_index("education_index", "eys", "mys", eys, mys);
}

double income_index(double gnipc) {
    if (std::isnan(gnipc)) return nan;
    return gni_index("income_index", "gnipc", gnipc);
}

double expenditure_index(double expenditure, money_unit unit) {
    if (std::isnan(expenditure)) return nan;
    return spending_index("expenditure_index", "expenditure", expenditure, unit);
}

// --------------------------------------------------------------------------- UNDP

double hdi(double le, double eys, double mys, double gnipc) {
    return hdi_with("hdi", le, eys, mys, gnipc, life_expectancy_goalposts);
}
double hdi_female(double le, double eys, double mys, double gnipc) {
    return hdi_with("hdi_female", le, eys, mys, gnipc, life_expectancy_female_goalposts);
}
double hdi_male(double le, double eys, double mys, double gnipc) {
    return hdi_with("hdi_male", le, eys, mys, gnipc, life_expectancy_male_goalposts);
}

void hdi(const double* le, const double* eys, const double* mys, const double* gnipc, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = guarded([&] { return hdi(le[i], eys[i], mys[i], gnipc[i]); });
}
void hdi_female(const double* le, const double* eys, const double* mys, const double* gnipc, double* out,
                std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = guarded([&] { return hdi_female(le[i], eys[i], mys[i], gnipc[i]); });
}
void hdi_male(const double* le, const double* eys, const double* mys, const double* gnipc, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = guarded([&] { return hdi_male(le[i], eys[i], mys[i], gnipc[i]); });
}

double gdi(double le_f, double eys_f, double mys_f, double gnipc_f, double le_m, double eys_m, double mys_m,
           double gnipc_m) {
    if (any_nan(le_f, eys_f, mys_f, gnipc_f, le_m, eys_m, mys_m, gnipc_m)) return nan;
    const double f = hdi_with("gdi", le_f, eys_f, mys_f, gnipc_f, life_expectancy_female_goalposts, "_f");
    const double m = hdi_with("gdi", le_m, eys_m, mys_m, gnipc_m, life_expectancy_male_goalposts, "_m");
    if (!(m > 0.0)) undefined("gdi", "the male HDI is 0, so HDI_f / HDI_m is not defined");
    return f / m;
}

void gdi(const double* le_f, const double* eys_f, const double* mys_f, const double* gnipc_f, const double* le_m,
         const double* eys_m, const double* mys_m, const double* gnipc_m, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded(
            [&] { return gdi(le_f[i], eys_f[i], mys_f[i], gnipc_f[i], le_m[i], eys_m[i], mys_m[i], gnipc_m[i]); });
}

int gdi_group(double g) {
    if (std::isnan(g)) return 0;
    finite_at_least("gdi_group", "gdi", g, 0.0, "a GDI must be finite and not negative");
    const double deviation = rounding_rule{rounding::half_up, 3}.apply(std::fabs(1.0 - g));
    const long long thousandths = std::llround(deviation * 1000.0);
    if (thousandths <= 25) return 1;
    if (thousandths <= 50) return 2;
    if (thousandths <= 75) return 3;
    if (thousandths <= 100) return 4;
    return 5;
}

void gdi_group(const double* gdi, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] {
            const int g = gdi_group(gdi[i]);
            return g == 0 ? nan : static_cast<double>(g);
        });
}

std::string_view hdi_group(double h) {
    if (std::isnan(h)) return {};
    require(std::isfinite(h) && h >= 0.0 && h <= 1.0, "hdi_group", "hdi", h, "an HDI must lie in 0..1");
    const long long thousandths = std::llround(rounding_rule{rounding::half_up, 3}.apply(h) * 1000.0);
    if (thousandths >= 800) return "very high";
    if (thousandths >= 700) return "high";
    if (thousandths >= 550) return "medium";
    return "low";
}

void hdi_group(const double* hdi, std::string_view* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        try {
            out[i] = hdi_group(hdi[i]);
        } catch (const kinerja::error&) {
            out[i] = std::string_view{};
        }
    }
}

gdi_income_result gdi_income(double gnipc, double wage_ratio, double ea_share_f, double ea_share_m, double pop_share_f,
                             double pop_share_m) {
    if (any_nan(gnipc, wage_ratio, ea_share_f, ea_share_m, pop_share_f, pop_share_m)) return {nan, nan};
    constexpr std::string_view fn = "gdi_income";
    positive(fn, "gnipc", gnipc);
    positive(fn, "wage_ratio", wage_ratio);
    finite_at_least(fn, "ea_share_f", ea_share_f, 0.0, "a share must be finite and not negative");
    finite_at_least(fn, "ea_share_m", ea_share_m, 0.0, "a share must be finite and not negative");
    finite_at_least(fn, "pop_share_f", pop_share_f, 0.0, "a share must be finite and not negative");
    finite_at_least(fn, "pop_share_m", pop_share_m, 0.0, "a share must be finite and not negative");
    require(ea_share_f + ea_share_m > 0.0, fn, "ea_share_f + ea_share_m", ea_share_f + ea_share_m,
            "the shares of the economically active population must not both be 0");
    require(pop_share_f + pop_share_m > 0.0, fn, "pop_share_f + pop_share_m", pop_share_f + pop_share_m,
            "the population shares must not both be 0");
    const double ea_f = ea_share_f / (ea_share_f + ea_share_m);
    const double ea_m = ea_share_m / (ea_share_f + ea_share_m);
    const double p_f = pop_share_f / (pop_share_f + pop_share_m);
    const double p_m = pop_share_m / (pop_share_f + pop_share_m);
    if (!(p_f > 0.0) || !(p_m > 0.0))
        undefined(fn, "a population share is 0, so the GNI per capita of that sex is not defined");
    const double s_f = wage_ratio * ea_f / (wage_ratio * ea_f + ea_m);
    return {gnipc * s_f / p_f, gnipc * (1.0 - s_f) / p_m};
}

void gdi_income(const double* gnipc, const double* wage_ratio, const double* ea_share_f, const double* ea_share_m,
                const double* pop_share_f, const double* pop_share_m, double* female, double* male, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        gdi_income_result r{nan, nan};
        try {
            r = gdi_income(gnipc[i], wage_ratio[i], ea_share_f[i], ea_share_m[i], pop_share_f[i], pop_share_m[i]);
        } catch (const kinerja::error&) {
        }
        female[i] = r.female;
        male[i] = r.male;
    }
}

gii_components gii_detail(double mmr, double abr, double se_f, double se_m, double pr_f, double pr_m, double lfpr_f,
                          double lfpr_m) {
    if (any_nan(mmr, abr, se_f, se_m, pr_f, pr_m, lfpr_f, lfpr_m)) return all_nan();
    constexpr std::string_view fn = "gii";
    positive(fn, "mmr", mmr);
    positive(fn, "abr", abr);
    percentage(fn, "se_f", se_f);
    percentage(fn, "se_m", se_m);
    percentage(fn, "pr_f", pr_f);
    percentage(fn, "pr_m", pr_m);
    percentage(fn, "lfpr_f", lfpr_f);
    percentage(fn, "lfpr_m", lfpr_m);
    const double clamped = std::fmin(std::fmax(mmr, 10.0), 1000.0);
    const double health = std::sqrt(10.0 / clamped * 1.0 / abr);
    return gii_core(fn, health, seats(pr_f), se_f / 100.0, lfpr_f / 100.0, seats(pr_m), se_m / 100.0, lfpr_m / 100.0);
}

double gii(double mmr, double abr, double se_f, double se_m, double pr_f, double pr_m, double lfpr_f, double lfpr_m) {
    return gii_detail(mmr, abr, se_f, se_m, pr_f, pr_m, lfpr_f, lfpr_m).value;
}

void gii(const double* mmr, const double* abr, const double* se_f, const double* se_m, const double* pr_f,
         const double* pr_m, const double* lfpr_f, const double* lfpr_m, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] { return gii(mmr[i], abr[i], se_f[i], se_m[i], pr_f[i], pr_m[i], lfpr_f[i], lfpr_m[i]); });
}

namespace {
void check_epsilon(double epsilon) {
    finite_at_least("gem_edep", "epsilon", epsilon, 0.0, "the inequality aversion must be finite and not negative");
}
}  // namespace

double gem_edep(double pop_f, double pop_m, double share_f, double share_m, double epsilon) {
    check_epsilon(epsilon);
    if (any_nan(pop_f, pop_m, share_f, share_m)) return nan;
    constexpr std::string_view fn = "gem_edep";
    finite_at_least(fn, "pop_f", pop_f, 0.0, "a population must be finite and not negative");
    finite_at_least(fn, "pop_m", pop_m, 0.0, "a population must be finite and not negative");
    require(pop_f + pop_m > 0.0, fn, "pop_f + pop_m", pop_f + pop_m, "the populations must not both be 0");
    percentage(fn, "share_f", share_f);
    percentage(fn, "share_m", share_m);
    const double w_f = pop_f / (pop_f + pop_m);
    const double w_m = pop_m / (pop_f + pop_m);
    const bool zero_share = (w_f > 0.0 && share_f == 0.0) || (w_m > 0.0 && share_m == 0.0);
    if (epsilon >= 1.0 && zero_share) return 0.0;
    if (epsilon == 1.0) {
        double log_mean = 0.0;
        if (w_f > 0.0) log_mean += w_f * std::log(share_f);
        if (w_m > 0.0) log_mean += w_m * std::log(share_m);
        return std::exp(log_mean);
    }
    const double power = 1.0 - epsilon;
    double sum = 0.0;
    if (w_f > 0.0) sum += w_f * std::pow(share_f, power);
    if (w_m > 0.0) sum += w_m * std::pow(share_m, power);
    return std::pow(sum, 1.0 / power);
}

void gem_edep(const double* pop_f, const double* pop_m, const double* share_f, const double* share_m, double epsilon,
              double* out, std::size_t n) {
    check_epsilon(epsilon);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] { return gem_edep(pop_f[i], pop_m[i], share_f[i], share_m[i], epsilon); });
}

// --------------------------------------------------------------------------- BPS

double ipm(double uhh, double hls, double rls, double expenditure, money_unit unit) {
    return ipm_with("ipm", uhh, hls, rls, expenditure, unit, life_expectancy_goalposts);
}
double ipm_female(double uhh, double hls, double rls, double expenditure, money_unit unit) {
    return ipm_with("ipm_female", uhh, hls, rls, expenditure, unit, life_expectancy_female_goalposts);
}
double ipm_male(double uhh, double hls, double rls, double expenditure, money_unit unit) {
    return ipm_with("ipm_male", uhh, hls, rls, expenditure, unit, life_expectancy_male_goalposts);
}

void ipm(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out, std::size_t n,
         money_unit unit) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] { return ipm(uhh[i], hls[i], rls[i], expenditure[i], unit); });
}
void ipm_female(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out,
                std::size_t n, money_unit unit) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] { return ipm_female(uhh[i], hls[i], rls[i], expenditure[i], unit); });
}
void ipm_male(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out,
              std::size_t n, money_unit unit) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded([&] { return ipm_male(uhh[i], hls[i], rls[i], expenditure[i], unit); });
}

double ipg(double ipm_f, double ipm_m) {
    if (any_nan(ipm_f, ipm_m)) return nan;
    constexpr std::string_view fn = "ipg";
    percentage(fn, "ipm_f", ipm_f);
    percentage(fn, "ipm_m", ipm_m);
    if (!(ipm_m > 0.0)) undefined(fn, "the male IPM is 0, so 100 x IPM_f / IPM_m is not defined");
    return 100.0 * ipm_f / ipm_m;
}

void ipg(const double* ipm_f, const double* ipm_m, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = guarded([&] { return ipg(ipm_f[i], ipm_m[i]); });
}

gii_components ikg_detail(double mtf, double mhpk20, double leg_f, double leg_m, double sma_f, double sma_m,
                          double tpak_f, double tpak_m) {
    if (any_nan(mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m)) return all_nan();
    constexpr std::string_view fn = "ikg";
    proportion(fn, "mtf", mtf);
    proportion(fn, "mhpk20", mhpk20);
    percentage(fn, "leg_f", leg_f);
    percentage(fn, "leg_m", leg_m);
    percentage(fn, "sma_f", sma_f);
    percentage(fn, "sma_m", sma_m);
    percentage(fn, "tpak_f", tpak_f);
    percentage(fn, "tpak_m", tpak_m);
    if (mtf == 0.0 || mhpk20 == 0.0)
        undefined(fn, "MTF or MHPK20 is 0, so the health term sqrt(5e-5 / (MTF x MHPK20)) is not defined");
    const double health = std::sqrt(5e-5 / (mtf * mhpk20));
    return gii_core(fn, health, seats(leg_f), sma_f / 100.0, tpak_f / 100.0, seats(leg_m), sma_m / 100.0,
                    tpak_m / 100.0);
}

double ikg(double mtf, double mhpk20, double leg_f, double leg_m, double sma_f, double sma_m, double tpak_f,
           double tpak_m) {
    return ikg_detail(mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m).value;
}

void ikg(const double* mtf, const double* mhpk20, const double* leg_f, const double* leg_m, const double* sma_f,
         const double* sma_m, const double* tpak_f, const double* tpak_m, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = guarded(
            [&] { return ikg(mtf[i], mhpk20[i], leg_f[i], leg_m[i], sma_f[i], sma_m[i], tpak_f[i], tpak_m[i]); });
}

}  // namespace kinerja::indices
