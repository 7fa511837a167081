// Checks the bundled plan (or the plan file given) the way an inspector would and prints the
// budget roll-ups that fail for one programme and the printed achievements that do not follow.
#include <kinerja/kinerja.hpp>

#include <iostream>

int main(int argc, char** argv) {
    try {
        const kinerja::plan plan = argc > 1 ? kinerja::load_plan(argv[1]) : kinerja::bundled_plan();
        std::cout << plan.info.organisation << ", " << plan.info.region << " " << plan.info.period_from << "-"
                  << plan.info.period_to << "\n";
        const auto options = kinerja::check_options{}.with_rules({"budget-rollup", "reported-achievement"});
        for (const kinerja::finding& f : kinerja::check_plan(plan, options)) {
            if (f.rule == "budget-rollup" && f.node != "2.08.01") continue;
            std::cout << f.rule << " " << f.node << " ";
            if (f.year) std::cout << *f.year;  // 2024, or end for the end column (kinerja::period_year)
            std::cout << ": printed " << f.actual << ", expected " << f.expected << "\n";
        }
    } catch (const kinerja::error& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }
    return 0;
}
