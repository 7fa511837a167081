#include <iostream>
#include <kinerja/kinerja.hpp>
int main() {
    using namespace kinerja;
    value target = parse_value("CC (60)"), realized = parse_value("BB (72.79)");  // Nilai AKIP 2019
    const auto o = achievement_options{}.with_polarity(polarity::higher).with_rounding(rounding::half_up, 2);
    std::cout << achievement(target, realized, o).percent.value() << "% "     // 121.32%
              << category(121.32) << " " << classify("KLA", 742.34) << "\n";  // Sangat Tinggi Nindya
    std::cout << audit_achievement(target, realized, parse_value("1.21")).consistent.value() << "\n";
}
