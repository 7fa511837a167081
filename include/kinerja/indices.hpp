// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file indices.hpp
/// Composite development indices of UNDP (HDI, HDI by sex, GDI, GII, GEM) and of BPS (IPM, IPG,
/// IKG), in namespace kinerja::indices. docs/indices.md gives every goalpost, cap and rounding
/// rule with its source and the published values the tests reproduce.
///
/// | index | formula (dimension indices are (x - min) / (max - min), capped at 1) |
/// |-------|------------------------------------------------------------------------|
/// | HDI   | (LEI x EI x II)^(1/3); LE 20-85, EYS 0-18, MYS 0-15, EI = (EYSI + MYSI) / 2, GNI pc 100-75,000 PPP$ on ln
/// | | HDI_f, HDI_m | the same with life expectancy 22.5-87.5 (women), 17.5-82.5 (men) | | GDI   | HDI_f / HDI_m; five
/// groups by abs(1 - GDI) rounded to 3 decimals: <= 0.025, 0.050, 0.075, 0.100, above | | GII   | 1 - HARM(G_F, G_M) /
/// G_FM, MMR clamped to 10..1000, a 0 % parliament share read as 0.1 % | | GEM EDEP | [w_f s_f^(1-e) + w_m
/// s_m^(1-e)]^(1/(1-e)), e = 2 by default | | IPM   | 100 x (IKes x IPend x IPeng)^(1/3); UHH 20-85, HLS 0-18, RLS
/// 0-15, expenditure Rp 1,007,436-26,572,352 on ln | | IPG   | 100 x IPM_f / IPM_m | | IKG   | the GII with H_F =
/// sqrt(5e-5 / (MTF x MHPK20)) |
///
/// Every function returns full precision: UNDP publishes 3 decimals, BPS 2 decimals (IPM, IPG)
/// or 3 (IKG); the groups are decided on the value rounded half up to 3 decimals.
///
/// Inputs: a NaN input (missing) gives NaN. An input outside the method's domain (negative,
/// a share above 100 %, a life expectancy below the minimum goalpost, MMR <= 0) throws
/// argument_error `kinerja.argument.index_input` in the scalar functions and gives NaN in the
/// pointer (array) functions. What the method itself fixes is not an error: values above the
/// maxima are capped, the GII clamps MMR to 10..1000 and reads a 0 % parliament share as 0.1 %.
/// A result that the formula leaves undefined (a male HDI of 0 under the GDI, MTF = 0 under the
/// IKG) throws undefined_error `kinerja.undefined.index` (NaN in arrays). The pointer
/// functions take n rows; `out` may alias an input.

#include <cstddef>
#include <string_view>

namespace kinerja::indices {

/// The minimum ("natural zero") and maximum ("aspirational target") of an indicator.
struct goalposts {
    double min;
    double max;
};

/// UNDP HDI goalposts (HDR technical notes, since the 2015 report).
inline constexpr goalposts life_expectancy_goalposts{20.0, 85.0};
inline constexpr goalposts life_expectancy_female_goalposts{22.5, 87.5};  ///< GDI, women
inline constexpr goalposts life_expectancy_male_goalposts{17.5, 82.5};    ///< GDI, men
inline constexpr goalposts expected_schooling_goalposts{0.0, 18.0};
inline constexpr goalposts mean_schooling_goalposts{0.0, 15.0};
inline constexpr goalposts gni_goalposts{100.0, 75000.0};  ///< GNI per capita, PPP$, on a log scale
/// BPS IPM (new method, since 2014 data): adjusted per-capita expenditure, rupiah per person per
/// year (PPP-adjusted), on a log scale. Min: the lowest district poverty line of 2010 (Tolikara);
/// max: the projected 2025 expenditure of Jakarta Selatan.
inline constexpr goalposts expenditure_goalposts{1007436.0, 26572352.0};

// --------------------------------------------------------------------------- dimension indices

/// (min(le, g.max) - g.min) / (g.max - g.min). \throws argument_error if le < g.min.
double life_expectancy_index(double le, const goalposts& g = life_expectancy_goalposts);
/// (min(eys, 18) / 18 + min(mys, 15) / 15) / 2. \throws argument_error if negative.
double education_index(double eys, double mys);
/// (ln min(gnipc, 75000) - ln 100) / (ln 75000 - ln 100). \throws argument_error if gnipc < 100.
double income_index(double gnipc);

/// How an expenditure is given to the BPS functions.
enum class money_unit {
    automatic,       ///< below 100,000 it is read as thousand rupiah (as BPS tables print it), else rupiah
    rupiah,          ///< rupiah per person per year
    thousand_rupiah  ///< thousand rupiah per person per year
};
/// (ln min(x, max) - ln min) / (ln max - ln min) on expenditure_goalposts.
/// \throws argument_error if x (in rupiah) is below Rp 1,007,436.
double expenditure_index(double expenditure, money_unit unit = money_unit::automatic);

// --------------------------------------------------------------------------- UNDP

/// Human Development Index, 0..1. le: life expectancy at birth (years); eys, mys: expected and
/// mean years of schooling; gnipc: GNI per capita (PPP$).
double hdi(double le, double eys, double mys, double gnipc);
void hdi(const double* le, const double* eys, const double* mys, const double* gnipc, double* out, std::size_t n);
/// HDI of women: life expectancy goalposts 22.5-87.5.
double hdi_female(double le, double eys, double mys, double gnipc);
void hdi_female(const double* le, const double* eys, const double* mys, const double* gnipc, double* out,
                std::size_t n);
/// HDI of men: life expectancy goalposts 17.5-82.5.
double hdi_male(double le, double eys, double mys, double gnipc);
void hdi_male(const double* le, const double* eys, const double* mys, const double* gnipc, double* out, std::size_t n);

/// Gender Development Index, HDI_f / HDI_m. \throws undefined_error when HDI_m is 0.
double gdi(double le_f, double eys_f, double mys_f, double gnipc_f, double le_m, double eys_m, double mys_m,
           double gnipc_m);
void gdi(const double* le_f, const double* eys_f, const double* mys_f, const double* gnipc_f, const double* le_m,
         const double* eys_m, const double* mys_m, const double* gnipc_m, double* out, std::size_t n);

/// GDI group 1..5 by abs(1 - GDI) rounded half up to 3 decimals: <= 0.025 -> 1 (high equality),
/// <= 0.050 -> 2, <= 0.075 -> 3, <= 0.100 -> 4, above -> 5 (low equality). 0 for a NaN GDI.
/// \throws argument_error for a negative or infinite GDI.
int gdi_group(double gdi);
/// Element-wise; NaN where the GDI is NaN or invalid.
void gdi_group(const double* gdi, double* out, std::size_t n);

/// HDI group of the value rounded half up to 3 decimals: "very high" (>= 0.800), "high"
/// (0.700-0.799), "medium" (0.550-0.699), "low" (< 0.550). Empty for a NaN HDI.
/// \throws argument_error outside 0..1.
std::string_view hdi_group(double hdi);
/// Element-wise; an empty view where the HDI is NaN or invalid. The views point to static text.
void hdi_group(const double* hdi, std::string_view* out, std::size_t n);

/// Estimated female and male GNI per capita (UNDP technical note on the GDI).
struct gdi_income_result {
    double female;
    double male;
};
/// Estimated GNI per capita of women and men from the GNI per capita, the female-to-male wage
/// ratio W_f/W_m and the female and male shares of the economically active population (EA) and
/// of the population (P):
///     S_f = W_f/W_m x EA_f / (W_f/W_m x EA_f + EA_m)     (women's share of the wage bill)
///     GNIpc_f = GNIpc x S_f / P_f,  GNIpc_m = GNIpc x (1 - S_f) / P_m
/// Each pair of shares is normalized to sum to 1, so percentages, fractions or head counts all
/// work. \throws argument_error for gnipc or wage_ratio <= 0, negative shares, or a pair summing
/// to 0; undefined_error when a population share is 0.
gdi_income_result gdi_income(double gnipc, double wage_ratio, double ea_share_f, double ea_share_m, double pop_share_f,
                             double pop_share_m);
void gdi_income(const double* gnipc, const double* wage_ratio, const double* ea_share_f, const double* ea_share_m,
                const double* pop_share_f, const double* pop_share_m, double* female, double* male, std::size_t n);

/// The steps of a GII (or IKG) computation.
struct gii_components {
    double health_f;  ///< women's reproductive-health term, (10/MMR x 1/ABR)^(1/2) (IKG: sqrt(5e-5 / (MTF x MHPK20)))
    double empowerment_f;  ///< (PR_F x SE_F)^(1/2), shares as fractions
    double empowerment_m;  ///< (PR_M x SE_M)^(1/2)
    double g_f;            ///< [health_f x empowerment_f x LFPR_F]^(1/3)
    double g_m;            ///< [1 x empowerment_m x LFPR_M]^(1/3)
    double harm;           ///< harmonic mean of g_f and g_m
    double g_fm;           ///< (mean health x mean empowerment x mean LFPR)^(1/3), mean health = (health_f + 1) / 2
    double value;          ///< 1 - harm / g_fm
};

/// Gender Inequality Index, 0..1. mmr: maternal deaths per 100,000 live births (clamped to
/// 10..1000, must be > 0); abr: births per 1,000 women aged 15-19 (> 0); se_f, se_m: population
/// 25+ with at least some secondary education (%); pr_f, pr_m: parliament seats (%; 0 is read as
/// 0.1); lfpr_f, lfpr_m: labour force participation rates (%).
double gii(double mmr, double abr, double se_f, double se_m, double pr_f, double pr_m, double lfpr_f, double lfpr_m);
void gii(const double* mmr, const double* abr, const double* se_f, const double* se_m, const double* pr_f,
         const double* pr_m, const double* lfpr_f, const double* lfpr_m, double* out, std::size_t n);
/// The GII with its steps (all NaN when an input is NaN).
gii_components gii_detail(double mmr, double abr, double se_f, double se_m, double pr_f, double pr_m, double lfpr_f,
                          double lfpr_m);

/// Equally distributed equivalent percentage of the GEM (HDR 1995):
///     EDEP = [w_f share_f^(1-epsilon) + w_m share_m^(1-epsilon)]^(1/(1-epsilon))
/// with population weights w = pop / (pop_f + pop_m) (counts, fractions or percentages) and
/// epsilon >= 0 (2: the harmonic mean; 1: the geometric mean; 0: the arithmetic mean). The
/// result is in the unit of the shares (percent); UNDP indexes it by dividing by 50. A zero share
/// gives 0 when epsilon >= 1. \throws argument_error for negative inputs, shares above 100,
/// populations summing to 0, or a negative/infinite epsilon.
double gem_edep(double pop_f, double pop_m, double share_f, double share_m, double epsilon = 2.0);
void gem_edep(const double* pop_f, const double* pop_m, const double* share_f, const double* share_m, double epsilon,
              double* out, std::size_t n);

// --------------------------------------------------------------------------- BPS

/// Indeks Pembangunan Manusia (new method), 0..100. uhh: umur harapan hidup (years); hls:
/// harapan lama sekolah; rls: rata-rata lama sekolah; expenditure: pengeluaran per kapita
/// disesuaikan per year (see money_unit).
double ipm(double uhh, double hls, double rls, double expenditure, money_unit unit = money_unit::automatic);
void ipm(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out, std::size_t n,
         money_unit unit = money_unit::automatic);
/// IPM of women and of men as used by BPS for the IPG: the IPM with UNDP's sex-specific life
/// expectancy goalposts (22.5-87.5 women, 17.5-82.5 men).
double ipm_female(double uhh, double hls, double rls, double expenditure, money_unit unit = money_unit::automatic);
double ipm_male(double uhh, double hls, double rls, double expenditure, money_unit unit = money_unit::automatic);
void ipm_female(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out,
                std::size_t n, money_unit unit = money_unit::automatic);
void ipm_male(const double* uhh, const double* hls, const double* rls, const double* expenditure, double* out,
              std::size_t n, money_unit unit = money_unit::automatic);

/// Indeks Pembangunan Gender, 100 x IPM_f / IPM_m. \throws argument_error outside 0..100,
/// undefined_error when IPM_m is 0.
double ipg(double ipm_f, double ipm_m);
void ipg(const double* ipm_f, const double* ipm_m, double* out, std::size_t n);

/// Indeks Ketimpangan Gender (BPS), 0..1: the GII with the women's health term
/// sqrt(5e-5 / (MTF x MHPK20)). mtf: share of women 15-49 whose last live birth was not in a
/// health facility; mhpk20: share of women 15-49 whose first live birth was before age 20 (both
/// proportions 0..1); leg_f, leg_m: legislative seats (%; 0 read as 0.1); sma_f, sma_m:
/// population 25+ with at least upper secondary school (%); tpak_f, tpak_m: labour force
/// participation (%). \throws undefined_error when mtf or mhpk20 is 0.
double ikg(double mtf, double mhpk20, double leg_f, double leg_m, double sma_f, double sma_m, double tpak_f,
           double tpak_m);
void ikg(const double* mtf, const double* mhpk20, const double* leg_f, const double* leg_m, const double* sma_f,
         const double* sma_m, const double* tpak_f, const double* tpak_m, double* out, std::size_t n);
gii_components ikg_detail(double mtf, double mhpk20, double leg_f, double leg_m, double sma_f, double sma_m,
                          double tpak_f, double tpak_m);

}  // namespace kinerja::indices
