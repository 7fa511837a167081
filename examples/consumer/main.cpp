// A government app linking kinerja through find_package(kinerja CONFIG REQUIRED).
// Reads printed cells of the Bekasi Renstra, computes achievement and audits a printed ratio;
// writes a finding as JSON and through fmt with the opt-in headers json.hpp and fmt.hpp.
#include <kinerja/fmt.hpp>
#include <kinerja/json.hpp>
#include <kinerja/kinerja.hpp>

#include <iostream>

int main() {
    using namespace kinerja;
    const value target = parse_value("1 : 4.250");  // one case per 4,250 women (Tabel 2.7, 2021)
    const value realized = parse_value("1 : 4.347");
    const auto options = achievement_options{}
                             .with_polarity(polarity::lower)  // a violence rate: lower is better
                             .with_rounding(rounding::half_up, 2);
    const achievement_result a = achievement(target, realized, options);
    std::cout << "achievement 2021: " << format_number(*a.percent, convention::indonesian, 2) << "% ("
              << to_string(*a.attainment) << ", " << a.basis << ")\n";

    const audit_result check = audit_achievement(target, realized, parse_reported_achievement("0.97"),
                                                 audit_options{}.with_polarity(polarity::lower));
    std::cout << "printed 0.97 consistent: " << (*check.consistent ? "yes" : "no") << ", expected "
              << format_number(*check.expected, convention::english, 2) << "\n";

    std::cout << "KLA 742,340 is " << parse_value("742,340", "KLA").level << "\n";
    const units::money pagu = 10'000'000.0 * units::rupiah;
    const units::money spent = 8'997'000.0 * units::rupiah;
    std::cout << "absorption: " << units::absorption(pagu, spent).value() << "%\n";

    finding f;
    f.rule = "budget-rollup";
    f.severity = severity::error;
    f.node = "2.08.01";
    f.year = 2025;
    f.message = "pagu differs";
    f.location = location{"plan.yaml", 12, 7};
    std::cout << nlohmann::ordered_json(f).dump() << "\n";
    fmt::print("{}\n", f);
    return 0;
}
